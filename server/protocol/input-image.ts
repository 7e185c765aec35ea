// Images the browser sends (edit sources, control images): `data:` URLs only, never a URL the
// server would fetch; the payload's length is counted before it is decoded, the bytes must be a
// whole PNG, JPEG or WebP image (decoded by sharp, not only its header) of at most 4096 px a side,
// and what goes on upstream is labelled with the type the bytes are, whatever the label said.
import sharp from 'sharp';
import { z } from 'zod';
import { sniffImage } from '../sniff';
import { INPUT_IMAGE_MAX_SIDE } from './bounds';

const DATA_URL = /^data:[a-z0-9.+/-]*(?:;[a-z0-9=.+-]+)*;base64,/i;
export const NOT_AN_IMAGE = 'not a PNG, JPEG or WebP data: URL';
export const NOT_WHOLE = 'is not a whole image: its data is cut short or damaged';

export type InputImageCheck = { problem: string } | { dataUrl: string };

/** Why `value` is not an acceptable input image, or the data: URL to send on (relabelled by its bytes). */
export async function checkInputImage(value: string, maxBytes: number): Promise<InputImageCheck> {
  const head = DATA_URL.exec(value.slice(0, 256));
  if (!head) return { problem: NOT_AN_IMAGE };
  const payloadLength = value.length - head[0].length;
  // Counted before decoding: base64 is 4 characters for 3 bytes.
  if (payloadLength > Math.ceil(maxBytes / 3) * 4) return { problem: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB` };
  const payload = value.slice(head[0].length);
  const bytes = Buffer.from(payload, 'base64');
  // Valid base64 decodes to exactly this many bytes; the decoder skips any other character (and
  // stops at a misplaced "="), so fewer bytes mean the base64 is not valid. (A regular expression
  // over megabytes of text would hold the event loop for hundreds of milliseconds.)
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  if (payload.length % 4 === 1 || bytes.byteLength !== Math.floor((payload.length * 3) / 4) - padding) return { problem: `${NOT_AN_IMAGE} (its base64 is not valid)` };
  const info = sniffImage(bytes);
  if (!info) return { problem: NOT_AN_IMAGE };
  if (info.width > INPUT_IMAGE_MAX_SIDE || info.height > INPUT_IMAGE_MAX_SIDE) {
    return { problem: `is ${info.width}×${info.height} px: at most ${INPUT_IMAGE_MAX_SIDE} px a side` };
  }
  try {
    // Every pixel decoded (on libuv's threads, row by row, into an 8×8 result): a header with
    // little or no data behind it, or data cut short, fails here as the engines would fail it.
    await sharp(bytes, { failOn: 'error', limitInputPixels: INPUT_IMAGE_MAX_SIDE * INPUT_IMAGE_MAX_SIDE, sequentialRead: true }).resize(8, 8, { fit: 'fill' }).raw().toBuffer();
  } catch {
    return { problem: NOT_WHOLE };
  }
  return { dataUrl: `data:${info.mime};base64,${payload}` };
}

/** `{ image: "data:…" }`, checked as above and sent on with its true media type. */
export function inputImageSchema(maxBytes: number) {
  return z
    .object({
      image: z.string({ error: NOT_AN_IMAGE }).transform(async (value, ctx) => {
        const checked = await checkInputImage(value, maxBytes);
        if ('problem' in checked) {
          ctx.addIssue({ code: 'custom', message: checked.problem });
          return z.NEVER;
        }
        return checked.dataUrl;
      }),
    })
    .strict();
}
