// The queue's notion of done: a job is Done only once every listener has stored its images; a
// failed fetch or store leaves it Failed, and Retry stores the answer already made without
// generating (and billing) again, unless the server no longer holds the image.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerateResponse } from '@server/contract';

const generateImage = vi.fn();
vi.mock('../api/generate-image', () => ({ generateImage: (...args: unknown[]) => generateImage(...args) }));
// The journal's IndexedDB is the browser's (e2e/resume.spec.ts); here it is a map, in the same order of events.
const journal = new Map<string, { spec: { request: { seed?: number } }; error?: string }>();
const events: string[] = [];
vi.mock('../storage/job-journal', () => ({
  recordJobs: async (jobs: { id: string; spec: { request: { seed?: number } } }[]) => jobs.forEach((j) => (journal.set(j.id, { spec: j.spec }), events.push(`record ${j.id}`))),
  forgetJob: async (id: string) => (journal.delete(id), events.push(`forget ${id}`)),
  noteFailure: async (id: string, error: string) => void (journal.has(id) && (journal.get(id)!.error = error)),
  claimJob: async () => true,
  discardJob: async () => true,
}));
const { generateThroughQueue, onJobDone, useQueueStore } = await import('./queue-store');

const answer = (id: string) => ({ images: [{ id, url: `/api/images/${id}`, seed: 1, mime: 'image/png', width: 8, height: 8, bytes: 3 }], engine: 'local', elapsed_ms: 5 }) as unknown as GenerateResponse;
const spec = { request: { prompt: 'a fox', num_inference_steps: 4, response_format: 'png' as const }, basePrompt: 'a fox', styles: [] };
const job = () => useQueueStore.getState().jobs[0]!;
const settled = () => vi.waitFor(() => expect(['done', 'failed', 'cancelled']).toContain(job().status));

let fetchStatus = 200;
beforeEach(() => {
  useQueueStore.setState({ jobs: [] });
  generateImage.mockReset().mockImplementation(async () => answer(crypto.randomUUID()));
  fetchStatus = 200;
  vi.stubGlobal('fetch', vi.fn(async () => (fetchStatus === 0 ? Promise.reject(new TypeError('Failed to fetch')) : new Response(new Uint8Array([1, 2, 3]), { status: fetchStatus }))));
});
afterEach(() => vi.unstubAllGlobals());

describe('queue: done means stored', () => {
  it('a job whose images cannot be stored is Failed; Retry stores the same answer without generating again', async () => {
    const stored: string[] = [];
    let refuse = true;
    const off = onJobDone(async (_, response, images) => {
      expect(images[0]!.size).toBe(3);
      if (refuse) throw new Error('The browser has no room left');
      stored.push(response.images[0]!.id);
    });
    useQueueStore.getState().enqueue([spec]);
    await settled();
    expect(job()).toMatchObject({ status: 'failed', error: expect.stringContaining('could not be stored in the gallery: The browser has no room left') });
    expect(stored).toEqual([]);

    refuse = false;
    useQueueStore.getState().retry(job().id);
    await settled();
    expect(job().status).toBe('done');
    expect(generateImage).toHaveBeenCalledTimes(1);
    expect(stored).toHaveLength(1);
    off();
  });

  it('an image that cannot be fetched fails the job; if the server lost it, Retry generates again', async () => {
    const stored: string[] = [];
    const off = onJobDone(async (_, response) => void stored.push(response.images[0]!.id));
    fetchStatus = 0;
    useQueueStore.getState().enqueue([spec]);
    await settled();
    expect(job()).toMatchObject({ status: 'failed', error: expect.stringContaining('could not fetch it from the studio server') });

    fetchStatus = 404; // restarted server: the first answer's image is gone, a new one is made
    generateImage.mockImplementationOnce(async () => answer('second'));
    const retried = vi.fn(async () => new Response(new Uint8Array([1, 2, 3])));
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('/second') ? retried() : new Response(null, { status: 404 }))));
    useQueueStore.getState().retry(job().id);
    await settled();
    expect(job().status).toBe('done');
    expect(generateImage).toHaveBeenCalledTimes(2);
    expect(stored).toEqual(['second']);
    off();
  });

  it('Retry all failed retries every failed job, and only those', async () => {
    let fail = true;
    const off = onJobDone(async () => {
      if (fail) throw new Error('no');
    });
    useQueueStore.getState().enqueue([spec, spec, spec]);
    await vi.waitFor(() => expect(useQueueStore.getState().jobs.every((j) => j.status === 'failed')).toBe(true));
    useQueueStore.getState().cancel(useQueueStore.getState().jobs[0]!.id); // no-op for a finished job
    fail = false;
    useQueueStore.getState().retryFailed();
    await vi.waitFor(() => expect(useQueueStore.getState().jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']));
    off();
  });
});

