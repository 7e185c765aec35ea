// The bytes of one generated image, fetched from the studio server (/api/images/:id) so that the
// queue can hand them to the gallery: a job is done only once they are stored.
import { ApiError } from '@/lib/api-client';

/** No image the studio makes comes near this; a larger answer is refused while it arrives. */
const IMAGE_MAX_BYTES = 64 * 1024 * 1024;

export async function fetchImage(url: string, signal?: AbortSignal, max = IMAGE_MAX_BYTES): Promise<Blob> {
  const unreachable = () => new ApiError('image_fetch', 'The image was made, but the browser could not fetch it from the studio server to store it.');
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch {
    if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled.');
    throw unreachable();
  }
  if (!response.ok || !response.body) {
    throw new ApiError('image_fetch', `The image was made, but the studio server no longer has it to store (HTTP ${response.status}).`, response.status);
  }
  const type = response.headers.get('content-type') ?? '';
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new ApiError('image_fetch', 'The server sent an image larger than any the studio makes; it was not stored.');
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled.');
    throw unreachable();
  }
  return new Blob(parts as Uint8Array<ArrayBuffer>[], { type });
}
