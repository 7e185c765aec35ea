// The gallery never blanks: wrong-typed records (imported or already stored), damaged files in a
// zip, a damaged image dropped to restore settings, and a lazy chunk that cannot load.
import { expect, test, type Page } from '@playwright/test';
import { badCrc, exportZip, png, record } from './zip-fixtures';
import { entries, gallery, generate, notice } from './studio';

const importZip = (page: Page, buffer: Buffer) => page.getByLabel('Import zip').setInputFiles({ name: 'gallery.zip', mimeType: 'application/zip', buffer });

/** Writes a record straight into the gallery's IndexedDB store, as a damaged or foreign one might be. */
const writeRecord = (page: Page, value: Record<string, unknown>) =>
  page.evaluate(
    (rec) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-entries');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('entries', 'readwrite');
          tx.objectStore('entries').put(rec, rec.id as string);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    value,
  );

test('records with wrong-typed fields, imported or stored, are counted as damaged; the app and the good entries stay', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const image = await png('#a33');
  const zip = exportZip([
    { record: record('good-1'), image },
    { record: record('bad-label', { group: { id: 'g', kind: 'batch', label: { evil: 1 }, index: 0, size: 2 } }), image },
    { record: record('bad-format', { format: { evil: 1 } }), image },
    { record: record('bad-endpoint', { endpoint: { evil: 1 } }), image },
    { record: record('good-2', { createdAt: 1_700_000_000_001 }), image },
  ]);
  await importZip(page, zip);
  await expect(gallery(page).getByText('Imported 2 images, skipped 3 damaged')).toBeVisible();
  await expect(entries(page)).toHaveCount(2);

  // One written straight into IndexedDB (another version, a hand edit): skipped and counted on reload.
  await writeRecord(page, record('stored-bad', { group: { id: 'g', kind: 'batch', label: { evil: 1 }, index: 0, size: 2 } }));
  await page.reload();
  await expect(gallery(page).getByText('One stored entry was damaged and is not shown')).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText('imported good-2');
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a zip with one damaged PNG imports the rest and counts that one as damaged', async ({ page }) => {
  await page.goto('/');
  const image = await png('#3a3');
  await importZip(page, exportZip([
    { record: record('fine'), image },
    { record: record('damaged', { createdAt: 1_700_000_000_001 }), image: badCrc(image) },
  ]));
  await expect(notice(gallery(page), 'alert')).toHaveText('Imported 1 image, skipped 1 damaged');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('imported fine');
});

test('an import that takes more than a second shows its progress', async ({ page }) => {
  // Each thumbnail made slower, as on a busy machine, so that 30 entries take a few seconds.
  await page.addInitScript(() => {
    const make = window.createImageBitmap.bind(window) as (image: ImageBitmapSource) => Promise<ImageBitmap>;
    window.createImageBitmap = ((image: ImageBitmapSource) => new Promise((r) => setTimeout(r, 100)).then(() => make(image))) as typeof createImageBitmap;
  });
  await page.goto('/');
  const image = await png('#aa3');
  await importZip(page, exportZip(Array.from({ length: 30 }, (_, i) => ({ record: record(`many-${i}`, { createdAt: 1_700_000_000_000 + i }), image }))));
  await expect(gallery(page).getByRole('status').filter({ hasText: /^Importing \d+ of 30…$/ })).toBeVisible();
  await expect(gallery(page).getByText('Imported 30 images')).toBeVisible();
  await expect(gallery(page).getByText(/^Importing/)).toHaveCount(0);
});

test('restoring settings from a damaged image gives a clear message, and no unhandled error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const image = await png('#33a');
  const input = page.getByLabel('Restore settings from an image…');
  for (const [name, bytes] of [['bad-crc.png', badCrc(image)], ['cut-short.png', image.slice(0, image.length - 20)]] as const) {
    await input.setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from(bytes) });
    await expect(page.getByRole('alert').filter({ hasText: `“${name}” is damaged` })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

const compareTwo = async (page: Page) => {
  for (const entry of await entries(page).all()) await entry.getByRole('checkbox', { name: /^Select:/ }).check();
  await gallery(page).getByRole('button', { name: 'Compare (2)' }).click();
};
for (const [what, chunk, open, shown] of [
  ['the viewer', /\/assets\/viewer-[^/]+\.js$/, (page: Page) => entries(page).first().getByRole('button', { name: /^Open:/ }).click(), (page: Page) => page.getByRole('dialog', { name: 'Image viewer' })],
  ['Compare', /\/assets\/compare-[^/]+\.js$/, compareTwo, (page: Page) => page.getByRole('dialog', { name: 'Compare' })],
] as const) {
  test(`${what}: a chunk that cannot load shows a message, keeps the page, and loads on the next try`, async ({ page }) => {
    const blocked = (url: URL) => chunk.test(url.pathname);
    await page.route(blocked, (route) => route.abort());
    await page.goto('/');
    await generate(page, { prompt: 'a quiet harbour', seed: 4 });
    await generate(page, { prompt: 'a busy harbour', seed: 5 });
    await open(page);
    const alert = page.getByRole('alert').filter({ hasText: `Could not load ${what}` });
    await expect(alert).toBeVisible();
    await expect(gallery(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();

    await page.unroute(blocked);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(shown(page)).toBeVisible();
  });
}
