// `npm run bench`: prints figures, asserts nothing. Local engine speed at 1024×1024, what the
// app adds on top of the engine (validation, the client, the protocol, the store), and the server
// process under 50 concurrent 10 MiB edits (its peak memory over idle, /api/config meanwhile), and
// the studio for a team (bench-team.ts: fair shares, sign-in overhead, two instances on PostgreSQL).
import { createApp, loadAppConfig } from '../app';
import { createLocalEngineApp } from '../local-engine/app';
import { createLocalEngine, type LocalEngine } from '../local-engine/engine';
import { createMemoryImageStore } from '../image-store';
import { EDITS_PATH } from '../protocol/edits';

const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), n: s.length };
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const row = (label: string, samples: number[]) => {
  const { median, p95, n } = stats(samples);
  console.log(`  ${label.padEnd(44)} median ${fmt(median).padStart(9)}   p95 ${fmt(p95).padStart(9)}   (n=${n})`);
};

async function timeEach(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const start = performance.now();
        await task(i);
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}

const engine = createLocalEngine();
console.log('Local engine, 1024×1024, one request at a time (worker render + encode):');
await timeEach(4, 1, (i) => engine.generate({ prompt: 'warm-up', seed: i, num_inference_steps: 4, encoding: 'png' }));
for (const encoding of ['png', 'jpeg'] as const) {
  row(`${encoding.toUpperCase()}, 4 steps, varied prompts and seeds`, await timeEach(30, 1, (i) => engine.generate({ prompt: ['mountain sunset', 'neon city', 'ocean waves', 'a cat portrait', 'galaxy', 'abstract'][i % 6]!, seed: i, num_inference_steps: 4, encoding })));
}

// An edit through the engine's own protocol app: the source's data: URL decoded and mapped by sharp,
// the render pulled toward it, the PNG stored for its `url` (goal: median ≤ 200 ms).
{
  const engineApp = createLocalEngineApp(engine, createMemoryImageStore({ maxBytes: 1 << 28 }));
  const source = `data:image/png;base64,${(await engine.generate({ prompt: 'mountain sunset', seed: 99, num_inference_steps: 4, encoding: 'png' })).toString('base64')}`;
  const editOnce = async (i: number, model?: string) => {
    const response = await engineApp.request(EDITS_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: ['violet sky', 'red car', 'snowy night'][i % 3], image: { image: source }, seed: i, num_inference_steps: 4, response_format: 'url', model }),
    });
    if (response.status !== 200) throw new Error(`edit answered ${response.status}`);
    await response.arrayBuffer();
  };
  await timeEach(3, 1, (i) => editOnce(i));
  row('Local engine edit of a 1024² source (PNG, url)', await timeEach(20, 1, (i) => editOnce(i)));
  row('  the same with adapter route blueprint', await timeEach(10, 1, (i) => editOnce(i, 'local:blueprint')));
  row('  the same with adapter route watercolor', await timeEach(10, 1, (i) => editOnce(i, 'local:watercolor')));
}

// An engine that answers at once with one fixed image: what remains is exactly the app's own cost.
const fixed = await engine.generate({ prompt: 'fixed', seed: 1, num_inference_steps: 4, encoding: 'png' });
const instant: LocalEngine = { size: 1024, generate: async () => fixed, close: async () => {} };
const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine: instant });
const generate = (format: string) => async () =>
  (await app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'bench', seed: 1, response_format: format }) })).arrayBuffer();
console.log(`\nApp latency added over the engine (POST /api/generate with an instant engine; ${(fixed.length / 1e6).toFixed(1)} MB PNG):`);
for (const format of ['url', 'png']) {
  await timeEach(50, 1, generate(format));
  for (const concurrency of [1, 8]) row(`response_format ${format}, ${concurrency} concurrent`, await timeEach(200, concurrency, generate(format)));
}

console.log('\nA 16-image batch on the local engine (1024×1024 PNG via url), through the app:');
const batch = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine });
for (const concurrency of [1, 2]) {
  const start = performance.now();
  await timeEach(16, concurrency, async (i) => (await batch.app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a batch of sixteen', seed: 5000 + i }) })).arrayBuffer());
  const wall = performance.now() - start;
  console.log(`  concurrency ${concurrency}: ${(wall / 1000).toFixed(2)} s wall, ${(16 / (wall / 1000)).toFixed(1)} images/s`);
}

console.log('\nWhole request on the real engine (POST /api/generate, 1024×1024 PNG via url, 1 at a time):');
const real = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine });
row('end to end in-process', await timeEach(20, 1, async (i) => real.app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'mountain sunset', seed: i }) })));
await engine.close();

// The server process under concurrent uploads (server/scripts/bench-uploads.ts).
await import('./bench-uploads');

// The studio for a team: fair shares, sign-in overhead, two instances on PostgreSQL (server/scripts/bench-team.ts).
await import('./bench-team');
