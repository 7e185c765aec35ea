// JPEG comments (COM segments): read every comment before the image data, and rewrite a JPEG
// without some comments and with new ones right after the APPn headers (JFIF, EXIF), before the
// image's own tables. One walk over the header segments serves both.
import { sniffMime } from '@/lib/image-type';

const utf8 = new TextEncoder();
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const COM = 0xfe;

export const isJpeg = (b: Uint8Array) => sniffMime(b) === 'image/jpeg';

/** JPEG segments before the image data: [marker, payload, start] triples. */
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

/** Every comment's text, in file order. */
export function jpegComments(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const [marker, payload] of jpegSegments(bytes)) if (marker === COM) out.push(fromUtf8(payload));
  return out;
}

function comSegment(text: string): Uint8Array {
  const body = utf8.encode(text);
  if (body.length > 65533) throw new Error('metadata too long for a JPEG comment');
  return new Uint8Array([0xff, COM, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
}

/** The JPEG without the comments `drop` matches, and with `insert` as comments after the APPn headers. */
export function rewriteJpeg(bytes: Uint8Array, drop: (comment: string) => boolean, insert: string[] = []): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let afterHeaders = 1;
  let end = 2;
  for (const [marker, payload, start] of jpegSegments(bytes)) {
    end = start + 4 + payload.length;
    if (marker === COM && drop(fromUtf8(payload))) continue;
    parts.push(bytes.subarray(start, end));
    if (marker >= 0xe0 && marker <= 0xef) afterHeaders = parts.length;
  }
  parts.push(bytes.subarray(end));
  parts.splice(afterHeaders, 0, ...insert.map(comSegment));
  return concat(parts);
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
