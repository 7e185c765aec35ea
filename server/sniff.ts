// The server's one image sniffer: an image's type and size from its bytes' magic numbers (the
// response_format label says nothing reliable, `raw` nothing at all; a data: URL's label neither).
// Upstream answers, input images and the local engine's inputs are all read by it.
import { imageSize } from 'image-size';
import { IMAGE_MIMES, MIME_EXTENSION, type ImageMime } from './protocol/studio';

/** image-size names each type by its usual extension: the studio's list, read back. */
const MIME: Record<string, ImageMime> = Object.fromEntries(IMAGE_MIMES.map((mime) => [MIME_EXTENSION[mime], mime]));

export interface ImageInfo {
  mime: ImageMime;
  width: number;
  height: number;
}

/** The image's type and size, or undefined when the bytes are not a PNG, JPEG or WebP image. */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
  try {
    const { type, width, height } = imageSize(bytes);
    const mime = type ? MIME[type] : undefined;
    return mime && width && height ? { mime, width, height } : undefined;
  } catch {
    return undefined;
  }
}
