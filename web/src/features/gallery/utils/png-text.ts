// PNG text chunks: read every tEXt/iTXt text by keyword, and rewrite a PNG without the texts of
// some keywords and with new iTXt chunks before the image data. Chunk framing and CRCs come from
// png-chunks-extract/-encode; the iTXt layout is a few bytes and written here.
import extract, { type PngChunk } from 'png-chunks-extract';
import encode from 'png-chunks-encode';
import { decode as decodeText } from 'png-chunk-text';

const utf8 = new TextEncoder();
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

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
export function rewritePng(bytes: Uint8Array, drop: string[], insert: PngChunk[] = []): Uint8Array {
  const chunks = extract(bytes).filter((c) => !(c.name === 'iTXt' || c.name === 'tEXt') || !drop.includes(readKeyword(c.data)));
  if (insert.length) chunks.splice(chunks.findIndex((c) => c.name === 'IDAT'), 0, ...insert);
  return encode(chunks);
}
