// Reproducing and carrying images: download with metadata, Reuse settings, links, dropped files.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { readParameters } from '../web/src/features/gallery/utils/metadata';
import { entries, fillForm, formValues, generate } from './studio';

const settings = { prompt: 'Neon city skyline at night, rain', steps: 6, seed: 4242, format: 'png' };
/** The same parameters under the names the studio embeds and reads back (the API's own), with the endpoint that made them. */
const embedded = ({ prompt, steps, seed, format }: typeof settings) => ({ prompt, num_inference_steps: steps, seed, response_format: format, endpoint: 'local-engine' });

async function downloadFirst(page: Page) {
  const downloading = page.waitForEvent('download');
  await entries(page).first().getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test('download: a telling file name, the generated pixels, and parameters that read back', async ({ page }) => {
  await page.goto('/');
  await generate(page, settings);
  const { name, bytes } = await downloadFirst(page);
  expect(name).toBe('neon-city-skyline-at-night-rain-seed4242-steps6.png');

  // The bytes the queue fetched from the server and stored, as IndexedDB holds them.
  const original = Buffer.from(
    await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('friendli-studio-images');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('images').objectStore('images').getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const reader = new FileReader();
              reader.onload = () => resolve(String(reader.result).split(',')[1]!);
              reader.readAsDataURL(request.result[0] as Blob);
            };
          };
        }),
    ),
    'base64',
  );
  const [a, b] = await Promise.all([sharp(original).raw().toBuffer(), sharp(bytes).raw().toBuffer()]);
  expect(Buffer.compare(a, b)).toBe(0);
  expect(readParameters(new Uint8Array(bytes))).toEqual(embedded(settings));
});

test('a JPEG download is named .jpg and carries its parameters too', async ({ page }) => {
  await page.goto('/');
  await generate(page, { ...settings, format: 'jpeg' });
  const { name, bytes } = await downloadFirst(page);
  expect(name).toBe('neon-city-skyline-at-night-rain-seed4242-steps6.jpg');
  expect(readParameters(new Uint8Array(bytes))).toEqual(embedded({ ...settings, format: 'jpeg' }));
});

test('Reuse settings puts prompt, steps, locked seed and format back into the form', async ({ page }) => {
  await page.goto('/');
  await generate(page, settings);
  await fillForm(page, { prompt: 'something else entirely', steps: 2, format: 'url' });
  await page.getByLabel('Seed', { exact: true }).fill('');
  await entries(page).first().getByRole('button', { name: 'Reuse settings' }).click();
  expect(await formValues(page)).toEqual({ prompt: settings.prompt, steps: '6', seed: '4242', locked: true, format: 'png' });
});

test('a copied link opens the studio with the form restored', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await generate(page, settings);
  await entries(page).first().getByRole('button', { name: 'Copy seed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Seed copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('4242');
  await entries(page).first().getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('?prompt=Neon+city');

  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByLabel('Prompt', { exact: true })).toHaveValue(settings.prompt);
  expect(await formValues(fresh)).toEqual({ prompt: settings.prompt, steps: '6', seed: '4242', locked: true, format: 'png' });
  expect(new URL(fresh.url()).search).toBe('');
});

test('dropping a downloaded file, or choosing it, restores the form; a file without parameters says so', async ({ page }) => {
  await page.goto('/');
  await generate(page, settings);
  const { name, bytes } = await downloadFirst(page);
  await fillForm(page, { prompt: 'changed', steps: 1, format: 'url' });

  // A real drop: a DataTransfer holding the file, dispatched as the browser does.
  const dataTransfer = await page.evaluateHandle(({ base64, name }) => {
    // (Not fetch of a data: URL: the studio's CSP allows connections to its own origin only.)
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name, { type: 'image/png' }));
    return transfer;
  }, { base64: bytes.toString('base64'), name });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop an image to restore its settings')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: `Settings restored from “${name}”` })).toBeVisible();
  expect(await formValues(page)).toEqual({ prompt: settings.prompt, steps: '6', seed: '4242', locked: true, format: 'png' });

  await fillForm(page, { prompt: 'changed again' });
  await page.getByLabel('Restore settings from an image…').setInputFiles({ name, mimeType: 'image/png', buffer: bytes });
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(settings.prompt);

  const plain = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer();
  await page.getByLabel('Restore settings from an image…').setInputFiles({ name: 'plain.png', mimeType: 'image/png', buffer: plain });
  await expect(page.getByRole('alert')).toContainText('“plain.png” carries no generation parameters');
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(settings.prompt);
});

test('Delete removes an entry from the gallery and from storage', async ({ page }) => {
  await page.goto('/');
  await generate(page, { ...settings, prompt: 'to keep' });
  await generate(page, { ...settings, prompt: 'to delete' });
  await entries(page).filter({ hasText: 'to delete' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('to keep');
  await page.reload();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('to keep');
});
