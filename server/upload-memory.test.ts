// The server process's memory under 50 concurrent 10 MiB edits on the local engine (issue 17,
// item 3): bodies are admitted through the upload budget before they are read, so the process's
// peak (the kernel's high-water mark, as the bench reads it) stays within 400 MB over idle
// however fast or slow the machine is; every edit gets its images or a clear busy.
import { describe, expect, it } from 'vitest';
import { concurrentEdits, largeEditBody, postJson } from './test/edit-load';
import { canMeasureMemory, peakMb, residentMb, resetPeak } from './test/process-memory';
import { startServerProcess } from './test/server-process';

describe.skipIf(!canMeasureMemory())('memory under concurrent uploads', () => {
  it('50 concurrent 10 MiB edits: peak within 400 MB over idle, each answered with images or busy', async () => {
    const server = await startServerProcess({ env: { FRIENDLI_TOKEN: '', RATE_LIMIT_PER_MINUTE: '0', LOCAL_ENGINE_SIZE: '64' } });
    try {
      const body = await largeEditBody(10);
      // Warmed up: the engine's threads started and one large edit through, then idle.
      expect(await postJson(`${server.url}/api/edit`, body)).toEqual({ status: 200, code: 'ok' });
      const idle = residentMb(server.pid);
      resetPeak(server.pid);
      const answers = await concurrentEdits(server.url, body, 50);
      const peak = peakMb(server.pid);
      const tally: Record<string, number> = {};
      for (const a of answers) tally[`${a.status} ${a.code}`] = (tally[`${a.status} ${a.code}`] ?? 0) + 1;
      console.log(`50 × ${(body.byteLength / 1024 / 1024).toFixed(1)} MiB edits: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)} MB); answers ${JSON.stringify(tally)}`);
      for (const answer of answers) expect(['200 ok', '503 busy']).toContain(`${answer.status} ${answer.code}`);
      expect(answers.some((a) => a.status === 200)).toBe(true);
      expect(peak - idle).toBeLessThan(400);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
