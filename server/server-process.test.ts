// The shared helper that starts the real server for tests and scripts: an OS-assigned port, and
// once stopped, the port is free and no process of its tree is left (also through npx).
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './test/server-process';

const env = { FRIENDLI_TOKEN: '', RATE_LIMIT_PER_MINUTE: '0', LOCAL_ENGINE_SIZE: '64', DATA_DIR: 'memory' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  probe.listen(port, '127.0.0.1');
  const outcome = await Promise.race([once(probe, 'listening').then(() => true), once(probe, 'error').then(() => false)]);
  if (outcome) await new Promise((resolve) => probe.close(resolve));
  return outcome;
}

describe('startServerProcess', () => {
  it('serves on a port the OS chose, and once stopped the port is free and the process gone', async () => {
    const server = await startServerProcess({ env });
    expect(server.port).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await server.stop();
    expect(alive(server.pid)).toBe(false);
    expect(await portIsFree(server.port)).toBe(true);
    // As long as the next: a start includes the embedded database's (seconds on a busy machine).
  }, 60_000);

  it('stops the whole process tree, also when the server runs under npx', async () => {
    // npx runs the server as a grandchild: killing only the direct child would orphan it.
    const server = await startServerProcess({ env, command: ['npx', 'tsx', 'server/index.ts'] });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await server.stop();
    expect(alive(server.pid)).toBe(false);
    await expect.poll(() => portIsFree(server.port)).toBe(true);
    expect(await fetch(`${server.url}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
  }, 60_000);
});
