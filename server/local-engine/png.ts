// PNG for the local engine's pictures: each row Sub-filtered (a byte minus the same channel of the
// pixel to its left), deflated with zlib's run-length strategy. The engine's grain makes pictures
// noisy, where a general deflate search costs much and finds little; this is faster and smaller.
// Not sharp (libvips), which JPEG still uses: it offers no choice of filter or deflate strategy,
// and its adaptive filtering and default deflate cost about 30 ms more per 1024² picture here.
import { promisify } from 'node:util';
import { constants, crc32, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Buffer[] {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return [head, Buffer.from(data.buffer, data.byteOffset, data.byteLength), tail];
}

/** Bytes of the filtered image data: each row is a filter-type byte and then width × 3 bytes. */
export const filteredSize = (width: number, height: number) => (width * 3 + 1) * height;

/** Sub-filters rows [from, to) of packed RGB pixels into `out` (filteredSize bytes for the whole picture). */
export function subFilterRows(rgb: Uint8Array, width: number, from: number, to: number, out: Uint8Array): void {
  const stride = width * 3;
  for (let y = from; y < to; y++) {
    const s = y * stride;
    const o = y * (stride + 1) + 1;
    out[o - 1] = 1;
    for (let x = 0; x < 3 && x < stride; x++) out[o + x] = rgb[s + x]!;
    for (let x = 3; x < stride; x++) out[o + x] = (rgb[s + x]! - rgb[s + x - 3]!) & 255;
  }
}

/** A PNG (8-bit RGB, not interlaced) from Sub-filtered rows; zlib runs on libuv's thread pool. */
export async function encodeFilteredPng(filtered: Uint8Array, width: number, height: number): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 2; // colour type: RGB; compression, filter method and interlace stay 0
  const idat = await deflateAsync(filtered, { strategy: constants.Z_RLE, chunkSize: 1 << 20 });
  return Buffer.concat([SIGNATURE, ...chunk('IHDR', ihdr), ...chunk('IDAT', idat), ...chunk('IEND', new Uint8Array(0))]);
}
