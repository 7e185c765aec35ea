// End-to-end tests: real Chromium against the real server, started here on loopback ports.
import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './browser';
import { CONTAINER_APP, USERS_APP, CONTAINER_ENDPOINTS, E2E_TOKEN, ENDPOINTS, ENDPOINTS_APP, FRIENDLI_APP, LOCAL_APP, UPSTREAM } from './servers';

const port = (url: string) => new URL(url).port;
const server = (url: string, command: string, env: Record<string, string>) => ({
  command,
  cwd: '..',
  url: `${url}${url === UPSTREAM ? '/__control/requests' : '/api/health'}`,
  // Every test comes from one address; the per-client limit has its own unit tests. Each server's
  // embedded database is in memory: a run starts empty and leaves nothing behind. Warnings and
  // errors only: an access line per request would bury the test output.
  env: { HOST: '127.0.0.1', PORT: port(url), RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: 'memory', LOG_LEVEL: 'warn', ...env },
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './.output',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  timeout: 60_000,
  // Ten 1024×1024 images decoded, thumbnailed and stored on a 2-core machine take seconds.
  expect: { timeout: 15_000 },
  use: {
    baseURL: LOCAL_APP,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions,
  },
  webServer: [
    // The app on the local engine, serving the built studio (npm run test:e2e builds it).
    server(LOCAL_APP, 'npx tsx server/index.ts', { FRIENDLI_TOKEN: '' }),
    server(UPSTREAM, 'npx tsx server/test/friendli-test-server.ts', { SIZE: '256' }),
    server(FRIENDLI_APP, 'npx tsx server/index.ts', { FRIENDLI_TOKEN: E2E_TOKEN, FRIENDLI_BASE_URL: UPSTREAM, FRIENDLI_ENDPOINT_ID: 'e2e-endpoint' }),
    // The same upstream behind a list of two endpoints (the endpoint and adapter choices).
    server(ENDPOINTS_APP, 'npx tsx server/index.ts', { FRIENDLI_TOKEN: E2E_TOKEN, FRIENDLI_BASE_URL: UPSTREAM, FRIENDLI_ENDPOINTS: JSON.stringify(ENDPOINTS) }),
    // A team's own Friendli Container (the same test server at base_url): no FRIENDLI_TOKEN at all.
    server(CONTAINER_APP, 'npx tsx server/index.ts', { FRIENDLI_TOKEN: '', FRIENDLI_ENDPOINTS: JSON.stringify(CONTAINER_ENDPOINTS) }),
    // Accounts (AUTH=users) on the local engine, in a database of its own that starts with one admin.
    server(USERS_APP, 'npx tsx e2e/users-server.ts', { FRIENDLI_TOKEN: '', LOCAL_ENGINE_SIZE: '256' }),
  ],
});
