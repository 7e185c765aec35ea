// Images the browser sends (edit sources, control images): `data:` URLs only, never a URL the
// server would fetch; the payload's length is counted before it is decoded, and the bytes must be
// a PNG, JPEG or WebP image (by magic number) of at most 4096 px a side.
import { z } from 'zod';
import { sniffImage } from '../sniff';

import { INPUT_IMAGE_MAX_SIDE } from '../protocol/bounds';

export { INPUT_IMAGE_MAX_SIDE };

const DATA_URL = /^data:[a-z0-9.+/-]*(?:;[a-z0-9=.+-]+)*;base64,/i;
export const NOT_AN_IMAGE = 'not a PNG, JPEG or WebP data: URL';

/** Why `value` is not an acceptable input image, or undefined when it is. */
export function inputImageProblem(value: string, maxBytes: number): string | undefined {
  const head = DATA_URL.exec(value.slice(0, 256));
  if (!head) return NOT_AN_IMAGE;
  const payloadLength = value.length - head[0].length;
  // Counted before decoding: base64 is 4 characters for 3 bytes.
  if (payloadLength > Math.ceil(maxBytes / 3) * 4) return `is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`;
  const payload = value.slice(head[0].length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) return `${NOT_AN_IMAGE} (its base64 is not valid)`;
  const info = sniffImage(Buffer.from(payload, 'base64'));
  if (!info) return NOT_AN_IMAGE;
  if (info.width > INPUT_IMAGE_MAX_SIDE || info.height > INPUT_IMAGE_MAX_SIDE) {
    return `is ${info.width}×${info.height} px: at most ${INPUT_IMAGE_MAX_SIDE} px a side`;
  }
  return undefined;
}

/** `{ image: "data:…" }`, checked as above. */
export function inputImageSchema(maxBytes: number) {
  return z
    .object({
      image: z.string({ error: NOT_AN_IMAGE }).superRefine((value, ctx) => {
        const problem = inputImageProblem(value, maxBytes);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    })
    .strict();
}
