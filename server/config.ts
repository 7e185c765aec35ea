// The environment, parsed and validated once at start (zod). A bad value stops start-up with a
// message that names the variable; nothing else in the server reads process.env.
import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import { LOCAL_ENDPOINT_ID, type AuthMode, type EndpointInfo, type EngineName, type StepRange } from './contract';
import { LOG_LEVELS, type LogLevel } from './errors';
import { CONTAINER_DEFAULT_FORMAT, CONTAINER_FORMATS, DEFAULT_FORMAT, RESPONSE_FORMATS, STEPS_BOUNDS } from './protocol/fields';
import { MAX_PROBLEMS, cappedList, moreProblems } from './protocol/limits';
import type { EngineCapabilities } from './protocol/studio';
import { parseAddressList, type AddressList } from './http/address-list';

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

/** Where a container entry is served when it gives no base_url: the Friendli Container's own default. */
export const CONTAINER_DEFAULT_BASE_URL = 'http://localhost:8000';

/** What each kind of endpoint answers with (the container's spec offers raw and jpeg only). */
const KIND_FORMATS = {
  dedicated: { formats: [...RESPONSE_FORMATS], default_format: DEFAULT_FORMAT },
  container: { formats: [...CONTAINER_FORMATS], default_format: CONTAINER_DEFAULT_FORMAT },
} as const;

/** The formats of a dedicated endpoint (the local engine's and FRIENDLI_ENDPOINT_ID's), as fresh lists. */
const dedicatedFormats = () => ({ formats: [...KIND_FORMATS.dedicated.formats], default_format: KIND_FORMATS.dedicated.default_format });

/** How the server reaches one container endpoint (never sent to the browser: /api/config lists EndpointInfo only). */
export interface ContainerTarget {
  baseUrl: string;
  /** Sent as `Authorization: Bearer` only when the entry's token_env names a variable that holds it. */
  token?: string;
}

