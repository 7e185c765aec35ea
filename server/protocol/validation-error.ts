// FastAPI's validation error body (the spec's HTTPValidationError), as FriendliAI sends it with a
// 422: read by the client, written by the local engine (bounded: at most 10 problems, each short).
import { z } from 'zod';
import { MAX_ERROR_BODY_BYTES, clip, firstProblems, jsonBytes, moreProblems } from './limits';

export const validationErrorSchema = z.object({
  detail: z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() })),
});

type Detail = { loc: (string | number)[]; msg: string; type: string };

/**
 * A 422 body from zod's issues (or one of our own), each located in the body as FastAPI does:
 * at most 10 of them, each cut short, and a last entry counting the rest, under 8 KiB in all.
 */
export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[]) {
  const { shown, more } = firstProblems(issues);
  const detail: Detail[] = shown.map((i) => ({
    loc: ['body', ...i.path.slice(0, 8).map((p) => (typeof p === 'number' ? p : clip(String(p), 40)))],
    msg: clip(i.message),
    type: clip(i.code, 40),
  }));
  let left = more;
  while (detail.length > 1 && jsonBytes({ detail }) > MAX_ERROR_BODY_BYTES - 200) {
    detail.pop();
    left++;
  }
  if (left) detail.push({ loc: ['body'], msg: moreProblems(left), type: 'too_many_errors' });
  return { detail };
}
