// The image types the studio takes and serves, and the one sniffer that tells them by their first
// bytes (never by a file's name or label). Shared by the input-image check, the header reader, the
// schema and the gallery's files and zips.
import { IMAGE_MIMES, type ImageMime } from '@server/contract';

/** PNG, JPEG and WebP: the contract's list. */
export { IMAGE_MIMES, type ImageMime };

/** PNG (its whole 8-byte signature), JPEG (SOI and a marker) or WebP (RIFF … WEBP), else undefined. */
export function sniffMime(head: Uint8Array): ImageMime | undefined {
  const at = (offset: number, ...bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return undefined;
}