/** A base URL the server may call: http(s), with no user name or password in it (they would be logged and shown). */
const baseUrl = (name: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL`, abort: true })
    .refine((u) => {
      const url = new URL(u);
      return !url.username && !url.password;
    }, { message: `${name} must not contain a user name or password (user:pass@): remove them`, abort: true })
    .refine((u) => !new URL(u).search && !new URL(u).hash, `${name} must not have a query (?…) or fragment (#…)`);
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
    kind: z.enum(['dedicated', 'container'], { error: 'kind must be "dedicated" (the default) or "container"' }).default('dedicated'),
    /** A container's address (default http://localhost:8000); a dedicated endpoint uses FRIENDLI_BASE_URL. */
    base_url: baseUrl('base_url').optional(),
    /** The name of the environment variable holding a container's bearer token (none: no Authorization is sent). */
    token_env: z.string().regex(/^[A-Z_][A-Z0-9_]{0,63}$/, 'token_env must name an environment variable (capital letters, digits and _)').optional(),
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
  .refine((e) => e.kind === 'container' || e.base_url === undefined, { path: ['base_url'], message: 'is for "kind": "container" only (dedicated endpoints are reached at FRIENDLI_BASE_URL)' })
  .refine((e) => e.kind === 'container' || e.token_env === undefined, { path: ['token_env'], message: 'is for "kind": "container" only (dedicated endpoints use FRIENDLI_TOKEN)' })
  .transform(({ guidance, guidance_range, ...rest }) => ({ ...rest, guidance_range: guidance_range ?? guidance ?? { ...ENDPOINT_DEFAULTS.guidance_range } }));

/**
 * FRIENDLI_ENDPOINTS: a JSON list of endpoints; problems name the variable and the entry. `env` is
 * read for the variables container entries name in token_env (and for FRIENDLI_TOKEN, which
 * dedicated entries need).
 */
export function parseEndpoints(text: string, env: Record<string, string | undefined> = {}): { endpoints?: EndpointInfo[]; containers?: Record<string, ContainerTarget>; problems: string[] } {
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
  const containers: Record<string, ContainerTarget> = {};
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
    const { name, adapters, base_url, token_env, ...rest } = parsed.data;
    if (new Set(adapters).size !== adapters.length) problems.push(`${where}: adapters: a route is listed twice`);
    if (rest.kind === 'container') {
      // The token itself never sits in the list (which is shown and copied around), only its variable's name.
      const token = token_env ? env[token_env]?.trim() : undefined;
      if (token_env && !token) problems.push(`${where}: token_env: the variable ${token_env} is not set (or empty)`);
      containers[rest.id] = { baseUrl: (base_url ?? CONTAINER_DEFAULT_BASE_URL).replace(/\/+$/, ''), ...(token ? { token } : {}) };
    } else if (!env.FRIENDLI_TOKEN?.trim()) {
      problems.push(`${where}: a dedicated endpoint needs FRIENDLI_TOKEN (set it, or make the entry "kind": "container")`);
    }
    endpoints.push({ ...rest, name: name ?? parsed.data.id, adapters, ...KIND_FORMATS[rest.kind], formats: [...KIND_FORMATS[rest.kind].formats] });
  });
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, moreProblems(problems.length - MAX_PROBLEMS));
  return problems.length ? { problems } : { endpoints, containers, problems };
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
  UPSTREAM_CONCURRENCY: whole('UPSTREAM_CONCURRENCY', 1, 64).optional(),
  UPSTREAM_QUEUE: whole('UPSTREAM_QUEUE', 0, 1000).default(32),
  RATE_LIMIT_PER_MINUTE: whole('RATE_LIMIT_PER_MINUTE', 0, 100_000).default(120),
  SHUTDOWN_GRACE_MS: whole('SHUTDOWN_GRACE_MS', 0, 3_600_000).optional(),
  AUTH: z.enum(['none', 'users', 'proxy'], { error: 'AUTH must be none, users or proxy' }).default('none'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  DATA_DIR: text,
  TRUSTED_PROXIES: z.string().default(''),
  PROXY_USER_HEADER: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'PROXY_USER_HEADER must be a header name')
    .default('X-Forwarded-User'),
  LIMIT_IN_FLIGHT: whole('LIMIT_IN_FLIGHT', 0, 1000).default(8),
  LIMIT_IMAGES_PER_MINUTE: whole('LIMIT_IMAGES_PER_MINUTE', 0, 100_000).default(60),
  LIMIT_IMAGES_PER_DAY: whole('LIMIT_IMAGES_PER_DAY', 0, 10_000_000).default(0),
  // Running it as a service: log level, and who may read /metrics beyond loopback.
  LOG_LEVEL: z
    .preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
  METRICS_ALLOW: z
    .string()
    .max(4096, 'METRICS_ALLOW must be at most 4096 characters')
    .default('')
    .refine((v) => parseAddressList(v).bad.length === 0, 'METRICS_ALLOW must be IP addresses or CIDR ranges (10.0.0.0/8, fd00::/8), comma-separated'),
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
  /** How to reach each `kind: "container"` endpoint, by id (server-side only). */
  containers: Record<string, ContainerTarget>;
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
  /** Who is using it: nobody in particular (none), accounts (users), or a sign-in proxy's header (proxy). */
  auth: { mode: AuthMode; trustedProxies: AddressList; proxyHeader: string };
  /** postgres://… for a team on many servers; otherwise PGlite in dataDir (or beside the app). */
  databaseUrl?: string;
  dataDir?: string;
  /** Each user's default limits (0: none); an admin may change them per user. */
  limits: UserLimits;
  /** The quietest level logged (LOG_LEVEL). */
  logLevel: LogLevel;
  /** Beyond loopback, the peers (CIDR ranges) that may read /metrics without METRICS_TOKEN. */
  metricsAllow: AddressList;
  /** A bearer token that opens /metrics from anywhere. */
  metricsToken?: string;
}

