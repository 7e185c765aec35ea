// Reads a JSON body before validation, so that a malformed one is told apart by type (AppError
// `invalid_json`) rather than by the wording of the validator's HTTPException.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';

export const parseJson: MiddlewareHandler = async (c, next) => {
  try {
    // Hono caches the body, so the validator after this reads the same text again, not the stream.
    await c.req.json();
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  await next();
};
