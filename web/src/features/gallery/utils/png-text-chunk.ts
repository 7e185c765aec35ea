// One PNG text chunk (iTXt or tEXt) found by its keyword and read under a byte cap, for a text as
// large as a plot's record: the chunk's declared length is checked before anything is read or
// decoded, its checksum before it is trusted, and a compressed iTXt is inflated a slice at a time
// with a running count (zlib, as PNG has it), stopped as soon as it passes the cap.
import { Unzlib } from 'fflate';

export type ChunkText = { text: string } | { refused: 'damaged' | 'too-large' } | undefined;

/** Compressed bytes inflated per step: at most ~1,000 times this (4 MiB) can come out of one. */
const SLICE = 4 * 1024;
/** A keyword is 1-79 Latin-1 characters; the fields around a text are a few bytes more. */
const HEAD_MAX = 80 + 4 + 2 * 1024;

const be32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const name = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

let table: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The data inflated, or 'too-large' once more than `max` bytes came out; throws if it is damaged. */
function inflate(data: Uint8Array, max: number): Uint8Array | 'too-large' {
  const parts: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const stream = new Unzlib((chunk, final) => {
    size += chunk.length;
    if (size > max) throw new RangeError('past the cap');
    parts.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) stream.push(data.subarray(at, at + SLICE));
    if (!ended) stream.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof RangeError) return 'too-large';
    throw err;
  }
  if (!ended) throw new Error('cut short');
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/**
 * The text of the first iTXt or tEXt chunk named `keyword`, refused when its chunk is cut short or
 * fails its checksum ('damaged') or holds more than `max` bytes of text ('too-large'); undefined
 * when the PNG has no such chunk (or its chunks cannot be walked before one is found).
 */
export function readTextChunk(png: Uint8Array, keyword: string, max: number): ChunkText {
  const want = new TextEncoder().encode(`${keyword}\0`);
  for (let at = 8; at + 12 <= png.length; ) {
    const length = be32(png, at);
    const kind = name(png, at + 4);
    const data = at + 8;
    if (kind === 'IEND') return undefined;
    const ours = (kind === 'iTXt' || kind === 'tEXt') && want.every((b, i) => png[data + i] === b);
    if (!ours) {
      at = data + length + 4;
      continue;
    }
    // Before reading: the chunk's own length says whether it can hold a text under the cap.
    if (length > max + HEAD_MAX) return { refused: 'too-large' };
    if (data + length + 4 > png.length) return { refused: 'damaged' };
    const body = png.subarray(data, data + length);
    if (crc32(png.subarray(at + 4, data + length)) !== be32(png, data + length)) return { refused: 'damaged' };
    try {
      if (kind === 'tEXt') return { text: new TextDecoder('latin1').decode(body.subarray(want.length)) };
      const compressed = body[want.length] === 1;
      if (compressed && body[want.length + 1] !== 0) return { refused: 'damaged' }; // 0: zlib, the only method
      let textAt = want.length + 2;
      textAt = body.indexOf(0, textAt) + 1; // language tag
      textAt = textAt > 0 ? body.indexOf(0, textAt) + 1 : 0; // translated keyword
      if (textAt <= 0) return { refused: 'damaged' };
      const raw = compressed ? inflate(body.subarray(textAt), max) : body.subarray(textAt);
      if (raw === 'too-large' || raw.length > max) return { refused: 'too-large' };
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
    } catch {
      return { refused: 'damaged' };
    }
  }
  return undefined;
}
