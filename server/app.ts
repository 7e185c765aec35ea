// Builds the whole app from its dependencies: guards, the /api routes, the local engine under
// /local (for SDKs: under the same rate limit and upstream limit as /api/generate), and (given a
// web root) the built studio. No port, no process.env: tests call app.request().
import { Hono, type ErrorHandler, type MiddlewareHandler, type NotFoundHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { configSecrets, loadConfig, type Config } from './config';
import { AppError, CLIENT_CLOSED, silentLogger, type Logger } from './errors';
import { createFriendliClient, type FriendliClientOptions } from './friendli/client';
import { createUpstreams, type ClientFor } from './friendli/upstreams';
import { createMemoryImageStore, type ImageStore } from './image-store';
import { createLocalEngineApp } from './local-engine/app';
import { LOCAL_ENGINE_CAPABILITIES } from './local-engine/capabilities';
import { createLocalEngine, EngineBusyError, type LocalEngine } from './local-engine/engine';
import { bodyTooLarge, createByteBudget, imageBody } from './http/image-body';
import { createLimiter } from './http/limiter';
import { createMetrics, instrumentClient, metricsRoutes, type Metrics } from './http/metrics';
import { requestLog } from './http/request-log';
import { rateLimit } from './http/rate-limit';
import { CONTAINER_EDITS_PATH, CONTAINER_GENERATIONS_PATH } from './protocol/container';
import { EDITS_PATH } from './protocol/edits';
import { GENERATIONS_PATH } from './protocol/generations';
import { PLAIN_BODY_MAX_BYTES } from './protocol/studio';
import { generateRoutes } from './routes/generate';
import { healthRoutes, type ReadinessCheck } from './routes/health';
import { imageRoutes } from './routes/images';
import { metaRoutes } from './routes/meta';
import { accessKeyGuard, hostGuard, originGuard, requireJson } from './http/security';
import { accounts } from './auth/accounts';
import { requireUser, resolveUser, type AuthEnv } from './auth/guard';
import { DEFAULT_THROTTLE, signInThrottle, type ThrottlePolicy } from './auth/throttle';
import { createDatabaseImageStore } from './db/image-store';
import type { StudioDatabase } from './db/open';
import { authRoutes, type AuthRouteDeps } from './routes/auth';
import { usageRoutes } from './routes/usage';
import { createShares, type Shares } from './team/shares';
import { createUsage, type Usage } from './team/usage';

/** The configuration from the environment, the local endpoint described by the engine's own export. */
export const loadAppConfig = (env: Record<string, string | undefined>): Config => loadConfig(env, LOCAL_ENGINE_CAPABILITIES);

export interface AppDeps {
  config: Config;
  engine?: LocalEngine;
  store?: ImageStore;
  logger?: Logger;
  /** Serves the built studio from this folder when set. */
  webRoot?: string;
  /** Client tuning (retry waits and so on); tests shorten them. */
  clientOptions?: Partial<FriendliClientOptions>;
  /** The one database (users, sessions, keys, usage; images with DATABASE_URL). AUTH=users and AUTH=proxy need it. */
  database?: StudioDatabase;
  /** How failed sign-ins are limited (server/auth/throttle.ts' defaults otherwise). */
  signInPolicy?: Partial<ThrottlePolicy>;
  /** The registry /metrics serves (server/index.ts' adds the process metrics); a new one by default. */
  metrics?: Metrics;
  /** Named checks /readyz runs beside "the upstream is configured" (the database, …). */
  readiness?: ReadinessCheck[];
}

type TeamDeps = { shares?: Shares; usage?: Usage; logger: Logger };

/** /api paths that answer without a user: the load balancer's health, and what the sign-in page needs. */
const PUBLIC_API_PATHS = new Set(['/api/health', '/api/auth/session', '/api/auth/sign-in', '/api/auth/sign-out']);

type GenerationGuards = Pick<Parameters<typeof generateRoutes>[0], 'rateLimit' | 'limiter' | 'readImageBody'>;

/** Whether a parsed body carries images: an edit's `image`, or a non-empty `control_images` list. */
function carriesImages(json: unknown, path: string): boolean {
  if (json === null || typeof json !== 'object') return false;
  if (path.endsWith('/edit') || path.endsWith(EDITS_PATH) || path === `/local${CONTAINER_EDITS_PATH}`) return 'image' in json;
  const controls = (json as { control_images?: unknown }).control_images;
  return Array.isArray(controls) && controls.length > 0;
}

function createApi(config: Config, clientFor: ClientFor, store: ImageStore, guards: GenerationGuards, auth: AuthRouteDeps, team: TeamDeps) {
  return new Hono<AuthEnv>()
    .route('/', metaRoutes(config))
    .route('/', authRoutes(auth))
    .route('/', usageRoutes({ mode: config.auth.mode, ...team }))
    .route('/', generateRoutes({ config, clientFor, store, ...guards, ...team }))
    .route('/', imageRoutes(store));
}

/** The browser's typed view of the API (Hono RPC): no type is written twice. */
export type AppType = ReturnType<typeof createApi>;

/** Errors of a query PostgreSQL never answered (down, restarting, the connection cut; pg's and its server's codes). */
const DATABASE_GONE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
function databaseUnavailable(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && DATABASE_GONE.has(code)) return true;
  if (err instanceof AggregateError) return err.errors.some((e) => e instanceof Error && databaseUnavailable(e));
  return /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(err.message);
}

