// `npm run resilience`: the server under load, on loopback only, with figures. Bursts of 200
// concurrent generations (local engine; a slow test upstream), then 1,000 generations through a
// small image store. Prints what was answered, latencies and memory; exits non-zero when an
// invariant breaks: a request unanswered or answered 5xx other than a clear "busy", settled heap
// more than 20% over idle, the store over its bound, or an unhandled rejection.
// `--small` (what npm test runs) checks the same invariants at less volume: bursts of 100 (still
// well past the queue, so most are refused busy), 512 px local images, and 400 generations through the store (past its
// bound once and a half), so that the test does not need a quiet machine to end within its time.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, loadAppConfig } from '../app';
import { startFriendliTestServer } from '../test/friendli-test-server';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));
const problems: string[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run resilience does)');
const heapMb = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed / 1e6;
};
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function listen(app: { fetch: (r: Request) => Response | Promise<Response> }) {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function burst(label: string, url: string, count: number) {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t = performance.now();
      try {
        const res = await fetch(`${url}/api/generate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: `load ${i}`, seed: i }),
          signal: AbortSignal.timeout(120_000),
        });
        const body = (await res.json()) as { error?: { code: string } };
        return { status: res.status, code: body.error?.code ?? 'ok', ms: performance.now() - t };
      } catch (err) {
        return { status: 0, code: `no answer: ${(err as Error).message}`, ms: performance.now() - t };
      }
    }),
  );
  const byCode = new Map<string, number>();
  for (const r of results) byCode.set(`${r.status} ${r.code}`, (byCode.get(`${r.status} ${r.code}`) ?? 0) + 1);
  const answered = results.filter((r) => r.status > 0).length;
  const ok = results.filter((r) => r.status === 200);
  const busy = results.filter((r) => r.status === 503 && r.code === 'busy');
  console.log(`\n${label}: ${count} concurrent, answered ${answered}/${count} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  ${ok.length} with images (p50 ${pct(ok.map((r) => r.ms), 0.5).toFixed(0)} ms, p99 ${pct(ok.map((r) => r.ms), 0.99).toFixed(0)} ms), ${busy.length} clear "busy" (p50 ${pct(busy.map((r) => r.ms), 0.5).toFixed(0)} ms, p99 ${pct(busy.map((r) => r.ms), 0.99).toFixed(0)} ms)`);
  console.log(`  by answer: ${[...byCode].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  for (const r of results) {
    if (r.status === 0) problems.push(`${label}: a request got no answer (${r.code})`);
    else if (r.status >= 500 && r.code !== 'busy') problems.push(`${label}: a request was answered ${r.status} ${r.code}`);
  }
  if (ok.length === 0) problems.push(`${label}: no request got images`);
  return { answered, ok: ok.length, busy: busy.length };
}

const quiet = { RATE_LIMIT_PER_MINUTE: '0', UPSTREAM_CONCURRENCY: '4', UPSTREAM_QUEUE: '32' };
const summary: Record<string, unknown> = {};
const small = process.argv.includes('--small');
const burstSize = small ? 100 : 200;
const longRunCount = small ? 400 : 1000;

/** One burst against a running server: its heap when idle (warmed up), at peak, and settled after. */
async function scenario(label: string, app: ReturnType<typeof createApp>, before?: () => void) {
  const { server, url } = await listen(app.app);
  await (await fetch(`${url}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"warm up"}' })).arrayBuffer();
  before?.();
  const idle = await heapMb();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed / 1e6)), 20);
  const result = await burst(label, url, burstSize);
  clearInterval(sampler);
  // Past keep-alive (4 s in undici): the load generator's own idle sockets are not the server's.
  await new Promise((r) => setTimeout(r, 6000));
  const settled = await heapMb();
  console.log(`  memory (V8 heap after GC, this server still running): idle ${idle.toFixed(1)} MB, peak ${peak.toFixed(1)} MB, settled ${settled.toFixed(1)} MB (${(((settled - idle) / idle) * 100).toFixed(0)}% over idle)`);
  if (settled > idle * 1.2) problems.push(`${label}: settled heap ${settled.toFixed(1)} MB is more than 20% over idle ${idle.toFixed(1)} MB`);
  server.close();
  await app.engine.close();
  return { ...result, idleMb: idle, peakMb: peak, settledMb: settled };
}

const localSize = small ? 512 : 1024;
summary.local = await scenario(`Local engine, ${localSize}×${localSize}`, createApp({ config: loadAppConfig({ ...quiet, LOCAL_ENGINE_SIZE: String(localSize) }) }));

const upstream = await startFriendliTestServer({ size: 64 });
summary.slowUpstream = await scenario('Slow upstream (2 s a request)', createApp({ config: loadAppConfig({ ...quiet, FRIENDLI_TOKEN: 'resilience-token', FRIENDLI_BASE_URL: upstream.url }) }), () => {
  upstream.inject(...Array.from({ length: burstSize }, () => ({ delayMs: 2000 })));
  upstream.requests.length = 0;
});
await upstream.close();

// A long run through a small store: its byte bound must hold throughout.
const boundMb = 8;
const long = createApp({ config: loadAppConfig({ ...quiet, LOCAL_ENGINE_SIZE: '128', IMAGE_STORE_MB: String(boundMb) }) });
const store = long.store as typeof long.store & { bytes: number; count: number };
let maxStored = 0;
let generated = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: 4 }, async (_, worker) => {
    for (let i = worker; i < longRunCount; i += 4) {
      const res = await long.app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: `long run ${i}`, seed: i }) });
      if (res.status === 200) generated++;
      else problems.push(`long run: generation ${i} answered ${res.status}`);
      await res.arrayBuffer();
      maxStored = Math.max(maxStored, store.bytes);
    }
  }),
);
console.log(`\nLong run: ${generated}/${longRunCount} generations in ${((performance.now() - started) / 1000).toFixed(1)} s; image store peak ${(maxStored / 1024 / 1024).toFixed(2)} MiB of a ${boundMb} MiB bound (${store.count} images held at the end)`);
if (maxStored > boundMb * 1024 * 1024) problems.push(`image store grew to ${maxStored} bytes, over its ${boundMb} MiB bound`);
summary.longRun = { generated, planned: longRunCount, maxStoredBytes: maxStored, boundBytes: boundMb * 1024 * 1024 };

await long.engine.close();
console.log(`Unhandled rejections: ${unhandled.length}`);
if (unhandled.length) problems.push(`${unhandled.length} unhandled rejections, first: ${String(unhandled[0])}`);

console.log(problems.length ? `\nFAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}` : '\nAll invariants held.');
console.log(`RESULT ${JSON.stringify({ ok: problems.length === 0, problems, ...summary })}`);
process.exit(problems.length ? 1 : 0);
