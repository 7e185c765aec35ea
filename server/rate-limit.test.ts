import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadConfig } from './config';

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
});
