// FastAPI's validation error body (the spec's HTTPValidationError), as FriendliAI sends it with a
// 422: read by the client, written by the local engine.
import { z } from 'zod';

export const validationErrorSchema = z.object({
  detail: z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() })),
});

/** A 422 body from zod's issues (or one of our own), each located in the body as FastAPI does. */
export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[]) {
  return { detail: issues.map((i) => ({ loc: ['body', ...i.path.map(String)], msg: i.message, type: i.code })) };
}
