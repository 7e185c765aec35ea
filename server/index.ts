// The server's entry point: reads the environment (and .env), builds the app, serves it, prints
// the URL, and on SIGINT/SIGTERM finishes requests in flight before it exits (server/http/shutdown.ts).
// Runs as TypeScript (npm start: tsx server/index.ts) or built (npm run serve: node
// dist-server/index.js); in both, the web build is ../dist from this file's folder.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, loadAppConfig } from './app';

import { ConfigError, configSecrets } from './config';
import { claimDataDir, dataDirOf } from './db/data-dir';
import { openDatabase } from './db/open';
import { createLogger, redact } from './errors';
import { describeUpstreams } from './friendli/upstreams';
import { createMetrics } from './http/metrics';
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

const secrets = configSecrets(config);
const logger = createLogger(secrets, undefined, { level: config.logLevel });
const webRoot = fileURLToPath(new URL('../dist', import.meta.url));

// The one database: PostgreSQL (DATABASE_URL), or PGlite in DATA_DIR (default: data/ beside the
// app; `memory` keeps nothing, for tests), which one server claims for itself.
const dataDir = dataDirOf(config.dataDir);
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
const { app, engine, startDraining } = createApp({
  config,
  logger,
  database,
  webRoot: existsSync(webRoot) ? webRoot : undefined,
  metrics: createMetrics({ processMetrics: true }),
  readiness: [{ name: 'database', check: () => database.ping() }],
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const shown = host === '127.0.0.1' || host === '[::1]' ? 'localhost' : host;
  const who = config.auth.mode === 'none' ? 'anyone who reaches it (AUTH=none)' : config.auth.mode === 'users' ? 'accounts (AUTH=users; add one with npm run user -- add NAME --role admin)' : 'the sign-in proxy (AUTH=proxy)';
  const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory (nothing is kept)';
  console.log(`Friendli Image Studio is running at http://${shown}:${info.port}/\nengine: ${describeUpstreams(config)}\nusers: ${who}\ndatabase: ${store}`);
  // The same, as a log line for collectors that read JSON only (never a token: ids and addresses).
  logger.info('listening', { address: info.address, port: info.port, engine: config.engine, endpoints: config.endpoints.map((e) => e.id), auth: config.auth.mode, database: config.databaseUrl ? 'postgres' : 'pglite', log_level: config.logLevel });
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
