// Security as a browser and an attacker's page see it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_TOKEN, LOCAL_APP, UPSTREAM } from './servers';

test('the built web bundle carries no token', async () => {
  const files = (await readdir('dist', { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) {
    const text = await readFile(join(file.parentPath, file.name), 'latin1');
    expect(text).not.toContain(E2E_TOKEN);
    expect(text).not.toMatch(/flp_[A-Za-z0-9]{8,}/);
  }
});

test('the page is served with a strict CSP, frame denial, no referrer, and images with nosniff', async ({ page, request }) => {
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("img-src 'self' blob: data:");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const generated = await (await request.post('/api/generate', { data: { prompt: 'headers', seed: 1 } })).json();
  const image = await request.get(generated.images[0].url);
  expect(image.headers()['x-content-type-options']).toBe('nosniff');
  expect(image.headers()['content-type']).toBe('image/png');
});

test('a page on another site cannot make the studio generate, by form post or by fetch', async ({ page }) => {
  // Another origin: the test upstream's address stands in for any other site.
  await page.goto(`${UPSTREAM}/__control/requests`);
  const blocked = page.waitForResponse(`${LOCAL_APP}/api/generate`);
  await page.evaluate((target) => {
    const form = Object.assign(document.createElement('form'), { method: 'POST', action: target, enctype: 'text/plain' });
    form.append(Object.assign(document.createElement('input'), { name: '{"prompt":"spend credits","x":"', value: '"}' }));
    document.body.append(form);
    form.submit();
  }, `${LOCAL_APP}/api/generate`);
  const response = await blocked;
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('forbidden_origin');

  await page.goto(`${UPSTREAM}/__control/requests`);
  const status = await page.evaluate(async (target) => {
    const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"x"}' }).catch(() => undefined);
    return r?.status ?? 'blocked';
  }, `${LOCAL_APP}/api/generate`);
  // The preflight is not granted (no CORS), so the browser never sends the request.
  expect(status).toBe('blocked');
});
