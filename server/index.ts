// The server's entry point: reads the environment (and .env), builds the app, serves it, prints
// the URL, and on SIGINT/SIGTERM finishes requests in flight before it exits (server/http/shutdown.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, loadAppConfig } from './app';
import { resolve } from 'node:path';
import { ConfigError } from './config';
import { claimDataDir } from './db/data-dir';
import { openDatabase } from './db/open';
import { createLogger, redact } from './errors';
import { installGracefulShutdown } from './http/shutdown';

if (existsSync('.env')) process.loadEnvFile('.env');

let config;
try {
  config = loadAppConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// The database URL and its password (a driver's message may quote either) are redacted like the token.
const dbPassword = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).password) : '';
const secrets = [config.token, config.databaseUrl, dbPassword].filter((s): s is string => !!s);
const logger = createLogger(secrets);
const webRoot = fileURLToPath(new URL('../dist', import.meta.url));

// The one database: PostgreSQL (DATABASE_URL), or PGlite in DATA_DIR (default: data/ beside the
// app; `memory` keeps nothing, for tests), which one server claims for itself.
const dataDir = config.dataDir === 'memory' ? undefined : resolve(config.dataDir ?? fileURLToPath(new URL('../data', import.meta.url)));
let database;
let releaseDataDir = () => {};
try {
  if (!config.databaseUrl && dataDir) releaseDataDir = claimDataDir(dataDir);
  database = await openDatabase({
    url: config.databaseUrl,
    dir: dataDir,
    onIdleError: (err) => logger.warn('a database connection failed while idle; it will be replaced', { error: err.message }),
  });
} catch (err) {
  releaseDataDir();
  console.error(redact((err as Error).message, secrets));
  process.exit(1);
}
const { app, engine, startDraining } = createApp({ config, logger, database, webRoot: existsSync(webRoot) ? webRoot : undefined });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const shown = host === '127.0.0.1' || host === '[::1]' ? 'localhost' : host;
  const engineLine =
    config.engine === 'local'
      ? 'engine: local (offline preview engine; set FRIENDLI_TOKEN to use FriendliAI)'
      : `engine: FriendliAI at ${config.baseUrl}${config.endpointId ? `, endpoint ${config.endpointId}` : ''}`;
  console.log(`Friendli Image Studio is running at http://${shown}:${info.port}/\n${engineLine}`);
  if (!existsSync(webRoot)) console.log('(no web build found: run `npm run build`, or use `npm run dev`)');
});

installGracefulShutdown({
  server: server as Server,
  graceMs: config.shutdownGraceMs,
  startDraining,
  onClosed: async () => {
    await engine.close();
    await database.close();
    releaseDataDir();
  },
  logger,
});
