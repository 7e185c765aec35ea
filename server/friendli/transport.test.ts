// Wire-level helpers: which network errors may be retried for a POST, capped body reads, and the
// public-only fetch refusing a name that resolves to loopback (a listener of our own counts connects).
// Only loopback is ever a target here.
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createFriendliClient } from './client';
import { ADDRESS_REFUSED } from './image-url-policy';
import { BodyTooLarge, createPublicFetch, isBeforeSend, networkCode, parseRetryAfter, readCapped } from './transport';

const fetchFailed = (cause: object) => new TypeError('fetch failed', { cause });

describe('isBeforeSend', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: 'ENOTFOUND' }, true],
    [{ code: 'EAI_AGAIN' }, true],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, true],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, true],
    [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, true],
    [{ code: ADDRESS_REFUSED }, true],
    [Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }]), {}), true],
    [{ code: 'ECONNRESET', message: 'Client network socket disconnected before secure TLS connection was established' }, true],
    // after the request went out: may have been received, so a POST is not repeated
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, false],
    [{ code: 'UND_ERR_SOCKET', message: 'other side closed' }, false],
    [{ code: 'EPIPE' }, false],
    [{ message: 'terminated' }, false],
  ])('%j → %s', (cause, expected) => {
    expect(isBeforeSend(fetchFailed(cause))).toBe(expected);
  });

  it('names the code inside fetch’s wrapper', () => {
    expect(networkCode(fetchFailed({ code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
  });
});

describe('readCapped', () => {
  const body = (...sizes: number[]) =>
    new Response(new ReadableStream({ start(c) { for (const n of sizes) c.enqueue(new Uint8Array(n).fill(65)); c.close(); } }));

  it('reads a body within the cap whole, refuses one past it, and truncates when asked', async () => {
    expect((await readCapped(body(10, 20), 30)).byteLength).toBe(30);
    await expect(readCapped(body(10, 20, 1), 30)).rejects.toBeInstanceOf(BodyTooLarge);
    expect((await readCapped(body(10, 20, 5), 25, { truncate: true })).byteLength).toBe(25);
  });
});

describe('the public-only fetch', () => {
  it('refuses a name that resolves to loopback, checked at connect time: no connection is made', async () => {
    let connections = 0;
    const server = createServer((s) => (connections++, s.destroy())).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const err = await createPublicFetch()(`https://localhost:${port}/x.png`).then(() => undefined, (e: unknown) => e);
      expect(networkCode(err)).toBe(ADDRESS_REFUSED);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it('is never even called for a url result the policy refuses (loopback over https, another port)', async () => {
    let calls = 0;
    const client = createFriendliClient({ baseUrl: 'http://127.0.0.1:1', retryBaseMs: 1, publicFetch: async () => (calls++, new Response('x')) });
    for (const url of ['https://127.0.0.1:2/a.png', 'https://localhost:1/a.png', 'https://[::1]:1/a.png']) {
      const err = await client.download(url).then(() => undefined, (e: unknown) => e);
      expect((err as AppError).message).toBe('The image FriendliAI returned could not be fetched.');
    }
    expect(calls).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
