// Nothing lost: a job is Done only once its image is stored (else Failed, with Retry), a retried job
// joins its batch's group, durable storage is asked for and shown, and Download and Export work
// with the server gone (the bytes are in IndexedDB).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { stripParameters } from '../web/src/features/gallery/utils/metadata';
import { entries, expectEntryCount, gallery, generate } from './studio';

test.use({ viewport: { width: 1400, height: 2000 } });

const queue = (page: Page) => page.getByRole('region', { name: 'Queue' });
const images = /\/api\/images\//;

test('a job whose image cannot be fetched to store it is Failed, not Done; Retry stores it', async ({ page }) => {
  await page.goto('/');
  await page.route(images, (route) => route.abort());
  await page.getByLabel('Prompt', { exact: true }).fill('a lantern in the fog');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const retry = queue(page).getByRole('button', { name: /^Retry job: a lantern in the fog/ });
  await expect(retry).toBeVisible();
  await expect(queue(page).getByText('Done')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'could not fetch it from the studio server to store it' })).toBeVisible();
  await expect(entries(page)).toHaveCount(0);

  await page.unroute(images);
  await retry.click();
  await expect(queue(page).getByText('Done')).toHaveCount(1);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('a lantern in the fog');
});

test('a retried job joins its own batch’s group; Retry all failed retries every failed job', async ({ page }) => {
  await page.goto('/');
  // The 2nd and 3rd generations of the batch fail at the server.
  let calls = 0;
  await page.route('**/api/generate', (route) =>
    ++calls === 2 || calls === 3 ? route.fulfill({ status: 503, json: { error: { code: 'busy', message: 'The server is busy.' } } }) : route.fallback(),
  );
  await page.getByLabel('Prompt', { exact: true }).fill('a paper crane');
  await page.getByLabel('Count').fill('4');
  await page.getByLabel('Seed', { exact: true }).fill('900');
  await page.getByRole('checkbox', { name: /Lock seed/ }).check();
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(entries(page)).toHaveCount(2);
  await expect(queue(page).getByRole('button', { name: /^Retry job:/ })).toHaveCount(2);
  await queue(page).getByRole('button', { name: 'Retry all failed' }).click();
  await expectEntryCount(page, 4);
  await expect(queue(page).getByText('Done')).toHaveCount(4);
  // One group, one header, all four seeds under it.
  await expect(gallery(page).getByRole('heading', { name: 'Batch ×4 · seeds 900–903' })).toHaveCount(1);
  await expect(gallery(page).getByText('4 images', { exact: true })).toBeVisible();
  for (const seed of [900, 901, 902, 903]) await expect(entries(page).filter({ hasText: `Seed ${seed} · 4 steps` })).toHaveCount(1);
});

test('durable storage is asked for once, at the first save, and the gallery header shows it with usage and quota', async ({ page }) => {
  await page.addInitScript(() => {
    const persist = navigator.storage.persist.bind(navigator.storage);
    (window as unknown as { persistCalls: number }).persistCalls = 0;
    navigator.storage.persist = () => ((window as unknown as { persistCalls: number }).persistCalls++, persist());
  });
  await page.goto('/');
  const status = gallery(page).getByTestId('storage-status');
  await expect(status).toHaveText(/^ · (Stored durably|Not stored durably) · [\d.]+ (B|KB|MB|GB) of [\d.]+ (MB|GB|TB)$/);
  expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(0);
  await generate(page, { prompt: 'first save', seed: 1 });
  await generate(page, { prompt: 'second save', seed: 2 });
  expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(status).toContainText(persisted ? 'Stored durably' : 'Not stored durably');
});

test('Download and Export work with the server gone', async ({ page, context }) => {
  await page.goto('/');
  // The chunks they need arrive once the page is idle, not on first use.
  const chunks = [/\/assets\/download-[^/]+\.js$/, /\/assets\/archive-[^/]+\.js$/].map((re) => page.waitForResponse((r) => re.test(new URL(r.url()).pathname)));
  await generate(page, { prompt: 'an offline keepsake', seed: 12, format: 'png' });
  await Promise.all(chunks);
  // What IndexedDB holds for it, read while the server was still there.
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-images');
        open.onsuccess = () => {
          const request = open.result.transaction('images').objectStore('images').getAll();
          // A digest: millions of numbers are slow to pass back from the page.
          request.onsuccess = async () => resolve([...new Uint8Array(await crypto.subtle.digest('SHA-256', await (request.result[0] as Blob).arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join(''));
          request.onerror = () => reject(request.error);
        };
      }),
  );
  await context.setOffline(true);
  await page.route('**/*', (route) => route.abort());

  const downloading = page.waitForEvent('download');
  await entries(page).first().getByRole('button', { name: 'Download' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('an-offline-keepsake-seed12-steps4.png');
  const bytes = new Uint8Array(readFileSync((await file.path())!));
  expect(createHash('sha256').update(stripParameters(bytes)).digest('hex')).toBe(stored);

  const exporting = page.waitForEvent('download');
  await gallery(page).getByRole('button', { name: 'Export all' }).click();
  const zip = unzipSync(new Uint8Array(readFileSync((await (await exporting).path())!)));
  expect(Object.keys(zip).sort()).toEqual(['images/an-offline-keepsake-seed12-steps4.png', 'manifest.json']);
  await expect(gallery(page).getByText('Exported 1 image')).toBeVisible();
});
