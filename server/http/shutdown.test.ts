// Graceful shutdown of the real server process: on SIGTERM requests in flight finish within
// SHUTDOWN_GRACE_MS, new ones (also on kept-alive connections) get 503 with Retry-After, and the
// process exits by itself: 0 when all finished, 1 when the grace ran out.
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { startServerProcess, type ServerProcess } from '../test/server-process';

/** A GET through the given agent, reporting whether it went over a reused (kept-alive) socket. */
function get(agent: Agent, url: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

const generate = (url: string) => fetch(`${url}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"in flight"}' });

let upstream: Awaited<ReturnType<typeof startFriendliTestServer>> | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop(0);
  await upstream?.close();
  server = upstream = undefined;
});

async function start(graceMs: number) {
  upstream = await startFriendliTestServer({ size: 64 });
  server = await startServerProcess({
    env: { FRIENDLI_TOKEN: 'shutdown-token', FRIENDLI_BASE_URL: upstream.url, RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_GRACE_MS: String(graceMs) },
  });
  return { upstream, server };
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes a slow request in flight, refuses new ones with 503 (kept-alive too), then exits 0', async () => {
    const { upstream, server } = await start(60_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(agent, `${server.url}/api/health`)).status).toBe(200);

    upstream.inject({ delayMs: 3000 });
    const pending = generate(server.url);
    await expect.poll(() => upstream.stats.inFlight).toBe(1);
    server.child.kill('SIGTERM');

    // A new connection: a clear 503, not a refused connection.
    await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status).toBe(503);
    const refused = await fetch(`${server.url}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"too late"}' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).error.code).toBe('shutting_down');
    // The kept-alive connection: refused as well, and not kept for another request.
    const kept = await get(agent, `${server.url}/api/config`);
    expect(kept).toMatchObject({ status: 503, reused: true });
    expect(kept.headers.connection).toBe('close');
    expect(JSON.parse(kept.body).error.code).toBe('shutting_down');

    const response = await pending;
    expect(response.status).toBe(200);
    expect((await response.json()).images).toHaveLength(1);
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    agent.destroy();
  }, 30_000);

  it('exits by itself once SHUTDOWN_GRACE_MS is over, cutting a request that hangs', async () => {
    const { upstream, server } = await start(1000);
    upstream.inject({ kind: 'hang' });
    const pending = generate(server.url).then((r) => r.status, () => 'cut');
    await expect.poll(() => upstream.stats.inFlight).toBe(1);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(await pending).toBe('cut');
    expect(server.output()).toMatch(/grace period over.*"grace_ms":1000/);
  }, 30_000);

  it('stops at once on a second signal, cutting what is still in flight', async () => {
    const { upstream, server } = await start(600_000);
    upstream.inject({ kind: 'hang' });
    const pending = generate(server.url).then((r) => r.status, () => 'cut');
    await expect.poll(() => upstream.stats.inFlight).toBe(1);
    server.child.kill('SIGTERM');
    await expect.poll(() => server.output()).toMatch(/shutting down/);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(1);
    expect(await pending).toBe('cut');
    expect(server.output()).toMatch(/second signal: stopping now/);
  }, 30_000);
});

