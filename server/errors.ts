// Application errors, secret redaction and the logger. Every error leaves the server as
// `{ error: { code, message } }` with a fitting status, and with no secret in it. Used by the
// client, the routes and the guards alike, so it sits at the server's root rather than in http/.
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

const patternCache = new Map<string, RegExp[]>();

/** Every form of a secret worth catching: any case, without its `flp_` prefix, spaced out, base64. */
function secretPatterns(secret: string): RegExp[] {
  let patterns = patternCache.get(secret);
  if (patterns) return patterns;
  const bare = secret.replace(/^flp_/i, '');
  const variants = [secret, ...(bare !== secret && bare.length >= 8 ? [bare] : [])];
  patterns = [
    ...variants.map((v) => new RegExp([...v].map(escape).join(SEPARATORS), 'gi')),
    ...[...new Set(variants.flatMap(base64Cores))].map((core) => new RegExp(escape(core), 'g')),
  ];
  if (patternCache.size > 16) patternCache.clear();
  patternCache.set(secret, patterns);
  return patterns;
}

/**
 * Removes secrets from text meant for a person or a log: each known secret in any case, without its
 * prefix, spaced or hyphenated out, or base64-encoded; any bearer credential; and anything shaped
 * like a Friendli token (an upstream may echo one back).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) for (const pattern of secretPatterns(secret)) out = out.replace(pattern, REDACTED);
  return out.replace(/(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`).replace(/flp_[A-Za-z0-9_-]+/gi, REDACTED);
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
