// The bodies of the routes that may carry images (/api/generate, /api/edit, /local's generations
// and edits): admitted through one server-wide byte budget before they are read, counted as they
// stream, read once into one buffer, parsed once, and held to PLAIN_BODY_MAX_BYTES (64 KiB, given
// by server/app.ts) unless they carry images.
import { isAscii } from 'node:buffer';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors';

/** The parsed body, for the handler after this middleware (`invalid`: the body is not JSON). */
export type ReadBody = { json: unknown } | { invalid: true };
declare module 'hono' {
  interface ContextVariableMap {
    readBody: ReadBody;
  }
}

/** Bytes of request bodies the server holds at once, across every request. */
export function createByteBudget(total: number) {
  let used = 0;
  return {
    total,
    /** Takes `bytes` when they fit, and says whether they did. */
    take(bytes: number): boolean {
      if (used + bytes > total) return false;
      used += bytes;
      return true;
    },
    give(bytes: number) {
      used -= bytes;
    },
    get used() {
      return used;
    },
  };
}
export type ByteBudget = ReturnType<typeof createByteBudget>;

export interface ImageBodyOptions {
  budget: ByteBudget;
  /** IMAGE_INPUT_MB: the largest body that carries images. */
  maxBytes: number;
  /** The limit of a body that turns out to carry none. */
  plainMaxBytes: number;
  /** Whether a parsed body carries images (only those may pass plainMaxBytes). */
  carriesImages: (json: unknown, c: Context) => boolean;
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
export const bodyTooLarge = (limit: number, what: string) => new AppError(413, 'body_too_large', `The request body is larger than ${limit >= 1024 * 1024 ? mib(limit) : `${limit / 1024} KiB`}${what}.`);
const busy = () => new AppError(503, 'busy', 'The studio server is holding as many uploaded images as it may right now; try again in a moment.', { retryAfterSeconds: 2 });

/** Reads the whole body into one buffer, taking each chunk's bytes from the budget as it arrives (unless `held` already covers it). */
async function readAll(request: Request, declared: number | undefined, maxBytes: number, hold: (bytes: number) => void): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  // With a declared length the bytes go straight into one buffer of that size: no second copy.
  let buffer = Buffer.allocUnsafe(declared ?? 0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw bodyTooLarge(maxBytes, ' (IMAGE_INPUT_MB)');
      if (declared === undefined) {
        hold(value.byteLength);
        chunks.push(value);
      } else if (total > declared) {
        throw new AppError(400, 'bad_request', 'The request body is longer than its Content-Length.');
      } else buffer.set(value, total - value.byteLength);
    }
  } catch (err) {
    void reader.cancel().catch(() => {});
    throw err;
  }
  if (declared === undefined) buffer = Buffer.concat(chunks, total);
  return total === buffer.byteLength ? buffer : buffer.subarray(0, total);
}

export function imageBody({ budget, maxBytes, plainMaxBytes, carriesImages }: ImageBodyOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const header = c.req.header('content-length');
    const declared = header === undefined ? undefined : Number(header);
    if (declared !== undefined && declared > maxBytes) throw bodyTooLarge(maxBytes, ' (IMAGE_INPUT_MB)');
    let held = 0;
    const hold = (bytes: number) => {
      if (!budget.take(bytes)) throw busy();
      held += bytes;
    };
    try {
      // Content-Length first: a body that does not fit is refused before a byte of it is kept.
      if (declared !== undefined) {
        try {
          hold(declared);
        } catch (err) {
          discard(c.req.raw, declared);
          throw err;
        }
      }
      const body = await parse(await readAll(c.req.raw, declared, maxBytes, hold));
      if (body && body.bytes > plainMaxBytes && !carriesImages(body.json, c)) throw bodyTooLarge(plainMaxBytes, ' (a body without images)');
      c.set('readBody', body ? { json: body.json } : { invalid: true });
      await next();
    } finally {
      budget.give(held);
    }
  };
}

/**
 * Reads a refused body to its declared end and drops it (nothing is kept), so the client's upload
 * completes and it reads the answer sent before: left unread, the connection is reset once the
 * answer is out, and a client still writing (a busy one) sees EPIPE instead of the busy answer.
 */
function discard(request: Request, declared: number) {
  const reader = request.body?.getReader();
  if (!reader) return;
  let seen = 0;
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > declared) return void (await reader.cancel());
    }
  })().catch(() => {});
}

/** JSON from bytes. Base64 images are ASCII: read as latin1 they become a one-byte string at memcpy speed. */
export function parseJsonBytes(bytes: Buffer): unknown {
  return JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'));
}

/** The parsed body and its size; the bytes and the text are dropped here, before the handler runs. */
async function parse(bytes: Buffer): Promise<{ json: unknown; bytes: number } | undefined> {
  try {
    return { json: parseJsonBytes(bytes), bytes: bytes.byteLength };
  } catch {
    return undefined;
  }
}
