// Browser data: two tabs at once, and a damaged record.
import { expect, test } from '@playwright/test';
import { entries, gallery } from './studio';

test('two tabs generating at once both end up with both entries, none lost or duplicated', async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  await Promise.all([one.goto('/'), two.goto('/')]);
  await one.getByLabel('Prompt', { exact: true }).fill('from tab one');
  await two.getByLabel('Prompt', { exact: true }).fill('from tab two');
  await Promise.all([one.getByRole('button', { name: 'Generate', exact: true }).click(), two.getByRole('button', { name: 'Generate', exact: true }).click()]);
  for (const page of [one, two]) {
    await expect(entries(page)).toHaveCount(2);
    await expect(entries(page).filter({ hasText: 'from tab one' })).toHaveCount(1);
    await expect(entries(page).filter({ hasText: 'from tab two' })).toHaveCount(1);
  }
  await one.reload();
  await expect(entries(one)).toHaveCount(2);
});

test('a damaged stored entry is skipped with a note, and the rest of the gallery shows', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a healthy entry');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(entries(page)).toHaveCount(1);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('friendli-studio-entries');
      r.onsuccess = () => resolve(r.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('entries', 'readwrite');
      tx.objectStore('entries').put({ id: 42, prompt: null, garbage: true }, 'damaged-record');
      tx.objectStore('entries').put('not even an object', 'another-bad-one');
      tx.oncomplete = () => resolve();
    });
    db.close();
  });
  await page.reload();
  await expect(entries(page)).toHaveCount(1);
  await expect(gallery(page).getByText('2 stored entries were damaged and are not shown; everything else is intact.')).toBeVisible();
  await expect(page.getByLabel('Prompt', { exact: true })).toBeEditable();
});
