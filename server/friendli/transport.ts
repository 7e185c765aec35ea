// The client's wire-level helpers: bodies read under a byte cap, Retry-After read, network errors
// told apart by whether the request can have been sent, and a fetch that connects to public addresses only.
import { ADDRESS_REFUSED, createPublicLookup } from './image-url-policy';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export class BodyTooLarge extends Error {
  constructor() {
    super('body over the cap');
  }
}

/**
 * Reads a body, counting bytes as the stream yields them (after any decompression), and cancels
 * the stream (which ends the connection) once `cap` is passed: BodyTooLarge, or with `truncate`
 * the first `cap` bytes. Never holds more than `cap` bytes of it.
 */
export async function readCapped(response: Response, cap: number, { truncate = false } = {}): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > cap) {
      void reader.cancel().catch(() => {});
      if (!truncate) throw new BodyTooLarge();
      chunks.push(value.subarray(0, cap - total));
      total = cap;
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** `Retry-After` in milliseconds, in either of its forms (seconds, or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The most telling code of a network error (fetch wraps the real one in `cause`). */
export function networkCode(err: unknown): string {
  let e = err as { code?: unknown; cause?: unknown; errors?: unknown[]; message?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    if (Array.isArray(e.errors) && e.errors.length) e = e.errors[0] as typeof e;
    else if (e.cause) e = e.cause as typeof e;
    else break;
  }
  return typeof e?.message === 'string' ? e.message : String(err);
}

/** Codes that mean no connection was made, so no request can have been sent. */
const BEFORE_SEND = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT', // a connect attempt timed out (undici's own connect timeout has its own code)
  'UND_ERR_CONNECT_TIMEOUT',
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  ADDRESS_REFUSED,
]);

/** True when the error surely happened before the request was sent (safe to repeat a POST). */
export function isBeforeSend(err: unknown): boolean {
  const code = networkCode(err);
  if (BEFORE_SEND.has(code) || /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|CERT_)/.test(code)) return true;
  // A reset during the TLS handshake, before any byte of the request went out.
  if (code === 'ECONNRESET') return /before secure TLS connection was established/i.test(messages(err));
  return false;
}

function messages(err: unknown): string {
  const out: string[] = [];
  let e = err as { message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as typeof e) if (typeof e.message === 'string') out.push(e.message);
  return out.join(' | ');
}

/** A fetch whose connections go only to public addresses, checked on the address connected to. */
export function createPublicFetch(): Fetch {
  // undici is loaded on first use: most setups never fetch an image beyond the base origin.
  let ready: Promise<Fetch> | undefined;
  const load = async (): Promise<Fetch> => {
    const { Agent, fetch } = await import('undici');
    const dispatcher = new Agent({ connect: { lookup: createPublicLookup() } });
    return (input, init) => fetch(input as Parameters<typeof fetch>[0], { ...(init as object), dispatcher } as Parameters<typeof fetch>[1]) as unknown as Promise<Response>;
  };
  return async (input, init) => (await (ready ??= load()))(input, init);
}
