// POST /api/generate, or POST /api/edit when the request has a source image; the caller's
// AbortSignal cancels it all the way upstream. The queue (stores/queue-store.ts) runs it, so that a
// burst keeps to the server's concurrency. Input images travel by reference (their hash) until here:
// their bytes are read from the input store and sent as data: URLs, the only form the server takes.
// The bodies are typed by the routes' own validators (through AppType): an unknown field or a wrong
// type is a compile error here (web/src/lib/api-client.types.test.ts holds that).
import type { GenerateResponse } from '@server/contract';
import { api, ApiError, call } from '@/lib/api-client';
import { getInput, toDataUrl } from '@/lib/input-images';
import type { InputRef, RequestParams } from '@/lib/params';

async function dataUrlOf(ref: InputRef, what: string): Promise<string> {
  const blob = await getInput(ref.hash);
  if (!blob) throw new ApiError('input_missing', `The ${what} is no longer stored in this browser (it was cleared, or the entry came from a zip without it). Choose it again.`);
  return toDataUrl(blob);
}

export async function generateImage(request: RequestParams, signal?: AbortSignal): Promise<GenerateResponse> {
  const { source, controls, ...plain } = request;
  const init = { init: { signal } };
  if (source) {
    const image = await dataUrlOf(source, 'source image');
    return call(api.edit.$post({ json: { ...plain, image: { image } } }, init));
  }
  if (controls?.length) {
    const control_images = await Promise.all(controls.map(async (c, i) => ({ image: await dataUrlOf(c.image, `control image ${i + 1}`) })));
    return call(api.generate.$post({ json: { ...plain, control_images, controlnet_weights: controls.map((c) => c.weight) } }, init));
  }
  return call(api.generate.$post({ json: plain }, init));
}
