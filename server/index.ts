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
import { createLogger } from './errors';
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

const logger = createLogger(configSecrets(config), undefined, { level: config.logLevel });
const webRoot = fileURLToPath(new URL('../dist', import.meta.url));
const { app, engine, startDraining } = createApp({
  config,
  logger,
  webRoot: existsSync(webRoot) ? webRoot : undefined,
  metrics: createMetrics({ processMetrics: true }),
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const shown = host === '127.0.0.1' || host === '[::1]' ? 'localhost' : host;
  const engineLine =
    config.engine === 'local'
      ? 'engine: local (offline preview engine; set FRIENDLI_TOKEN to use FriendliAI)'
      : `engine: FriendliAI at ${config.baseUrl}${config.endpointId ? `, endpoint ${config.endpointId}` : ''}`;
  console.log(`Friendli Image Studio is running at http://${shown}:${info.port}/\n${engineLine}`);
  // The same, as a log line for collectors that read JSON only (never a token: ids and addresses).
  logger.info('listening', { address: info.address, port: info.port, engine: config.engine, endpoints: config.endpoints.map((e) => e.id), log_level: config.logLevel });
  if (!existsSync(webRoot)) console.log('(no web build found: run `npm run build`, or use `npm run dev`)');
});

installGracefulShutdown({ server: server as Server, graceMs: config.shutdownGraceMs, startDraining, onClosed: () => engine.close(), logger });
