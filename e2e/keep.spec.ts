// Find and keep: search, favourites, delete with undo, clear all, export and import.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { entries, gallery, generate, notice } from './studio';

/** SHA-256 of every image the studio holds, by entry id, read straight from IndexedDB. */
async function storedImages(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('friendli-studio-images');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('images').objectStore('images');
    const [keys, blobs] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map((req) => new Promise<unknown[]>((resolve) => (req.onsuccess = () => resolve(req.result as unknown[])))),
    );
    const out: Record<string, string> = {};
    for (let i = 0; i < keys!.length; i++) {
      const digest = await crypto.subtle.digest('SHA-256', await (blobs![i] as Blob).arrayBuffer());
      out[String(keys![i])] = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    db.close();
    return out;
  });
}

test('search by prompt text and filter by favourites', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'a red fox in the snow' });
  await generate(page, { prompt: 'a blue whale at dawn' });
  await generate(page, { prompt: 'an old fox den' });
  await entries(page).filter({ hasText: 'a blue whale' }).getByRole('button', { name: 'Star' }).click();
  await expect(entries(page).filter({ hasText: 'a blue whale' }).getByRole('button', { name: 'Unstar' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('Search prompts').fill('FOX');
  await expect(entries(page)).toHaveCount(2);
  await page.getByLabel('Search prompts').fill('fox snow');
  await expect(entries(page)).toHaveCount(1);
  await page.getByLabel('Search prompts').fill('');
  await page.getByLabel('Favourites only').check();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('a blue whale at dawn');
  // A star is kept with the entry.
  await page.reload();
  await page.getByLabel('Favourites only').check();
  await expect(entries(page)).toHaveCount(1);
});

test('delete, then undo, brings the entry back whole', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'to be deleted and restored', seed: 8 });
  const before = await storedImages(page);
  await entries(page).first().getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(entries(page)).toHaveCount(0);
  await gallery(page).getByRole('button', { name: 'Undo' }).click();
  await expect(entries(page)).toHaveCount(1);
  await page.reload();
  await expect(entries(page).first()).toContainText('Seed 8');
  expect(await storedImages(page)).toEqual(before);
});

test('export, clear all (confirmed), import: identical bytes and parameters; a second import skips them', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'exported one', seed: 1, format: 'png' });
  await generate(page, { prompt: 'exported two, 🌊', seed: 2, format: 'jpeg', steps: 6 });
  await entries(page).first().getByRole('button', { name: 'Star' }).click();
  const images = await storedImages(page);
  const records = await gallery(page).getByRole('listitem').allInnerTexts();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^friendli-studio-\d{4}-\d{2}-\d{2}-2-images\.zip$/);
  const zip = await readFile((await download.path())!);

  await page.getByRole('button', { name: 'Clear all' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clear the gallery' });
  await expect(confirm).toContainText('Delete all 2 images');
  await confirm.getByRole('button', { name: 'Keep them' }).click();
  await expect(entries(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await confirm.getByRole('button', { name: 'Delete all' }).click();
  await expect(entries(page)).toHaveCount(0);
  expect(await storedImages(page)).toEqual({});

  await page.getByLabel('Import zip').setInputFiles({ name: 'export.zip', mimeType: 'application/zip', buffer: zip });
  await expect(notice(gallery(page))).toHaveText('Imported 2 images');
  await expect(entries(page)).toHaveCount(2);
  expect(await storedImages(page)).toEqual(images);
  expect(await gallery(page).getByRole('listitem').allInnerTexts()).toEqual(records);
  await expect(entries(page).first().getByRole('button', { name: 'Unstar' })).toBeVisible();

  await page.getByLabel('Import zip').setInputFiles({ name: 'export.zip', mimeType: 'application/zip', buffer: zip });
  await expect(notice(gallery(page))).toHaveText('Imported 0 images, skipped 2 already here');
  await page.getByLabel('Import zip').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
  await expect(notice(gallery(page), 'alert')).toContainText('Could not import “notes.zip”: This file is not a zip archive.');
});
