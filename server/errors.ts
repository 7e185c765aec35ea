// Application errors, secret redaction and the logger. Every error leaves the server as
// `{ error: { code, message } }` with a fitting status, and with no secret in it. Used by the
// client, the routes and the guards alike, so it sits at the server's root rather than in http/.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from './contract';
import { MAX_ERROR_BODY_BYTES, MAX_PROBLEMS, clip, jsonBytes } from './protocol/limits';

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

  /** The answer's body: redacted, and bounded whatever the message echoes (under 8 KiB). */
  toBody(secrets: readonly string[] = []): ErrorBody {
    // Redacted before it is cut, so that a cut cannot leave part of a secret unrecognised.
    const error: ErrorBody['error'] = { code: this.code, message: clip(redact(this.message, secrets), 1500) };
    if (this.extra.details?.length) error.details = this.extra.details.slice(0, MAX_PROBLEMS + 1).map((d) => clip(redact(d, secrets), 800));
    if (this.extra.retryAfterSeconds !== undefined) error.retry_after_seconds = this.extra.retryAfterSeconds;
    while (error.details?.length && jsonBytes({ error }) > MAX_ERROR_BODY_BYTES) error.details.pop();
    if (jsonBytes({ error }) > MAX_ERROR_BODY_BYTES) error.message = clip(error.message, 500);
    return { error };
  }
}

const REDACTED = '[redacted]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What may stand between the characters of a secret that was spaced or hyphenated out. */
const SEPARATORS = '[\\s._:/|-]{0,3}';

/** The parts of base64(secret) that do not depend on what surrounds it, for each of the 3 alignments. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil(offset / 3); // the first 3-byte group holding no filler
    const last = Math.floor((offset + bytes.length) / 3); // groups before this hold secret bytes only
    const core = encoded.slice(first * 4, last * 4);
    if (core.length >= 8) cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return cores;
}

/** A character of a secret, matched as itself or as its URL encoding (%XX for each UTF-8 byte). */
function percentOrSelf(char: string): string {
  const encoded = [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return `(?:${escape(char)}|${encoded})`;
}

const patternCache = new Map<string, RegExp[]>();

/** Every form of a secret worth catching: any case, without its `flp_` prefix, spaced out, URL-encoded, hex, base64 and base64url. */
function secretPatterns(secret: string): RegExp[] {
  let patterns = patternCache.get(secret);
  if (patterns) return patterns;
  const bare = secret.replace(/^flp_/i, '');
  const variants = [secret, ...(bare !== secret && bare.length >= 8 ? [bare] : [])];
  patterns = [
    // Each character as itself or URL-encoded (%66 for f), so a percent-encoded token is caught too.
    ...variants.map((v) => new RegExp([...v].map(percentOrSelf).join(SEPARATORS), 'gi')),
    // Hex, in either case, its bytes run together or separated (66:6c:70…).
    ...variants.map((v) => new RegExp(Buffer.from(v, 'utf8').toString('hex').match(/../g)!.join('[\\s:-]?'), 'gi')),
    ...[...new Set(variants.flatMap(base64Cores))].map((core) => new RegExp(escape(core), 'g')),
  ];
  if (patternCache.size > 16) patternCache.clear();
  patternCache.set(secret, patterns);
  return patterns;
}

/**
 * Removes secrets from text meant for a person or a log: each known secret in any case, without its
 * prefix, spaced or hyphenated out, URL-encoded, hex or base64(url)-encoded; any bearer credential; and anything shaped
 * like a Friendli token (an upstream may echo one back).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) for (const pattern of secretPatterns(secret)) out = out.replace(pattern, REDACTED);
  return out.replace(/(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`).replace(/flp_[A-Za-z0-9_-]+/gi, REDACTED);
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The log levels, quietest last: a logger at one level writes it and those after it. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * The request a line is logged for: server/http/request-log.ts runs each request inside it, so that
 * every line logged while it is handled (by a route, the client, a guard) carries its request id and
 * user, with no logger handed down. A function, read when the line is written: the user is known
 * only once sign-in has run, after the request id was made.
 */
export const logScope = new AsyncLocalStorage<() => Record<string, unknown>>();

/**
 * One JSON line per event at `level` or above, redacted on the way out (each secret in every form
 * redact() knows, and any bearer credential), to the given sink (stderr by default). Within a
 * request (logScope) the line carries its `request_id` and `user`.
 */
export function createLogger(
  secrets: readonly string[],
  sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  { level = 'debug' }: { level?: LogLevel } = {},
): Logger {
  const write = (lineLevel: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (RANK[lineLevel] < RANK[level]) return;
    const scope = logScope.getStore()?.();
    sink(redact(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...scope, ...fields }), secrets));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
