// Builds the whole app from its dependencies: guards, the /api routes, the local engine under
// /local, and (given a web root) the built studio. No port, no process.env: tests call app.request().
import { Hono } from 'hono';
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
import { createLocalEngine, type LocalEngine } from './local-engine/engine';
import { generateRoutes } from './routes/generate';
import { imageRoutes } from './routes/images';
import { metaRoutes } from './routes/meta';
import { accessKeyGuard, hostGuard, originGuard, requireJson } from './security';

export const MAX_BODY_BYTES = 64 * 1024;

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

function createApi(config: Config, client: ReturnType<typeof createFriendliClient>, store: ImageStore) {
  return new Hono()
    .route('/', metaRoutes(config))
    .route('/', generateRoutes({ config, client, store }))
    .route('/', imageRoutes(store));
}

/** The browser's typed view of the API (Hono RPC): no type is written twice. */
export type AppType = ReturnType<typeof createApi>;

function toAppError(err: Error): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const malformed = /malformed json/i.test(err.message);
    return new AppError(err.status as ContentfulStatusCode, malformed ? 'invalid_json' : 'bad_request', malformed ? 'The request body is not valid JSON.' : err.message);
  }
  if (err.name === 'AbortError') return new AppError(CLIENT_CLOSED, 'cancelled', 'The request was cancelled.');
  if (/queue is full/i.test(err.message)) return new AppError(503, 'busy', 'The local engine is busy with other images; try again in a moment.', { retryAfterSeconds: 2 });
  return new AppError(500, 'internal', 'Something went wrong on the server; the details are in its log.');
}

export function createApp({ config, engine, store, logger = silentLogger, webRoot, clientOptions }: AppDeps) {
  const secrets = config.token ? [config.token] : [];
  const imageStore = store ?? createMemoryImageStore({ maxBytes: config.imageStoreBytes });
  const localEngine = engine ?? createLocalEngine({ size: config.localEngineSize });
  const localApp = createLocalEngineApp(localEngine, createMemoryImageStore({ maxBytes: 128 * 1024 * 1024 }));
  const client =
    config.engine === 'local'
      ? // The same client and protocol as for FriendliAI, handed the engine's own fetch: no socket.
        createFriendliClient({ baseUrl: 'http://local-engine', fetch: async (input, init) => localApp.fetch(new Request(input, init)), logger, ...clientOptions })
      : createFriendliClient({ baseUrl: config.baseUrl, imageHosts: config.imageHosts, token: config.token, team: config.team, model: config.endpointId, timeoutMs: config.timeoutMs, logger, ...clientOptions });

  const app = new Hono();
  app.onError((err, c) => {
    const appError = toAppError(err);
    if (appError.code === 'internal') logger.error('unhandled error', { path: c.req.path, error: err.message, stack: err.stack });
    else if (appError.status >= 500) logger.warn('request failed', { path: c.req.path, code: appError.code, message: appError.message });
    const headers: Record<string, string> = appError.extra.retryAfterSeconds ? { 'retry-after': String(appError.extra.retryAfterSeconds) } : {};
    return c.json(appError.toBody(secrets), appError.status, headers);
  });
  app.notFound((c) => c.json(new AppError(404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`).toBody(), 404));

  app.use(hostGuard(config.allowedHosts));
  if (config.accessKey) {
    const guard = accessKeyGuard(config.accessKey);
    app.use((c, next) => (c.req.path === '/api/health' ? next() : guard(c, next)));
  }
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
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(new AppError(413, 'body_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`).toBody(), 413),
  });
  for (const prefix of ['/api/*', '/local/*']) app.use(prefix, originGuard, requireJson, limit);

  app.route('/api', createApi(config, client, imageStore));
  app.route('/local', localApp);
  app.all('/api/*', (c) => c.json(new AppError(404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`).toBody(), 404));
  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
    // The studio is one page: any other path gets it, so links with a query open the app.
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }));
  }
  return { app, engine: localEngine, store: imageStore, client };
}