function toAppError(err: Error): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) return new AppError(err.status as ContentfulStatusCode, 'bad_request', err.message);
  if (err.name === 'AbortError') return new AppError(CLIENT_CLOSED, 'cancelled', 'The request was cancelled.');
  if (err instanceof EngineBusyError) return new AppError(503, 'busy', err.message, { retryAfterSeconds: 2 });
  if (databaseUnavailable(err)) return new AppError(503, 'database_unavailable', "The studio's database is not answering; try again in a moment.", { retryAfterSeconds: 5 });
  return new AppError(500, 'internal', 'Something went wrong on the server; the details are in its log.');
}

export function createApp({ config, engine, store, logger = silentLogger, webRoot, clientOptions, database, signInPolicy, metrics = createMetrics(), readiness = [] }: AppDeps) {
  const secrets = configSecrets(config);
  if (config.auth.mode !== 'none' && !database) throw new Error(`AUTH=${config.auth.mode} needs the database (openDatabase) handed to createApp.`);
  const team = database && {
    // One process holds the embedded database alone: it may remember sessions (see accounts()).
    accounts: accounts(database.db, { cacheSessions: database.kind === 'pglite' }),
    throttle: signInThrottle(database.db, { ...DEFAULT_THROTTLE, ...signInPolicy }),
    shares: createShares(database.db, config.limits),
    usage: createUsage(database.db),
  };
  // The engine's in-process app uses it too, but without the "client left" line: the /api request logs that.
  const handleError = (logClientLeft: boolean): ErrorHandler => (err, c) => {
    const appError = toAppError(err);
    if (appError.code === 'internal') logger.error('unhandled error', { path: c.req.path, error: err.message, stack: err.stack });
    // Nobody reads this answer: a reload or a closed tab, which is no fault of the server's or the upstream's.
    else if (appError.status === CLIENT_CLOSED) {
      if (logClientLeft) logger.info('the client left before the answer was ready (it closed the connection or cancelled the request)', { path: c.req.path });
    } else if (appError.status >= 500) logger.warn('request failed', { path: c.req.path, code: appError.code, message: appError.message });
    const headers: Record<string, string> = appError.extra.retryAfterSeconds ? { 'retry-after': String(appError.extra.retryAfterSeconds) } : {};
    return c.json(appError.toBody(secrets), appError.status, headers);
  };
  const onError = handleError(true);
  // Shared by every instance with DATABASE_URL; one server keeps them in its memory.
  const imageStore =
    store ?? (config.databaseUrl && database ? createDatabaseImageStore(database.db, { maxBytes: config.imageStoreBytes }) : createMemoryImageStore({ maxBytes: config.imageStoreBytes }));
  const localEngine = engine ?? createLocalEngine({ size: config.localEngineSize });
  // Its own error handler too, so an in-process call gets a clear (retryable) 503 when it is busy.
  // The engine's protocol app twice over one engine and one store: in-process for the studio's own
  // client (a client that left is logged once, by the /api request), and over HTTP under /local.
  const localStore = createMemoryImageStore({ maxBytes: 128 * 1024 * 1024 });
  const localApp = createLocalEngineApp(localEngine, localStore).onError(handleError(false));
  const localHttpApp = createLocalEngineApp(localEngine, localStore).onError(onError);
  const plainClient =
    config.engine === 'local'
      ? // The same client and protocol as for FriendliAI, handed the engine's own fetch: no socket.
        createFriendliClient({ baseUrl: 'http://local-engine', fetch: async (input, init) => localApp.fetch(new Request(input, init)), logger, ...clientOptions })
      : createFriendliClient({ baseUrl: config.baseUrl, imageHosts: config.imageHosts, token: config.token, team: config.team, timeoutMs: config.timeoutMs, logger, ...clientOptions });
  const client = instrumentClient(plainClient, metrics, config);
  // Container endpoints (FRIENDLI_ENDPOINTS "kind": "container") each have their own client, counted under its id.
  const upstreams = createUpstreams(config, client, { logger, ...clientOptions });
  const containerClients = new Map(config.endpoints.filter((e) => upstreams(e) !== client).map((e) => [e.id, instrumentClient(upstreams(e), metrics, config, e.id)]));
  const clientFor: ClientFor = (endpoint) => containerClients.get(endpoint.id) ?? client;
  // One per-client bucket and one server-wide limit for every generation: /api/generate, and
  // /local over HTTP. The studio's own in-process calls to the engine pass neither (they are
  // already counted by /api/generate).
  const guards: GenerationGuards = {
    rateLimit: rateLimit({ perMinute: config.rateLimitPerMinute }),
    limiter: createLimiter({ concurrency: config.upstreamConcurrency, maxWaiting: config.upstreamQueue }),
    // One budget for the bodies of every route that may carry images, so that concurrent uploads
    // cannot add up past it: a body that does not fit is refused (503 busy) before it is read.
    readImageBody: imageBody({
      budget: createByteBudget(config.imageInputBudgetBytes),
      maxBytes: config.imageInputBytes,
      plainMaxBytes: PLAIN_BODY_MAX_BYTES,
      carriesImages: (json, c) => carriesImages(json, c.req.path),
    }),
  };
  metrics.watchJobs(() => ({ running: guards.limiter.active, waiting: guards.limiter.waiting }));
  let draining = false;

  const app = new Hono();
  app.onError(onError);
  const notFound: NotFoundHandler = (c) => c.json(new AppError(404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`).toBody(), 404);
  app.notFound(notFound);

  // First: every request gets its id, log scope, access log line and metrics, refusals included.
  app.use(requestLog({ logger, metrics }));
  // So that every answer carries them, the guards' own refusals included.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'blob:', 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(async (c, next) => {
    if (!draining) return next();
    // Shutting down: requests in flight finish, new ones (also on kept-alive connections) are
    // refused clearly, and the connection is not kept for another.
    c.header('connection', 'close');
    throw new AppError(503, 'shutting_down', 'The studio server is shutting down; try again in a moment.', { retryAfterSeconds: 5 });
  });
  app.use(hostGuard(config.allowedHosts));
  // Before the access key (and sign-in): probes hold neither; /metrics has its own guard.
  app.route('/', healthRoutes({ config, checks: readiness, logger }));
  app.route('/', metricsRoutes(metrics, { allow: config.metricsAllow, token: config.metricsToken }));
  if (config.accessKey) {
    const guard = accessKeyGuard(config.accessKey);
    app.use((c, next) => (c.req.path === '/api/health' ? next() : guard(c, next)));
  }
  const limit = bodyLimit({
    maxSize: PLAIN_BODY_MAX_BYTES,
    onError: (c) => c.json(new AppError(413, 'body_too_large', `The request body is larger than ${PLAIN_BODY_MAX_BYTES / 1024} KiB.`).toBody(), 413),
  });
  // Bodies that carry images (edit sources, control images) may be up to IMAGE_INPUT_MB in total:
  // refused here by Content-Length alone, before the rate limit. hono/body-limit is not used for
  // them: it reads a chunked body whole before the route runs, past the byte budget that
  // readImageBody (http/image-body.ts) takes each chunk from as it streams.
  const imageLimit: MiddlewareHandler = async (c, next) => {
    if (Number(c.req.header('content-length')) > config.imageInputBytes) throw bodyTooLarge(config.imageInputBytes, ' (IMAGE_INPUT_MB)');
    await next();
  };
  // The engine's two protocols under /local: dedicated (/local/dedicated/v1/…) and container (/local/v1/…).
  const localPaths = [GENERATIONS_PATH, EDITS_PATH, CONTAINER_GENERATIONS_PATH, CONTAINER_EDITS_PATH].map((p) => `/local${p}`);
  const imagePaths = new Set(['/api/generate', '/api/edit', ...localPaths]);
  for (const prefix of ['/api/*', '/local/*']) app.use(prefix, originGuard, requireJson, (c, next) => (imagePaths.has(c.req.path) ? imageLimit(c, next) : limit(c, next)));
  // Who is asking, on every route that does anything: the API (but what the sign-in page needs)
  // and the local engine's protocol mount (scripts and SDKs send an API key as their bearer token).
  const identify = resolveUser({ mode: config.auth.mode, accounts: team?.accounts, trustedProxies: config.auth.trustedProxies, proxyHeader: config.auth.proxyHeader });
  const signedIn = requireUser();
  for (const prefix of ['/api/*', '/local/*']) app.use(prefix, identify, (c, next) => (PUBLIC_API_PATHS.has(c.req.path) ? next() : signedIn(c, next)));
  for (const path of localPaths) app.post(path, guards.rateLimit, guards.readImageBody, (c, next) => guards.limiter.run(next, c.req.raw.signal));

  app.route('/api', createApi(config, clientFor, imageStore, guards, { mode: config.auth.mode, ...team, trustedProxies: config.auth.trustedProxies, onSignInRefused: () => metrics.signInsRefused.inc() }, { shares: team?.shares, usage: team?.usage, logger }));
  app.route('/local', localHttpApp);
  // Before the studio's catch-all page: an unknown API path is a 404, never the page.
  app.all('/api/*', notFound);
  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
    // The studio is one page: any other path gets it, so links with a query open the app.
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }));
  }
  return {
    app,
    engine: localEngine,
    store: imageStore,
    client,
    metrics,
    /** From now on every new request is refused with 503 `shutting_down` (see server/http/shutdown.ts). */
    startDraining() {
      draining = true;
    },
  };
}
