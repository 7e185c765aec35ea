import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import type { LocalEngine } from '../local-engine/engine';
import { clientKey } from './rate-limit';

describe('per-client rate limit on generation', () => {
  it('refuses beyond the limit with a clear 429 and Retry-After, and leaves other routes alone', async () => {
    const { app, engine } = createApp({ config: loadConfig({ RATE_LIMIT_PER_MINUTE: '3', LOCAL_ENGINE_SIZE: '64' }) });
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
    const { app } = createApp({ config: loadConfig({ RATE_LIMIT_PER_MINUTE: '2' }), engine: instant });
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

describe('clientKey (addresses as data only: nothing here is contacted)', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['0:0:0:0:0:ffff:cb00:7107', '203.0.113.7'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:0:0:0:ffff', '2001:db8:1:2::/64'],
    ['2001:db8:1:3::1', '2001:db8:1:3::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['not an address', 'not an address'],
  ])('keys %s as %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  it('puts every address of one /64 in one bucket, and neighbouring /64s apart', () => {
    const a = clientKey('2001:db8:aa:bb:1::1');
    expect(clientKey('2001:db8:aa:bb:ffff:ffff:ffff:ffff')).toBe(a);
    expect(clientKey('2001:db8:aa:bc::1')).not.toBe(a);
  });
});
