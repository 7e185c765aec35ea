// An image's true size read from its header (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X), before any
// decoding: a few bytes can declare 16384×16384 px, which decoded would take a gigabyte. Shared by
// the input-image check and the gallery's zip import; undefined when the header cannot be read.
import { sniffMime } from './image-type';

export interface ImageSize {
  width: number;
  height: number;
}

const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const be32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const le24 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

function png(b: Uint8Array): ImageSize | undefined {
  // Signature (8), then the first chunk must be IHDR: length 13, name, width, height.
  if (b.length < 24 || !ascii(b, 12, 'IHDR')) return undefined;
  return { width: be32(b, 16), height: be32(b, 20) };
}

function jpeg(b: Uint8Array): ImageSize | undefined {
  let at = 2;
  // Walk the segments up to the first start-of-frame (SOF0-15 but DHT, JPG and DAC, which share the range).
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: be16(b, at + 5), width: be16(b, at + 7) };
    if (marker === 0xd9 || marker === 0xda) return undefined;
    at += 2 + be16(b, at + 2);
  }
  return undefined;
}

function webp(b: Uint8Array): ImageSize | undefined {
  if (b.length < 30 || !ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WEBP')) return undefined;
  if (ascii(b, 12, 'VP8X')) return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
  if (ascii(b, 12, 'VP8L')) {
    if (b[20] !== 0x2f) return undefined;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8 ')) {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  }
  return undefined;
}

/** The size the image's header declares, or undefined when it has none that can be read. */
export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const mime = sniffMime(bytes);
  const size = mime && { 'image/png': png, 'image/jpeg': jpeg, 'image/webp': webp }[mime](bytes);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
