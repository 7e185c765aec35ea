// Parameters carried inside downloaded files, so dropping one back restores the form.
// PNG: iTXt chunks (UTF-8, so any prompt survives) named `parameters`, in the text convention other
// studios read ("<prompt>\nSteps: 4, Seed: 1234, ..."), and `friendli-studio`, the exact parameters
// as JSON. JPEG: the same two texts as COM (comment) segments. Chunk framing and CRCs come from
// png-chunks-extract/-encode; the iTXt and COM layouts are a few bytes each and written here.
import extract, { type PngChunk } from 'png-chunks-extract';
import encode from 'png-chunks-encode';
import { decode as decodeText } from 'png-chunk-text';
import { pickParams, type GalleryEntry, type ImageParams } from '@/lib/params';

const JSON_KEY = 'friendli-studio';
const TEXT_KEY = 'parameters';

export type EmbeddedMeta = ImageParams & Partial<Pick<GalleryEntry, 'engine' | 'endpoint' | 'width' | 'height'>>;

/** The text other studios write and read: the prompt, then one line of settings. */
export function parametersText(meta: EmbeddedMeta): string {
  const fields = [`Steps: ${meta.steps}`, `Seed: ${meta.seed}`];
  if (meta.width && meta.height) fields.push(`Size: ${meta.width}x${meta.height}`);
  if (meta.endpoint) fields.push(`Model: ${meta.endpoint}`);
  if (meta.engine) fields.push(`Engine: ${meta.engine === 'local' ? 'local preview engine' : 'FriendliAI'}`);
  fields.push(`Format: ${meta.format}`);
  return `${meta.prompt}\n${fields.join(', ')}`;
}

const utf8 = new TextEncoder();
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;

/** iTXt data: keyword, NUL, no compression (0, 0), empty language tag and translated keyword, text. */
function iTxt(keyword: string, text: string): PngChunk {
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

/** A PNG whose chunks cannot be read: a bad checksum, or a file cut short. */
export class DamagedImageError extends Error {
  constructor() {
    super('The image file is damaged (cut short, or its data is corrupted), so its parameters cannot be read.');
    this.name = 'DamagedImageError';
  }
}

function chunksOf(bytes: Uint8Array): PngChunk[] {
  try {
    return extract(bytes);
  } catch {
    throw new DamagedImageError();
  }
}

function pngTexts(bytes: Uint8Array): Map<string, string> {
  const texts = new Map<string, string>();
  for (const chunk of chunksOf(bytes)) {
    try {
      const t = chunk.name === 'iTXt' ? readITxt(chunk.data) : chunk.name === 'tEXt' ? decodeText(chunk.data) : undefined;
      if (t) texts.set(t.keyword, t.text);
    } catch {
      // A damaged text chunk is skipped, not fatal.
    }
  }
  return texts;
}

/** JPEG segments before the image data: [marker, payload] pairs. */
function* jpegSegments(bytes: Uint8Array): Generator<[number, Uint8Array, number]> {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return; // start of scan, or end of image
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    yield [marker, bytes.subarray(at + 4, at + 2 + length), at];
    at += 2 + length;
  }
}

