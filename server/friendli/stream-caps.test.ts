// Hostile upstream bodies (a 400 MB chunked answer, a gzip bomb, a huge error body, a huge image)
// fail cleanly at the byte cap, and the process's memory stays bounded while they arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { startFriendliTestServer } from '../test/friendli-test-server';
import { createFriendliClient } from './client';

const MiB = 1024 * 1024;
const HUGE = 400 * MiB;
const CAP = 1 * MiB;
/** The bound: peak RSS within 150 MB of idle while such an answer arrives. */
const BOUND = 150 * MiB;

let upstream: Awaited<ReturnType<typeof startFriendliTestServer>>;
/** Memory once the test server and the client have warmed up, before any hostile answer. */
let idle: NodeJS.MemoryUsage;
beforeAll(async () => {
  upstream = await startFriendliTestServer({ size: 64 });
  await client().generate(params);
  idle = process.memoryUsage();
});
afterAll(() => upstream.close());

const client = () => createFriendliClient({ baseUrl: upstream.url, maxResponseBytes: CAP, retryBaseMs: 1, retryMaxMs: 2, maxRetries: 0 });
const params = { prompt: 'a red fox', num_inference_steps: 4, seed: 1, response_format: 'png' as const };

/** Runs `work` while sampling memory; returns its error and the peak growth over idle. */
async function measured(work: () => Promise<unknown>) {
  const start = idle;
  let peakRss = 0;
  let peakBuffers = 0;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 2);
  const error = await work().then(() => undefined, (e: unknown) => e);
  sample();
  clearInterval(timer);
  return { error, rss: peakRss - start.rss, arrayBuffers: peakBuffers - start.arrayBuffers };
}

describe('stream caps', () => {
  it.each([
    ['a 400 MB chunked answer', { kind: 'stream' as const, size: HUGE }, 'upstream_bad_response', /more than 1048576 bytes/],
    ['a gzip bomb (400 MB from about 400 KB on the wire)', { kind: 'stream' as const, size: HUGE, gzip: true }, 'upstream_bad_response', /more than 1048576 bytes/],
    ['a 400 MB chunked error body', { kind: 'stream' as const, status: 400, size: HUGE }, 'upstream_validation', /rejected the request \(HTTP 400\)\.$/],
    ['a gzip bomb as an error body', { kind: 'stream' as const, status: 401, size: HUGE, gzip: true }, 'upstream_auth', /refused the token/],
  ])('%s fails cleanly at the cap, with memory bounded', async (_, fault, code, message) => {
    upstream.inject(fault);
    const left = upstream.stats.streamsLeft;
    const { error, rss, arrayBuffers } = await measured(() => client().generate(params));
    // The connection was closed at the cap: the upstream stopped sending long before its 400 MB.
    // (A gzip bomb's ~400 KB fit in the socket buffers at once: there, decompression is what stops.)
    if (!('gzip' in fault)) await expect.poll(() => upstream.stats.streamsLeft).toBe(left + 1);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    expect(rss).toBeLessThan(BOUND);
    expect(arrayBuffers).toBeLessThan(BOUND);
  });

  it.each([
    ['a 400 MB chunked image', false],
    ['an image that is a gzip bomb', true],
  ])('a url result that is %s fails cleanly at the cap, with memory bounded', async (_, gzip) => {
    upstream.inject({ path: '/huge.png', kind: 'stream', size: HUGE, gzip });
    const left = upstream.stats.streamsLeft;
    const { error, rss, arrayBuffers } = await measured(() => client().download(`${upstream.url}/huge.png`));
    if (!gzip) await expect.poll(() => upstream.stats.streamsLeft).toBe(left + 1);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/more than 1048576 bytes/);
    expect(rss).toBeLessThan(BOUND);
    expect(arrayBuffers).toBeLessThan(BOUND);
  });

  it('a body within the cap still arrives whole', async () => {
    upstream.inject({ path: '/small.bin', kind: 'stream', size: CAP - 64 * 1024 });
    const bytes = await client().download(`${upstream.url}/small.bin`);
    expect(bytes.byteLength).toBe(CAP - 64 * 1024);
  });
});