describe('queue: the reproduce check is a job', () => {
  it('waits its turn under the concurrency, shows in the queue, and hands its bytes to the check, not the gallery', async () => {
    useQueueStore.getState().setConcurrency(1);
    const stored: string[] = [];
    const off = onJobDone(async (_, response) => void stored.push(response.images[0]!.id));
    let release!: () => void;
    generateImage.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(answer('first')))));
    useQueueStore.getState().enqueue([spec]);
    const check = generateThroughQueue({ ...spec, label: 'Reproduce check' });
    await vi.waitFor(() => expect(useQueueStore.getState().jobs.map((j) => j.status)).toEqual(['running', 'waiting']));
    expect(useQueueStore.getState().jobs[1]).toMatchObject({ label: 'Reproduce check' });
    // Running first writes the job to the journal, then sends it.
    await vi.waitFor(() => expect(generateImage).toHaveBeenCalledTimes(1));

    release();
    expect((await check).size).toBe(3);
    await vi.waitFor(() => expect(useQueueStore.getState().jobs.map((j) => j.status)).toEqual(['done', 'done']));
    expect(stored).toEqual(['first']);
    off();
    useQueueStore.getState().setConcurrency(2);
  });

  it('rejects when its job is cancelled while it waits', async () => {
    useQueueStore.getState().setConcurrency(1);
    generateImage.mockImplementationOnce(() => new Promise(() => {}));
    useQueueStore.getState().enqueue([spec]);
    const check = generateThroughQueue(spec);
    const waiting = useQueueStore.getState().jobs[1]!;
    useQueueStore.getState().cancel(waiting.id);
    await expect(check).rejects.toMatchObject({ code: 'cancelled' });
    useQueueStore.getState().cancelAll();
    useQueueStore.getState().setConcurrency(2);
  });
});

describe('queue: nothing failed is dropped', () => {
  it('keeps a failed job, with its Retry, however many jobs finish after it', async () => {
    const off = onJobDone(async () => {});
    generateImage.mockImplementationOnce(async () => Promise.reject(new Error('upstream down')));
    useQueueStore.getState().enqueue([spec]);
    await settled();
    const failed = job();
    expect(failed.status).toBe('failed');
    for (let i = 0; i < 5; i++) {
      useQueueStore.getState().enqueue(Array.from({ length: 10 }, () => spec));
      await vi.waitFor(() => expect(useQueueStore.getState().jobs.every((j) => j.status === 'done' || j.id === failed.id)).toBe(true));
    }
    useQueueStore.getState().enqueue([spec]);
    const jobs = useQueueStore.getState().jobs;
    expect(jobs.find((j) => j.id === failed.id)?.status).toBe('failed');
    expect(jobs.filter((j) => j.status === 'done').length).toBeLessThanOrEqual(40);
    off();
  });
});

describe('queue: the journal', () => {
  it('records every job, with a seed drawn if none was given, before it is sent, and forgets it once stored', async () => {
    journal.clear();
    events.length = 0;
    const off = onJobDone(async (j) => void events.push(`stored ${j.id}`));
    generateImage.mockImplementation(async (request: { seed: number }) => (events.push(`sent ${request.seed}`), answer(crypto.randomUUID())));
    useQueueStore.getState().enqueue([spec, { ...spec, request: { ...spec.request, seed: 7 } }]);
    const [a, b] = useQueueStore.getState().jobs;
    expect(a!.request.seed).toEqual(expect.any(Number));
    expect(b!.request.seed).toBe(7);
    await vi.waitFor(() => expect(useQueueStore.getState().jobs.map((j) => j.status)).toEqual(['done', 'done']));
    await vi.waitFor(() => expect(journal.size).toBe(0));
    for (const j of [a!, b!]) {
      const order = [`record ${j.id}`, `sent ${j.request.seed}`, `stored ${j.id}`, `forget ${j.id}`].map((e) => events.indexOf(e));
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    }
    off();
  });

  it('keeps a failed job in the journal with its reason; a cancelled one leaves it', async () => {
    journal.clear();
    const off = onJobDone(async () => {});
    generateImage.mockImplementationOnce(async () => Promise.reject(new Error('upstream down'))).mockImplementationOnce((_: unknown, signal: AbortSignal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))));
    useQueueStore.getState().enqueue([spec, spec]);
    const [failed, cancelled] = useQueueStore.getState().jobs;
    await vi.waitFor(() => expect(journal.get(failed!.id)?.error).toContain('upstream down'));
    useQueueStore.getState().cancel(cancelled!.id);
    await vi.waitFor(() => expect([...journal.keys()]).toEqual([failed!.id]));
    off();
  });

  it('shows a gone tab’s jobs as Interrupted; Resume sends the same request again, Discard drops it', async () => {
    useQueueStore.setState({ jobs: [] });
    const stored: number[] = [];
    const off = onJobDone(async (j) => void stored.push(j.request.seed!));
    const rec = (id: string, seed: number) => ({ v: 1 as const, id, owner: 'gone-tab', lease: 0, createdAt: 1, spec: { request: { ...spec.request, seed }, basePrompt: 'a fox', styles: [] } });
    useQueueStore.getState().setInterrupted([rec('one', 11), rec('two', 12)]);
    expect(useQueueStore.getState().jobs.map((j) => j.status)).toEqual(['interrupted', 'interrupted']);
    await useQueueStore.getState().resume('one');
    await useQueueStore.getState().discard('two');
    await vi.waitFor(() => expect(useQueueStore.getState().jobs.map((j) => [j.id, j.status])).toEqual([['one', 'done']]));
    expect(generateImage).toHaveBeenCalledWith(expect.objectContaining({ seed: 11 }), expect.anything());
    expect(stored).toEqual([11]);
    off();
  });
});
