// Runs `npm run resilience` at its small volume (load, memory, the store's bound; see
// server/scripts/resilience.ts) in a process of its own. Graceful shutdown has its own file
// (server/http/shutdown.test.ts).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('under load', () => {
  it('answers every request (images or a clear busy), returns to its idle memory, keeps the store bounded', async () => {
    // Node itself (no npx in between), so that the timeout's signal reaches the run and nothing is orphaned.
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'server/scripts/resilience.ts', '--small'], { timeout: 170_000 }).catch((err: { stdout?: string }) => {
      throw new Error(`resilience run failed:\n${err.stdout ?? String(err)}`);
    });
    console.log(stdout.split('\nRESULT')[0]);
    const result = JSON.parse(stdout.slice(stdout.lastIndexOf('RESULT ') + 7));
    expect(result.problems).toEqual([]);
    expect(result.local.answered).toBe(100);
    expect(result.local.busy).toBeGreaterThan(0);
    expect(result.slowUpstream.answered).toBe(100);
    expect(result.slowUpstream.busy).toBeGreaterThan(0);
    expect(result.longRun.generated).toBe(400);
    // The store reached its bound (so eviction ran) and never passed it.
    expect(result.longRun.maxStoredBytes).toBeGreaterThan(result.longRun.boundBytes * 0.9);
    expect(result.longRun.maxStoredBytes).toBeLessThanOrEqual(result.longRun.boundBytes);
  }, 180_000);
});
