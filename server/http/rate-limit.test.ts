import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import type { LocalEngine } from '../local-engine/engine';
import { clientKey } from './rate-limit';

describe('per-client rate limit on generation', () => {
  it('refuses beyond the limit with a clear 429 and Retry-After, and leaves other routes alone', async () => {
    const { app, engine } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '3', LOCAL_ENGINE_SIZE: '64' }) });
    const post = () => app.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'p', seed: 1 }) });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('3 generations a minute') });
    expect((await app.request('/api/config')).status).toBe(200);
    await engine.close();
  });

  it('gives one machine one bucket, whichever form of its address a request comes from', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } }).png().toBuffer();
    const instant: LocalEngine = { size: 4, generate: async () => png, close: async () => {} };
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '2' }), engine: instant });
    // Dual-stack on loopback: an IPv4 client arrives as ::ffff:127.0.0.1, an IPv6 one as ::1.
    const server = serve({ fetch: app.fetch, hostname: '::', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const post = (host: string) => fetch(`http://${host}:${port}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"p","seed":1}' });
    try {
      expect((await post('127.0.0.1')).status).toBe(200);
      expect((await post('[::1]')).status).toBe(200);
      const third = await post('127.0.0.1');
      expect(third.status).toBe(429);
      expect((await post('[::1]')).status).toBe(429);
    } finally {
      server.close();
    }
  });
});

describe('clientKey (addresses are generated data: nothing here is contacted)', () => {
  const notLoopback = fc.ipV4().filter((a) => !a.startsWith('127.'));
  const hex = (a: string) => {
    const [b0, b1, b2, b3] = a.split('.').map(Number) as [number, number, number, number];
    return `${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  };

  it('keys IPv4 as itself, in every IPv4-mapped IPv6 form too', () => {
    fc.assert(
      fc.property(notLoopback, (a) =>
        [a, `::ffff:${a}`, `::FFFF:${a}`, `0:0:0:0:0:ffff:${hex(a)}`].every((form) => clientKey(form) === a),
      ),
    );
  });

  it.each([['127.0.0.1'], ['127.8.9.10'], ['::ffff:127.0.0.1'], ['::ffff:7f08:90a'], ['::1'], ['0:0:0:0:0:0:0:1']])('keys %s as the one loopback client', (address) => {
    expect(clientKey(address)).toBe('loopback');
  });

  // Eight groups outside the IPv4-mapped block and other than ::1, written in full.
  const groups = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).filter((g) => {
    const zeroHead = g.slice(0, 5).every((x) => x === 0);
    return !(zeroHead && g[5] === 0xffff) && !(zeroHead && g[5] === 0 && g[6] === 0 && g[7] === 1);
  });
  const written = (g: number[]) => g.map((x) => x.toString(16)).join(':');

  it('keys other IPv6 by its /64, however the address is written, zone id or not', () => {
    fc.assert(
      fc.property(groups, (g) => {
        const key = `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`;
        const padded = g.map((x) => x.toString(16).padStart(4, '0').toUpperCase()).join(':');
        return [written(g), padded, `${written(g)}%eth0`].every((form) => clientKey(form) === key);
      }),
    );
  });

  it('puts every address of one /64 in one bucket, and neighbouring /64s apart', () => {
    fc.assert(
      fc.property(groups, fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 4, maxLength: 4 }), (g, rest) => {
        const sameNet = [...g.slice(0, 4), ...rest];
        const nextNet = [...g.slice(0, 3), (g[3]! + 1) % 0x10000, ...g.slice(4)];
        return clientKey(written(sameNet)) === clientKey(written(g)) && clientKey(written(nextNet)) !== clientKey(written(g));
      }),
    );
  });

  it('keeps what is not an address as given', () => {
    expect(clientKey('not an address')).toBe('not an address');
  });
});
