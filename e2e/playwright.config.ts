// End-to-end tests: real Chromium against the real server, started here on loopback ports.
import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './browser';

export const APP_PORT = 8811;

export default defineConfig({
  testDir: '.',
  outputDir: './.output',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions,
  },
  webServer: [
    {
      // The real server on the local engine, serving the built studio (npm run test:e2e builds it).
      command: 'npx tsx server/index.ts',
      cwd: '..',
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      env: { PORT: String(APP_PORT), HOST: '127.0.0.1', FRIENDLI_TOKEN: '' },
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
