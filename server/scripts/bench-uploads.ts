// Part of `npm run bench` (prints figures, asserts nothing): the real server in a process of its
// own (local engine, 1024²) under 50 edits of a 10 MiB source at once: its peak resident memory
// over idle (the kernel's high-water mark; goal: within 400 MB) and GET /api/config's latency
// while they run (goal: p95 at most 200 ms).
import { concurrentEdits, largeEditBody, postJson } from '../test/edit-load';
import { canMeasureMemory, peakMb, residentMb, resetPeak } from '../test/process-memory';
import { startServerProcess, stopServersOnSignals } from '../test/server-process';

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(0.95 * samples.length))] ?? 0;
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

if (canMeasureMemory()) {
  stopServersOnSignals();
  const server = await startServerProcess({ env: { FRIENDLI_TOKEN: '', RATE_LIMIT_PER_MINUTE: '0' } });
  try {
    const body = await largeEditBody(10);
    await postJson(`${server.url}/api/edit`, body);
    const idle = residentMb(server.pid);
    resetPeak(server.pid);
    let running = true;
    const configTimes: number[] = [];
    const poll = (async () => {
      while (running) {
        const start = performance.now();
        await (await fetch(`${server.url}/api/config`)).arrayBuffer();
        configTimes.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const start = performance.now();
    const answers = await concurrentEdits(server.url, body, 50);
    const wall = performance.now() - start;
    running = false;
    await poll;
    const peak = peakMb(server.pid);
    const tally: Record<string, number> = {};
    for (const a of answers) tally[`${a.status} ${a.code}`] = (tally[`${a.status} ${a.code}`] ?? 0) + 1;
    console.log(`\n50 concurrent edits of a ${(body.byteLength / 1024 / 1024).toFixed(1)} MiB body on the local engine (server process, IMAGE_INPUT_MB 20, IMAGE_INPUT_BUDGET_MB 40):`);
    console.log(`  answers in ${(wall / 1000).toFixed(1)} s: ${Object.entries(tally).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
    console.log(`  server memory: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, ${(peak - idle).toFixed(0)} MB over idle (goal: within 400 MB)`);
    console.log(`  GET /api/config meanwhile: median ${median(configTimes).toFixed(0)} ms, p95 ${p95(configTimes).toFixed(0)} ms (n=${configTimes.length}; goal: p95 ≤ 200 ms)`);
  } finally {
    await server.stop();
  }
} else {
  console.log('\n(50 concurrent 10 MiB edits: skipped, this machine has no /proc to read a process\'s memory from)');
}
