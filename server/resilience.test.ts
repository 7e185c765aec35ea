// Runs `npm run resilience` (load, memory, the store's bound; see server/resilience.ts) and the
// server's graceful shutdown, each in a process of its own.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFriendliTestServer } from './test/friendli-test-server';
import { freePort } from './test/ports';

const run = promisify(execFile);

describe('under load', () => {
  it('answers every request (images or a clear busy), returns to its idle memory, keeps the store bounded', async () => {
    const { stdout } = await run('npx', ['tsx', '--expose-gc', 'server/resilience.ts'], { timeout: 170_000 }).catch((err: { stdout?: string }) => {
      throw new Error(`resilience run failed:\n${err.stdout ?? String(err)}`);
    });
    console.log(stdout.split('\nRESULT')[0]);
    const result = JSON.parse(stdout.slice(stdout.lastIndexOf('RESULT ') + 7));
    expect(result.problems).toEqual([]);
    expect(result.local.answered).toBe(200);
    expect(result.slowUpstream.answered).toBe(200);
    expect(result.longRun.generated).toBe(1000);
  }, 180_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, then exits', async () => {
    const upstream = await startFriendliTestServer({ size: 64 });
    upstream.inject({ delayMs: 1500 });
    const port = await freePort();
    // Node itself (with tsx's loader), so that the signal reaches the server and nothing between.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FRIENDLI_TOKEN: 'shutdown-token', FRIENDLI_BASE_URL: upstream.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('is running at') && resolve());
        child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${stderr}`)));
      });
      const pending = fetch(`http://127.0.0.1:${port}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"in flight"}' });
      await expect.poll(() => upstream.stats.inFlight).toBe(1);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const response = await pending;
      expect(response.status).toBe(200);
      expect((await response.json()).images).toHaveLength(1);
      expect(await exited).toBe(0);
      // And it takes no new work once it has begun to stop.
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      await upstream.close();
    }
  }, 30_000);
});
