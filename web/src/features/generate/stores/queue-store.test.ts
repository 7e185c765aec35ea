// The queue's notion of done: a job is Done only once every listener has stored its images; a
// failed fetch or store leaves it Failed, and Retry stores the answer already made without
// generating (and billing) again, unless the server no longer holds the image.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerateResponse } from '@server/contract';

const generateImage = vi.fn();
vi.mock('../api/generate-image', () => ({ generateImage: (...args: unknown[]) => generateImage(...args) }));
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
    expect(generateImage).toHaveBeenCalledTimes(1);

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
