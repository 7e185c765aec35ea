// The one shape of a refused body: a 400 `invalid_request` naming at most 10 problems (the rest
// counted), each cut short, never the whole input echoed back; and the validator hook that throws it.
import { AppError } from '../errors';
import { clip, firstProblems, moreProblems } from '../protocol/limits';

type Issue = { path: readonly PropertyKey[]; message: string };

export function invalid(issues: readonly Issue[]): AppError {
  const { shown, more } = firstProblems(issues);
  const details = shown.map((i) => clip(i.path.length && !i.message.startsWith(String(i.path[0])) ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  if (more) details.push(moreProblems(more));
  return new AppError(400, 'invalid_request', details.join('; '), { details });
}

/** For @hono/zod-validator: its failures become the 400 above. */
export const refuseInvalid = (result: { success: true } | { success: false; error: { issues: readonly Issue[] } }) => {
  if (!result.success) throw invalid(result.error.issues);
};
