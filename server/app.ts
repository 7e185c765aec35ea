// Builds the whole app from its dependencies: guards, the /api routes, the local engine under
// /local (for SDKs: under the same rate limit and upstream limit as /api/generate), and (given a
// web root) the built studio. No port, no process.env: tests call app.request().
import { Hono, type ErrorHandler, type NotFoundHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from './config';
import { AppError, CLIENT_CLOSED, silentLogger, type Logger } from './errors';
import { createFriendliClient, type FriendliClientOptions } from './friendli/client';
import { createMemoryImageStore, type ImageStore } from './image-store';
import { createLocalEngineApp } from './local-engine/app';
import { createLocalEngine, EngineBusyError, type LocalEngine } from './local-engine/engine';
import { createLimiter } from './http/limiter';
import { rateLimit } from './http/rate-limit';
import { EDITS_PATH } from './protocol/edits';
import { GENERATIONS_PATH } from './protocol/generations';
import { generateRoutes } from './routes/generate';
import { imageRoutes } from './routes/images';
import { metaRoutes } from './routes/meta';
import { accessKeyGuard, hostGuard, originGuard, requireJson } from './http/security';

const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  config: Config;
  engine?: LocalEngine;
  store?: ImageStore;
  logger?: Logger;
  /** Serves the built studio from this folder when set. */
  webRoot?: string;
  /** Client tuning (retry waits and so on); tests shorten them. */
  clientOptions?: Partial<FriendliClientOptions>;
}

type GenerationGuards = Pick<Parameters<typeof generateRoutes>[0], 'rateLimit' | 'limiter'>;

function createApi(config: Config, client: ReturnType<typeof createFriendliClient>, store: ImageStore, guards: GenerationGuards) {
  return new Hono()
    .route('/', metaRoutes(config))
    .route('/', generateRoutes({ config, client, store, ...guards }))
    .route('/', imageRoutes(store));
}

/** The browser's typed view of the API (Hono RPC): no type is written twice. */
export type AppType = ReturnType<typeof createApi>;

function toAppError(err: Error): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) return new AppError(err.status as ContentfulStatusCode, 'bad_request', err.message);
  if (err.name === 'AbortError') return new AppError(CLIENT_CLOSED, 'cancelled', 'The request was cancelled.');
  if (err instanceof EngineBusyError) return new AppError(503, 'busy', err.message, { retryAfterSeconds: 2 });
  return new AppError(500, 'internal', 'Something went wrong on the server; the details are in its log.');
}

export function createApp({ config, engine, store, logger = silentLogger, webRoot, clientOptions }: AppDeps) {
  const secrets = config.token ? [config.token] : [];
  const onError: ErrorHandler = (err, c) => {
    const appError = toAppError(err);
    if (appError.code === 'internal') logger.error('unhandled error', { path: c.req.path, error: err.message, stack: err.stack });
    else if (appError.status >= 500) logger.warn('request failed', { path: c.req.path, code: appError.code, message: appError.message });
    const headers: Record<string, string> = appError.extra.retryAfterSeconds ? { 'retry-after': String(appError.extra.retryAfterSeconds) } : {};
    return c.json(appError.toBody(secrets), appError.status, headers);
  };
  const imageStore = store ?? createMemoryImageStore({ maxBytes: config.imageStoreBytes });
  const localEngine = engine ?? createLocalEngine({ size: config.localEngineSize });
  // Its own error handler too, so an in-process call gets a clear (retryable) 503 when it is busy.
  const localApp = createLocalEngineApp(localEngine, createMemoryImageStore({ maxBytes: 128 * 1024 * 1024 })).onError(onError);
  const client =
    config.engine === 'local'
      ? // The same client and protocol as for FriendliAI, handed the engine's own fetch: no socket.
        createFriendliClient({ baseUrl: 'http://local-engine', fetch: async (input, init) => localApp.fetch(new Request(input, init)), logger, ...clientOptions })
      : createFriendliClient({ baseUrl: config.baseUrl, imageHosts: config.imageHosts, token: config.token, team: config.team, timeoutMs: config.timeoutMs, logger, ...clientOptions });
  // One per-client bucket and one server-wide limit for every generation: /api/generate, and
  // /local over HTTP. The studio's own in-process calls to the engine pass neither (they are
  // already counted by /api/generate).
  const guards: GenerationGuards = {
    rateLimit: rateLimit({ perMinute: config.rateLimitPerMinute }),
    limiter: createLimiter({ concurrency: config.upstreamConcurrency, maxWaiting: config.upstreamQueue }),
  };
  let draining = false;

  const app = new Hono();
  app.onError(onError);
  const notFound: NotFoundHandler = (c) => c.json(new AppError(404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`).toBody(), 404);
  app.notFound(notFound);

  // First, so that every answer carries them, the guards' own refusals included.
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
  if (config.accessKey) {
    const guard = accessKeyGuard(config.accessKey);
    app.use((c, next) => (c.req.path === '/api/health' ? next() : guard(c, next)));
  }
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(new AppError(413, 'body_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`).toBody(), 413),
  });
  // Bodies that carry images (edit sources, control images) may be up to IMAGE_INPUT_MB in total,
  // counted as they are read; every other body keeps the 64 KiB limit.
  const imageLimit = bodyLimit({
    maxSize: config.imageInputBytes,
    onError: (c) => c.json(new AppError(413, 'body_too_large', `The request body is larger than ${Math.round(config.imageInputBytes / 1024 / 1024)} MiB (IMAGE_INPUT_MB).`).toBody(), 413),
  });
  const imagePaths = new Set(['/api/generate', '/api/edit', `/local${GENERATIONS_PATH}`, `/local${EDITS_PATH}`]);
  for (const prefix of ['/api/*', '/local/*']) app.use(prefix, originGuard, requireJson, (c, next) => (imagePaths.has(c.req.path) ? imageLimit(c, next) : limit(c, next)));
  app.post(`/local${GENERATIONS_PATH}`, guards.rateLimit, (c, next) => guards.limiter.run(next, c.req.raw.signal));
  app.post(`/local${EDITS_PATH}`, guards.rateLimit, (c, next) => guards.limiter.run(next, c.req.raw.signal));

  app.route('/api', createApi(config, client, imageStore, guards));
  app.route('/local', localApp);
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
    /** From now on every new request is refused with 503 `shutting_down` (see server/http/shutdown.ts). */
    startDraining() {
      draining = true;
    },
  };
}
