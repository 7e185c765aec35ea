// The environment, parsed and validated once at start (zod). A bad value stops start-up with a
// message that names the variable; nothing else in the server reads process.env.
import { networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { LOCAL_ENDPOINT_ID, type EndpointInfo, type EngineName, type StepRange } from './contract';
import { LOG_LEVELS, type LogLevel } from './errors';
import { STEPS_BOUNDS } from './protocol/fields';
import { MAX_PROBLEMS, cappedList, moreProblems } from './protocol/limits';
import type { EngineCapabilities } from './protocol/studio';

const text = z.string().trim().min(1).optional();
const whole = (name: string, min: number, max: number) =>
  z.coerce.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`);

const hostList = (v: string) => v.split(',').map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean);

/** Defaults of a FRIENDLI_ENDPOINTS entry (and of the FRIENDLI_ENDPOINT_ID endpoint, but for its steps). */
export const ENDPOINT_DEFAULTS = {
  steps: { min: 1, max: 50, default: 20 },
  guidance_range: { min: 0, max: 20, default: 7.5 },
  edit: false,
  control_images: 0,
} as const;

const range = (lo: number, hi: number, whole: boolean) => {
  const n = whole ? z.int() : z.number();
  return z
    .object({ min: n.min(lo).max(hi), max: n.min(lo).max(hi), default: n.min(lo).max(hi) })
    .strict()
    .refine((r) => r.min <= r.max, 'min must not exceed max')
    .refine((r) => r.default >= r.min && r.default <= r.max, 'default must lie within min..max');
};

/** The most endpoints FRIENDLI_ENDPOINTS may list. */
export const MAX_ENDPOINTS = 100;
/** Ids and adapter routes: letters, digits, `.`, `_` and `-` only (they are sent as `model: "id:route"` and shown in messages). */
const SAFE_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const safeName = z.string().regex(SAFE_NAME, 'must be 1 to 64 letters, digits, ".", "_" or "-"');

const guidanceRange = z.union([z.literal(false), range(0, 100, false)]);

const endpointSchema = z
  .object({
    id: safeName,
    name: z.string().trim().min(1).max(200).optional(),
    adapters: cappedList(safeName, 64, 'adapters: at most 64 routes').default([]),
    steps: range(STEPS_BOUNDS.min, STEPS_BOUNDS.max, true).default(ENDPOINT_DEFAULTS.steps),
    guidance_range: guidanceRange.optional(),
    /** guidance_range's old name, still read (lists written before the rename); translated here, once. */
    guidance: guidanceRange.optional(),
    edit: z.boolean().default(ENDPOINT_DEFAULTS.edit),
    control_images: z.int().min(0).max(8).default(ENDPOINT_DEFAULTS.control_images),
  })
  .strict()
  .refine((e) => e.guidance_range === undefined || e.guidance === undefined, { path: ['guidance'], message: 'is the old name of guidance_range: give one of them' })
  .transform(({ guidance, guidance_range, ...rest }) => ({ ...rest, guidance_range: guidance_range ?? guidance ?? { ...ENDPOINT_DEFAULTS.guidance_range } }));

/** FRIENDLI_ENDPOINTS: a JSON list of endpoints; problems name the variable and the entry. */
export function parseEndpoints(text: string): { endpoints?: EndpointInfo[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problems: ['FRIENDLI_ENDPOINTS must be a JSON list of endpoints, e.g. [{"id": "ep-1"}]: it is not valid JSON'] };
  }
  if (!Array.isArray(raw) || raw.length === 0) return { problems: ['FRIENDLI_ENDPOINTS must be a non-empty JSON list of endpoints, e.g. [{"id": "ep-1"}]'] };
  // Refused by its length before any entry is read.
  if (raw.length > MAX_ENDPOINTS) return { problems: [`FRIENDLI_ENDPOINTS lists ${raw.length} endpoints: at most ${MAX_ENDPOINTS}`] };
  const problems: string[] = [];
  const endpoints: EndpointInfo[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : undefined;
    // The id as JSON and cut short: a control character or a bidi override in it is shown escaped, not acted on.
    const where = `FRIENDLI_ENDPOINTS entry ${index}${id ? ` (id ${JSON.stringify(id.slice(0, 64)).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)})` : ''}`;
    const parsed = endpointSchema.safeParse(entry);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${where}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
      return;
    }
    if (seen.has(parsed.data.id)) problems.push(`${where}: id is listed twice`);
    seen.add(parsed.data.id);
    const { name, adapters, ...rest } = parsed.data;
    if (new Set(adapters).size !== adapters.length) problems.push(`${where}: adapters: a route is listed twice`);
    endpoints.push({ ...rest, name: name ?? parsed.data.id, adapters });
  });
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, moreProblems(problems.length - MAX_PROBLEMS));
  return problems.length ? { problems } : { endpoints, problems };
}

const addressList = (v: string) => v.split(',').map((a) => a.trim()).filter(Boolean);

/** An IP address or a CIDR range as a CIDR (`10.0.0.1` is `10.0.0.1/32`), or undefined when it is neither. */
function toCidr(text: string): string | undefined {
  try {
    if (text.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(text);
      return `${address.toString()}/${bits}`;
    }
    const address = ipaddr.parse(text);
    return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
  } catch {
    return undefined;
  }
}

const envSchema = z.object({
  FRIENDLI_ENDPOINTS: text,
  FRIENDLI_TOKEN: text,
  FRIENDLI_TEAM: text,
  FRIENDLI_ENDPOINT_ID: text.refine((id) => id === undefined || SAFE_NAME.test(id), 'FRIENDLI_ENDPOINT_ID must be 1 to 64 letters, digits, ".", "_" or "-"'),
  FRIENDLI_BASE_URL: z.url({ protocol: /^https?$/, error: 'FRIENDLI_BASE_URL must be an http(s) URL' }).default('https://api.friendli.ai'),
  FRIENDLI_IMAGE_HOSTS: z
    .string()
    .default('')
    .refine((v) => hostList(v).every((h) => /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(h)), 'FRIENDLI_IMAGE_HOSTS must be host names (no scheme, port or path), comma-separated'),
  FRIENDLI_TIMEOUT_MS: whole('FRIENDLI_TIMEOUT_MS', 1000, 600_000).default(120_000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: whole('PORT', 0, 65535).default(8787),
  APP_ACCESS_KEY: z.string().trim().min(16, 'APP_ACCESS_KEY must be at least 16 characters').optional(),
  ALLOWED_HOSTS: z.string().default(''),
  STEPS_MIN: whole('STEPS_MIN', STEPS_BOUNDS.min, STEPS_BOUNDS.max).default(1),
  STEPS_MAX: whole('STEPS_MAX', STEPS_BOUNDS.min, STEPS_BOUNDS.max).default(10),
  STEPS_DEFAULT: whole('STEPS_DEFAULT', STEPS_BOUNDS.min, STEPS_BOUNDS.max).default(4),
  IMAGE_INPUT_MB: whole('IMAGE_INPUT_MB', 1, 256).default(20),
  IMAGE_INPUT_BUDGET_MB: whole('IMAGE_INPUT_BUDGET_MB', 1, 4096).optional(),
  IMAGE_STORE_MB: whole('IMAGE_STORE_MB', 8, 16_384).default(256),
  LOCAL_ENGINE_SIZE: whole('LOCAL_ENGINE_SIZE', 64, 2048).default(1024),
  GENERATE_CONCURRENCY: whole('GENERATE_CONCURRENCY', 1, 16).default(2),
  UPSTREAM_CONCURRENCY: whole('UPSTREAM_CONCURRENCY', 1, 64).default(4),
  UPSTREAM_QUEUE: whole('UPSTREAM_QUEUE', 0, 1000).default(32),
  RATE_LIMIT_PER_MINUTE: whole('RATE_LIMIT_PER_MINUTE', 0, 100_000).default(120),
  SHUTDOWN_GRACE_MS: whole('SHUTDOWN_GRACE_MS', 0, 3_600_000).optional(),
  // Running it as a service: log level, and who may read /metrics beyond loopback.
  LOG_LEVEL: z
    .preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
  METRICS_ALLOW: z
    .string()
    .max(4096, 'METRICS_ALLOW must be at most 4096 characters')
    .default('')
    .refine((v) => addressList(v).every((a) => toCidr(a) !== undefined), 'METRICS_ALLOW must be IP addresses or CIDR ranges (10.0.0.0/8, fd00::/8), comma-separated'),
  METRICS_TOKEN: z.string().trim().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
});

/** Beyond one upstream attempt's timeout: time for the answer's images to be fetched and stored. */
export const SHUTDOWN_MARGIN_MS = 15_000;

export interface Config {
  engine: EngineName;
  token?: string;
  team?: string;
  /** The default endpoint's id (the first's), when one is configured. */
  endpointId?: string;
  /** The endpoints the studio may send to; the first is the default. Never empty. */
  endpoints: EndpointInfo[];
  /** Whether `model` is sent upstream (not to the product's original API with no endpoint id). */
  sendModel: boolean;
  /** Largest body that carries images (edits, control images), in bytes, in total. */
  imageInputBytes: number;
  /** Bytes of such bodies the server holds at once, over every request (past it: 503 busy). */
  imageInputBudgetBytes: number;
  baseUrl: string;
  /** Hosts `url` results may come from beyond the base URL's origin (empty: any public https host). */
  imageHosts: string[];
  timeoutMs: number;
  host: string;
  port: number;
  accessKey?: string;
  /** Host names (no port) this server answers to: a guard against DNS rebinding. */
  allowedHosts: string[];
  /** The default endpoint's step range. */
  steps: StepRange;
  imageStoreBytes: number;
  localEngineSize: number;
  /** How many generations one browser runs at once (its queue's limit). */
  browserConcurrency: number;
  /** How many upstream calls this server makes at once, and how many may wait for a turn. */
  upstreamConcurrency: number;
  upstreamQueue: number;
  /** Generations one client may start a minute (0: no limit). */
  rateLimitPerMinute: number;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before they are cut. */
  shutdownGraceMs: number;
  /** The quietest level logged (LOG_LEVEL). */
  logLevel: LogLevel;
  /** Beyond loopback, the peers (CIDR ranges) that may read /metrics without METRICS_TOKEN. */
  metricsAllow: string[];
  /** A bearer token that opens /metrics from anywhere. */
  metricsToken?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

function ownHostNames(host: string, extra: string[]): string[] {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', ...extra]);
  if (WILDCARD.has(host)) {
    // Bound to every interface: the machine's own addresses are its names too.
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  } else {
    names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  }
  return [...names].map((n) => n.toLowerCase());
}

/**
 * The configuration from the environment. What the local engine offers (adapters, guidance range,
 * edits, control images) is its own export, handed in by the app's wiring (server/app.ts'
 * loadAppConfig): the configuration does not know the engine's files.
 */
export function loadConfig(env: Record<string, string | undefined>, localEngine: EngineCapabilities): Config {
  // An empty variable means unset, as in most shells' `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`)));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const budgetMb = e.IMAGE_INPUT_BUDGET_MB ?? 2 * e.IMAGE_INPUT_MB;
  if (budgetMb < e.IMAGE_INPUT_MB) problems.push(`IMAGE_INPUT_BUDGET_MB (${budgetMb}) must be at least IMAGE_INPUT_MB (${e.IMAGE_INPUT_MB}), or no body of that size could ever be read`);
  if (e.STEPS_MIN > e.STEPS_MAX) problems.push(`STEPS_MIN (${e.STEPS_MIN}) must not exceed STEPS_MAX (${e.STEPS_MAX})`);
  if (e.STEPS_DEFAULT < e.STEPS_MIN || e.STEPS_DEFAULT > e.STEPS_MAX) {
    problems.push(`STEPS_DEFAULT (${e.STEPS_DEFAULT}) must lie within STEPS_MIN..STEPS_MAX (${e.STEPS_MIN}..${e.STEPS_MAX})`);
  }
  // Credentials in the URL are never sent (the token is), and the URL is shown in the log and the
  // start-up line: refused, without echoing the value.
  const base = new URL(e.FRIENDLI_BASE_URL);
  if (base.username || base.password) {
    problems.push('FRIENDLI_BASE_URL must not contain a user name or password (user:pass@): remove them; the API is authenticated with FRIENDLI_TOKEN');
  }
  if (!isLoopback(e.HOST) && !e.APP_ACCESS_KEY) {
    problems.push(`HOST is ${e.HOST}, beyond loopback: set APP_ACCESS_KEY (16+ characters) so that nobody else on the network can spend the token`);
  }
  const steps = { min: e.STEPS_MIN, max: e.STEPS_MAX, default: e.STEPS_DEFAULT };
  let endpoints: EndpointInfo[];
  if (!e.FRIENDLI_TOKEN) {
    // The local engine: one endpoint, with the steps the environment sets and what the engine offers.
    const { adapters, guidance_range, edit, control_images } = localEngine;
    endpoints = [{ id: LOCAL_ENDPOINT_ID, name: 'Local preview engine', adapters: [...adapters], steps, guidance_range: guidance_range && { ...guidance_range }, edit, control_images }];
  } else if (e.FRIENDLI_ENDPOINTS) {
    const listed = parseEndpoints(e.FRIENDLI_ENDPOINTS);
    problems.push(...listed.problems);
    endpoints = listed.endpoints ?? [];
  } else {
    // FRIENDLI_ENDPOINT_ID with STEPS_*: a one-endpoint list (with no id, the product's original API: no model sent).
    const id = e.FRIENDLI_ENDPOINT_ID ?? 'default';
    endpoints = [{ id, name: e.FRIENDLI_ENDPOINT_ID ?? 'FriendliAI', adapters: [], steps, guidance_range: { ...ENDPOINT_DEFAULTS.guidance_range }, edit: ENDPOINT_DEFAULTS.edit, control_images: ENDPOINT_DEFAULTS.control_images }];
  }
  if (problems.length) throw new ConfigError(problems);
  const sendModel = !e.FRIENDLI_TOKEN || !!e.FRIENDLI_ENDPOINTS || !!e.FRIENDLI_ENDPOINT_ID;
  const extraHosts = e.ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean);
  return {
    engine: e.FRIENDLI_TOKEN ? 'friendli' : 'local',
    token: e.FRIENDLI_TOKEN,
    team: e.FRIENDLI_TEAM,
    endpointId: e.FRIENDLI_TOKEN ? (sendModel ? endpoints[0]!.id : undefined) : undefined,
    endpoints,
    sendModel,
    imageInputBytes: e.IMAGE_INPUT_MB * 1024 * 1024,
    imageInputBudgetBytes: budgetMb * 1024 * 1024,
    baseUrl: e.FRIENDLI_BASE_URL.replace(/\/+$/, ''),
    imageHosts: hostList(e.FRIENDLI_IMAGE_HOSTS),
    timeoutMs: e.FRIENDLI_TIMEOUT_MS,
    host: e.HOST,
    port: e.PORT,
    accessKey: e.APP_ACCESS_KEY,
    allowedHosts: ownHostNames(e.HOST, extraHosts),
    steps: endpoints[0]!.steps,
    imageStoreBytes: e.IMAGE_STORE_MB * 1024 * 1024,
    localEngineSize: e.LOCAL_ENGINE_SIZE,
    browserConcurrency: e.GENERATE_CONCURRENCY,
    upstreamConcurrency: e.UPSTREAM_CONCURRENCY,
    upstreamQueue: e.UPSTREAM_QUEUE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? e.FRIENDLI_TIMEOUT_MS + SHUTDOWN_MARGIN_MS,
    logLevel: e.LOG_LEVEL,
    metricsAllow: addressList(e.METRICS_ALLOW).map((a) => toCidr(a)!),
    metricsToken: e.METRICS_TOKEN,
  };
}

/** Every secret the configuration holds, for the logger and error answers to redact. */
export function configSecrets(config: Pick<Config, 'token' | 'accessKey' | 'metricsToken'>): string[] {
  return [config.token, config.accessKey, config.metricsToken].filter((s): s is string => !!s);
}
