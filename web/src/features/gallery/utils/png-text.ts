// PNG text chunks: read every tEXt/iTXt text by keyword, and rewrite a PNG without the texts of
// some keywords and with new iTXt chunks before the image data. Reading chunks (and checking their
// CRCs) is png-chunks-extract's; writing them is done here, because png-chunks-encode copies each
// chunk's bytes into a plain array to checksum them (an 8 MB chunk took 9 s, so a large sheet or
// plot record stalled the tab); the framing is length, type, data, CRC-32, and the iTXt layout a
// few bytes.
import extract, { type PngChunk } from 'png-chunks-extract';
import { decode as decodeText } from 'png-chunk-text';
import { sniffMime } from '@/lib/image-type';

const utf8 = new TextEncoder();
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export const isPng = (b: Uint8Array) => sniffMime(b) === 'image/png';

/** A PNG whose chunks cannot be read: a bad checksum, or a file cut short. */
export class DamagedImageError extends Error {
  constructor() {
    super('The image file is damaged (cut short, or its data is corrupted), so its parameters cannot be read.');
    this.name = 'DamagedImageError';
  }
}

/** iTXt data: keyword, NUL, no compression (0, 0), empty language tag and translated keyword, text. */
export function iTxt(keyword: string, text: string): PngChunk {
  const head = utf8.encode(keyword);
  const body = utf8.encode(text);
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  data.set(body, head.length + 5); // the five bytes between are all zero
  return { name: 'iTXt', data };
}

function readITxt(data: Uint8Array): { keyword: string; text: string } | undefined {
  const end = data.indexOf(0);
  if (end < 0 || data[end + 1] !== 0) return undefined; // compressed iTXt: not ours
  let at = end + 3;
  at = data.indexOf(0, at) + 1; // language tag
  at = data.indexOf(0, at) + 1; // translated keyword
  if (at <= 0) return undefined;
  return { keyword: fromUtf8(data.subarray(0, end)), text: fromUtf8(data.subarray(at)) };
}

function readKeyword(data: Uint8Array): string {
  const end = data.indexOf(0);
  return fromUtf8(data.subarray(0, end < 0 ? data.length : end));
}

/** Every text chunk's text by keyword. Throws DamagedImageError when the chunks cannot be read. */
export function pngTexts(bytes: Uint8Array): Map<string, string> {
  let chunks: PngChunk[];
  try {
    chunks = extract(bytes);
  } catch {
    throw new DamagedImageError();
  }
  const texts = new Map<string, string>();
  for (const chunk of chunks) {
    try {
      const t = chunk.name === 'iTXt' ? readITxt(chunk.data) : chunk.name === 'tEXt' ? decodeText(chunk.data) : undefined;
      if (t) texts.set(t.keyword, t.text);
    } catch {
      // A damaged text chunk is skipped, not fatal.
    }
  }
  return texts;
}

/** The PNG without the text chunks named by `drop`, and with `insert` just before the image data. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The PNG signature and each chunk as length, type, data and the CRC-32 of type and data. */
function encode(chunks: PngChunk[]): Uint8Array {
  const out = new Uint8Array(8 + chunks.reduce((n, c) => n + 12 + c.data.length, 0));
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(out.buffer);
  let at = 8;
  for (const { name, data } of chunks) {
    view.setUint32(at, data.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = name.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
    at += 12 + data.length;
  }
  return out;
}

export function rewritePng(bytes: Uint8Array, drop: string[], insert: PngChunk[] = []): Uint8Array {
  const chunks = extract(bytes).filter((c) => !(c.name === 'iTXt' || c.name === 'tEXt') || !drop.includes(readKeyword(c.data)));
  if (insert.length) chunks.splice(chunks.findIndex((c) => c.name === 'IDAT'), 0, ...insert);
  return encode(chunks);
}
