import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('limiter', () => {
  it('runs at most `concurrency` tasks at once, in order, and refuses beyond the waiting room', async () => {
    const limiter = createLimiter({ concurrency: 2, maxWaiting: 1 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) => limiter.run(async () => (started.push(i), g.promise)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting).toBe(1);
    await expect(limiter.run(async () => 'x')).rejects.toMatchObject({ code: 'busy', status: 503, extra: { retryAfterSeconds: 2 } });
    gates[0]!.resolve();
    await runs[0];
    await expect.poll(() => started).toEqual([0, 1, 2]);
    expect(limiter.active).toBe(2);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(limiter.active).toBe(0);
  });

  it('lets a waiting request that is cancelled leave the line', async () => {
    const limiter = createLimiter({ concurrency: 1, maxWaiting: 5 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    const second = limiter.run(async () => 'ran', controller.signal);
    expect(limiter.waiting).toBe(1);
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(limiter.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(limiter.active).toBe(0);
  });

  it('keeps a running task in its slot until it ends, even when its request is cancelled', async () => {
    const limiter = createLimiter({ concurrency: 1, maxWaiting: 1 });
    const gate = deferred();
    const controller = new AbortController();
    const running = limiter.run(() => gate.promise.then(() => 'done'), controller.signal);
    controller.abort();
    await Promise.resolve();
    expect(limiter.active).toBe(1);
    gate.resolve();
    await expect(running).resolves.toBe('done');
    await expect.poll(() => limiter.active).toBe(0);
  });
});
