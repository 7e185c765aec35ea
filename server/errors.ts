// Application errors and secret redaction. Every error leaves the server as
// `{ error: { code, message } }` with a fitting status, and with no secret in it.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from './contract';

/** 499 (client closed request, nginx's code): the browser went away; nobody reads the answer. */
export const CLIENT_CLOSED = 499 as ContentfulStatusCode;

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: { details?: string[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(secrets: readonly string[] = []): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: redact(this.message, secrets) };
    if (this.extra.details?.length) error.details = this.extra.details.map((d) => redact(d, secrets));
    if (this.extra.retryAfterSeconds !== undefined) error.retry_after_seconds = this.extra.retryAfterSeconds;
    return { error };
  }
}

const REDACTED = '[redacted]';

/**
 * Removes secrets from text meant for a person or a log: each known secret verbatim, any bearer
 * credential, and anything shaped like a Friendli token (an upstream may echo one back).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.replace(/(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`).replace(/flp_[A-Za-z0-9_-]+/g, REDACTED);
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event, redacted on the way out, to the given sink (stderr by default). */
export function createLogger(secrets: readonly string[], sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const write = (level: string) => (message: string, fields: Record<string, unknown> = {}) =>
    sink(redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }), secrets));
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
