/// <reference types="vitest/config" />
// One config for the web build, the dev server (proxying the API to the Hono server) and vitest.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 8787}`;

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  plugins: [react(), tailwindcss()],
  // `@/` is web/src and `@server/` the server's shared contract (tsconfig.json `paths` says the same).
  resolve: { alias: { '@': fileURLToPath(new URL('web/src', import.meta.url)), '@server': fileURLToPath(new URL('server', import.meta.url)) } },
  build: { outDir: '../dist', emptyOutDir: true },
  server: { host: '127.0.0.1', proxy: { '/api': apiTarget, '/local': apiTarget } },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'eslint.config.test.ts'],
    testTimeout: 20_000,
    // Set-up hooks start real databases (PGlite's initdb, a PostgreSQL server): seconds on a busy
    // machine, which a hook may take as long as three tests.
    hookTimeout: 60_000,
    // expect.poll waits for its condition as long as the test itself may run: its own default (1 s)
    // assumed a speed, and under npm run test:busy the upload budget's held requests took longer.
    expect: { poll: { timeout: 20_000 } },
    // One file at a time: the load test (server/resilience.test.ts) takes both cores for a while,
    // and the fault tests measure waits and timeouts that it must not disturb.
    fileParallelism: false,
  },
});
