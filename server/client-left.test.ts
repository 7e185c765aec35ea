// A browser that goes away mid-request (a reload, a closed tab) is no upstream fault: the local
// engine's cancel is one info line that says the client left, never a warning about an HTTP 499.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { createLogger } from './errors';
import type { LocalEngine } from './local-engine/engine';

/** An engine whose renders run until they are aborted, as the real one's worker tasks are. */
function endlessEngine() {
  let started = 0;
  const engine: LocalEngine = {
    size: 8,
    generate: (_request, signal) =>
      new Promise((_, reject) => {
        started++;
        signal?.addEventListener('abort', () => reject(Object.assign(new Error('The task has been aborted'), { name: 'AbortError' })), { once: true });
      }),
    close: async () => {},
  };
  return { engine, started: () => started };
}

describe('a client that leaves mid-request', () => {
  it.each(['/api/generate', '/local/dedicated/v1/images/generations'])('%s: logged once, as info, saying the client left', async (path) => {
    const lines: string[] = [];
    const { engine, started } = endlessEngine();
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine, logger: createLogger([], (l) => lines.push(l)) });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const controller = new AbortController();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
      const pending = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt": "p"}', signal: controller.signal }).catch(() => 'left');
      await expect.poll(started).toBe(1);
      controller.abort();
      expect(await pending).toBe('left');
      // Beside the request's access line (server/http/request-log.ts), itself at info.
      const isAccess = (l: { message: string }) => l.message === 'request';
      await expect.poll(() => lines.map((l) => JSON.parse(l) as { message: string }).filter((l) => !isAccess(l)).length).toBeGreaterThan(0);
      const all = lines.map((l) => JSON.parse(l) as { level: string; message: string });
      const logged = all.filter((l) => !isAccess(l));
      expect(logged).toEqual([expect.objectContaining({ level: 'info', message: expect.stringMatching(/client left/) })]);
      expect(all.filter(isAccess).every((l) => l.level === 'info')).toBe(true);
      expect(JSON.stringify(logged)).not.toMatch(/499/);
    } finally {
      server.close();
    }
  });
});