export interface UserLimits {
  inFlight: number;
  perMinute: number;
  perDay: number;
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
  if (!isLoopback(e.HOST) && !e.APP_ACCESS_KEY && e.AUTH === 'none') {
    problems.push(`HOST is ${e.HOST}, beyond loopback: set AUTH=users (or AUTH=proxy), or APP_ACCESS_KEY (16+ characters), so that nobody else on the network can spend the token`);
  }
  const trusted = parseAddressList(e.TRUSTED_PROXIES);
  if (trusted.bad.length) problems.push(`TRUSTED_PROXIES must list addresses or networks (e.g. 10.0.0.5, 10.1.0.0/16): not ${trusted.bad.map((b) => JSON.stringify(b)).join(', ')}`);
  if (e.AUTH === 'proxy' && !trusted.list.length) problems.push('AUTH=proxy needs TRUSTED_PROXIES: the addresses of the sign-in proxy, the only ones whose user header is believed');
  const steps = { min: e.STEPS_MIN, max: e.STEPS_MAX, default: e.STEPS_DEFAULT };
  let endpoints: EndpointInfo[];
  let containers: Record<string, ContainerTarget> = {};
  // FRIENDLI_ENDPOINTS is read with or without a token: a list of containers alone needs none.
  const upstream = !!e.FRIENDLI_TOKEN || !!e.FRIENDLI_ENDPOINTS;
  if (e.FRIENDLI_ENDPOINTS) {
    const listed = parseEndpoints(e.FRIENDLI_ENDPOINTS, present);
    problems.push(...listed.problems);
    endpoints = listed.endpoints ?? [];
    containers = listed.containers ?? {};
  } else if (!e.FRIENDLI_TOKEN) {
    // The local engine: one endpoint, with the steps the environment sets and what the engine offers.
    const { adapters, guidance_range, edit, control_images } = localEngine;
    endpoints = [{ id: LOCAL_ENDPOINT_ID, name: 'Local preview engine', kind: 'dedicated', adapters: [...adapters], steps, guidance_range: guidance_range && { ...guidance_range }, edit, control_images, ...dedicatedFormats() }];
  } else {
    // FRIENDLI_ENDPOINT_ID with STEPS_*: a one-endpoint list (with no id, the product's original API: no model sent).
    const id = e.FRIENDLI_ENDPOINT_ID ?? 'default';
    endpoints = [{ id, name: e.FRIENDLI_ENDPOINT_ID ?? 'FriendliAI', kind: 'dedicated', adapters: [], steps, guidance_range: { ...ENDPOINT_DEFAULTS.guidance_range }, edit: ENDPOINT_DEFAULTS.edit, control_images: ENDPOINT_DEFAULTS.control_images, ...dedicatedFormats() }];
  }
  if (problems.length) throw new ConfigError(problems);
  const sendModel = !upstream || !!e.FRIENDLI_ENDPOINTS || !!e.FRIENDLI_ENDPOINT_ID;
  const extraHosts = e.ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean);
  return {
    engine: upstream ? 'friendli' : 'local',
    token: e.FRIENDLI_TOKEN,
    team: e.FRIENDLI_TEAM,
    endpointId: upstream ? (sendModel ? endpoints[0]!.id : undefined) : undefined,
    endpoints,
    containers,
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
    // The local engine paints one image across all its threads: a second at once only halves the
    // speed of both, and would wait in the engine's own first-come line rather than the fair one.
    upstreamConcurrency: e.UPSTREAM_CONCURRENCY ?? (upstream ? 4 : 1),
    upstreamQueue: e.UPSTREAM_QUEUE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? e.FRIENDLI_TIMEOUT_MS + SHUTDOWN_MARGIN_MS,
    auth: { mode: e.AUTH, trustedProxies: trusted.list, proxyHeader: e.PROXY_USER_HEADER.toLowerCase() },
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    limits: { inFlight: e.LIMIT_IN_FLIGHT, perMinute: e.LIMIT_IMAGES_PER_MINUTE, perDay: e.LIMIT_IMAGES_PER_DAY },
    logLevel: e.LOG_LEVEL,
    metricsAllow: parseAddressList(e.METRICS_ALLOW).list,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** Every secret the configuration holds, for the logger and error answers to redact. */
export function configSecrets(config: Pick<Config, 'token' | 'accessKey' | 'metricsToken' | 'containers' | 'databaseUrl'>): string[] {
  // The database URL and its password: a driver's message may quote either.
  const dbPassword = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).password) : '';
  const containerTokens = Object.values(config.containers).flatMap((c) => (c.token ? [c.token] : []));
  return [config.token, config.accessKey, config.metricsToken, config.databaseUrl, dbPassword, ...containerTokens].filter((s): s is string => !!s);
}