function comSegment(text: string): Uint8Array {
  const body = utf8.encode(text);
  if (body.length > 65533) throw new Error('metadata too long for a JPEG comment');
  return new Uint8Array([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
}

/** A copy of the image with the parameters embedded; earlier ones of ours are replaced. */
export function embedParameters(bytes: Uint8Array, meta: EmbeddedMeta): Uint8Array {
  const json = JSON.stringify({ app: 'friendli-image-studio', version: 1, ...meta });
  if (isPng(bytes)) {
    const chunks = extract(bytes).filter((c) => !(c.name === 'iTXt' || c.name === 'tEXt') || ![JSON_KEY, TEXT_KEY].includes(readKeyword(c.data)));
    const idat = chunks.findIndex((c) => c.name === 'IDAT');
    chunks.splice(idat, 0, iTxt(TEXT_KEY, parametersText(meta)), iTxt(JSON_KEY, json));
    return encode(chunks);
  }
  if (isJpeg(bytes)) {
    // One pass over the header segments: drop our earlier comments, and put the new ones right
    // after the APPn headers (JFIF, EXIF), before the image's own tables.
    const parts: Uint8Array[] = [bytes.subarray(0, 2)];
    let afterHeaders = 1;
    let end = 2;
    for (const [marker, payload, start] of jpegSegments(bytes)) {
      end = start + 4 + payload.length;
      if (marker === 0xfe && isOurComment(fromUtf8(payload))) continue;
      parts.push(bytes.subarray(start, end));
      if (marker >= 0xe0 && marker <= 0xef) afterHeaders = parts.length;
    }
    parts.push(bytes.subarray(end));
    parts.splice(afterHeaders, 0, comSegment(`${TEXT_KEY}:${parametersText(meta)}`), comSegment(`${JSON_KEY}:${json}`));
    return concat(parts);
  }
  throw new Error('Only PNG and JPEG files can carry parameters.');
}

const isOurComment = (text: string) => text.startsWith(`${JSON_KEY}:`) || text.startsWith(`${TEXT_KEY}:`);

function readKeyword(data: Uint8Array): string {
  const end = data.indexOf(0);
  return fromUtf8(data.subarray(0, end < 0 ? data.length : end));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads "prompt\nSteps: 4, Seed: 1234, ..." as other studios write it. */
export function parseParametersText(text: string): Partial<ImageParams> {
  const lines = text.split('\n');
  const settingsAt = lines.findIndex((l) => /^Steps: \d+/.test(l));
  if (settingsAt < 1) return {};
  const settings = Object.fromEntries(
    lines[settingsAt]!.split(/,\s*/).map((pair) => {
      const i = pair.indexOf(':');
      return [pair.slice(0, i).trim().toLowerCase(), pair.slice(i + 1).trim()];
    }),
  );
  const prompt = lines.slice(0, settingsAt).join('\n').split('\nNegative prompt:')[0]!;
  return pickParams({ prompt, steps: settings.steps, seed: settings.seed, format: settings.format });
}

/** The parameters a file carries: ours exactly, else another studio's text; undefined if none. Throws DamagedImageError for a PNG that cannot be read. */
export function readParameters(bytes: Uint8Array): Partial<ImageParams> | undefined {
  let json: string | undefined;
  let text: string | undefined;
  if (isPng(bytes)) {
    const texts = pngTexts(bytes);
    json = texts.get(JSON_KEY);
    text = texts.get(TEXT_KEY);
  } else if (isJpeg(bytes)) {
    for (const [marker, payload] of jpegSegments(bytes)) {
      if (marker !== 0xfe) continue;
      const comment = fromUtf8(payload);
      if (comment.startsWith(`${JSON_KEY}:`)) json = comment.slice(JSON_KEY.length + 1);
      else if (comment.startsWith(`${TEXT_KEY}:`)) text = comment.slice(TEXT_KEY.length + 1);
    }
  }
  if (json) {
    try {
      const params = pickParams(JSON.parse(json) as Record<string, unknown>);
      if (params.prompt) return params;
    } catch {
      // Fall through to the text form.
    }
  }
  const fromText = text ? parseParametersText(text) : {};
  return fromText.prompt ? fromText : undefined;
}

/** The image as it was before `embedParameters`: our chunks or comments removed, all else as it was. */
export function stripParameters(bytes: Uint8Array): Uint8Array {
  if (isPng(bytes)) {
    return encode(extract(bytes).filter((c) => !(c.name === 'iTXt' || c.name === 'tEXt') || ![JSON_KEY, TEXT_KEY].includes(readKeyword(c.data))));
  }
  if (isJpeg(bytes)) {
    const parts: Uint8Array[] = [bytes.subarray(0, 2)];
    let end = 2;
    for (const [marker, payload, start] of jpegSegments(bytes)) {
      end = start + 4 + payload.length;
      if (!(marker === 0xfe && isOurComment(fromUtf8(payload)))) parts.push(bytes.subarray(start, end));
    }
    parts.push(bytes.subarray(end));
    return concat(parts);
  }
  return bytes;
}
