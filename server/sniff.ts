// Reads an image's type and size from its bytes' magic numbers: the response_format label says
// nothing reliable (`raw` says nothing at all), the bytes do.
import { imageSize } from 'image-size';
import type { ImageMime } from './protocol/studio';

const MIME: Record<string, ImageMime> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

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
