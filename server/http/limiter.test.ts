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

  it('serves waiting users in turn: a second user’s one image starts as soon as the first user’s running job ends, not after their whole batch', async () => {
    const limiter = createLimiter({ concurrency: 1, maxWaiting: 200 });
    const started: string[] = [];
    const gate = deferred();
    // Ana's 100-job plot: the first runs (held), 99 wait; then Bo asks for one image.
    const job = (user: string, i: number) => limiter.run(async () => {
      started.push(`${user}${i}`);
      if (started.length === 1) await gate.promise;
    }, undefined, { user, endpoint: 'ep' });
    const runs = Array.from({ length: 100 }, (_, i) => job('ana', i));
    runs.push(job('bo', 0));
    expect(limiter.waiting).toBe(100);
    gate.resolve();
    await Promise.all(runs);
    expect(started.slice(0, 3)).toEqual(['ana0', 'bo0', 'ana1']);
    expect(started).toHaveLength(101);
  });

  it('takes the endpoints’ lines in turn too', async () => {
    const limiter = createLimiter({ concurrency: 1, maxWaiting: 10 });
    const started: string[] = [];
    const gate = deferred();
    const job = (endpoint: string, i: number) => limiter.run(async () => {
      started.push(`${endpoint}${i}`);
      if (started.length === 1) await gate.promise;
    }, undefined, { user: 'ana', endpoint });
    const runs = [job('a', 0), job('a', 1), job('a', 2), job('b', 0)];
    gate.resolve();
    await Promise.all(runs);
    expect(started).toEqual(['a0', 'a1', 'b0', 'a2']);
  });

  it('frees a cancelled waiter’s place at once, wherever it stood', async () => {
    const limiter = createLimiter({ concurrency: 1, maxWaiting: 2 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise, undefined, { user: 'ana' });
    const leaving = new AbortController();
    const cancelled = limiter.run(async () => 'never', leaving.signal, { user: 'ana' });
    const other = limiter.run(async () => 'bo ran', undefined, { user: 'bo' });
    expect(limiter.waiting).toBe(2);
    leaving.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(limiter.waiting).toBe(1);
    // The freed place takes a new waiter at once.
    const third = limiter.run(async () => 'cy ran', undefined, { user: 'cy' });
    gate.resolve();
    await first;
    await expect(other).resolves.toBe('bo ran');
    await expect(third).resolves.toBe('cy ran');
    expect(limiter.waiting).toBe(0);
    expect(limiter.active).toBe(0);
  });
});

