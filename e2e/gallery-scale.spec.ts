// A gallery written by an earlier version (no createdAt index) is upgraded in place without losing
// a record; a large gallery lists newest first across the chunked reads; an older tab holding the
// database open gets a clear message, not a blank gallery.
import { expect, test, type Page } from '@playwright/test';
import { gallery } from './studio';

interface Seed {
  count: number;
  /** createdAt of record i; the default spreads them one second apart, newest first by index. */
  at?: string;
  damaged?: boolean;
}

/** Writes records the way the studio's earlier versions did: idb-keyval's version-1 database, keyed by id. */
async function seedOldGallery(page: Page, { count, at = 'now - i * 1000', damaged = false }: Seed) {
  // A page of the studio's origin that does not open the gallery's databases itself.
  await page.goto('/api/health');
  await page.evaluate(
    async ({ count, at, damaged }) => {
      const createdAt = new Function('i', 'now', `return ${at};`) as (i: number, now: number) => number;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('friendli-studio-entries');
        request.onupgradeneeded = () => request.result.createObjectStore('entries');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = Date.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('entries', 'readwrite');
        const store = tx.objectStore('entries');
        for (let i = 0; i < count; i++) {
          const id = `old-${String(i).padStart(5, '0')}`;
          store.put({ id, prompt: `old entry number ${i}`, steps: 4, seed: i, format: 'png', engine: 'local', endpoint: 'local-engine', createdAt: createdAt(i, now), elapsedMs: 150, mime: 'image/png', width: 1024, height: 1024, bytes: 1000 }, id);
        }
        if (damaged) {
          store.put({ id: 'no-time', prompt: 'no createdAt', steps: 4, seed: 1 }, 'no-time');
          store.put({ id: 'bad-seed', prompt: 'a seed that is text', steps: 4, seed: 'x', createdAt: now + 5000 }, 'bad-seed');
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { count, at, damaged },
  );
}

/** What the database holds now: its version, its indexes, how many records. */
const inspect = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ version: number; indexes: string[]; records: number }>((resolve, reject) => {
        const request = indexedDB.open('friendli-studio-entries');
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('entries').objectStore('entries');
          const count = store.count();
          count.onsuccess = () => {
            resolve({ version: db.version, indexes: [...store.indexNames], records: count.result });
            db.close();
          };
        };
        request.onerror = () => reject(request.error);
      }),
  );

const summary = (page: Page) => gallery(page).locator('h2 + p');
const openButtons = (page: Page) => gallery(page).getByRole('button', { name: /^Open: / });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search prompts' });

test('a gallery from an earlier version is upgraded in place: every record kept, newest first, damaged ones counted', async ({ page }) => {
  // Times out of key order, so that newest first comes from createdAt and not from the keys.
  await seedOldGallery(page, { count: 40, at: 'now - ((i * 7) % 40) * 1000', damaged: true });
  await page.goto('/');
  await expect(summary(page)).toHaveText(/^40 images · /);
  await expect(gallery(page).getByText('2 stored entries were damaged and are not shown; everything else is intact.')).toBeVisible();
  // (i * 7) % 40 === 0 for i = 0, 1 for i = 23, 2 for i = 6: the newest three, in that order.
  await expect(openButtons(page).nth(0)).toHaveAccessibleName('Open: old entry number 0');
  await expect(openButtons(page).nth(1)).toHaveAccessibleName('Open: old entry number 23');
  await expect(openButtons(page).nth(2)).toHaveAccessibleName('Open: old entry number 6');
  expect(await inspect(page)).toEqual({ version: 2, indexes: ['createdAt'], records: 42 });

  // The upgraded gallery keeps working as before: a reload shows the same, a search finds an old entry.
  await page.reload();
  await expect(summary(page)).toHaveText(/^40 images · /);
  await search(page).fill('number 39');
  await expect(openButtons(page)).toHaveCount(1);
  await expect(openButtons(page).first()).toHaveAccessibleName('Open: old entry number 39');
});

test('a gallery larger than one read lists every entry once, newest first, and search covers all of it', async ({ page }) => {
  // 12,345 entries: more than the first screen and than one chunk of the full read (5,000), with
  // runs of equal times that straddle the chunk boundaries.
  await seedOldGallery(page, { count: 12_345, at: 'now - Math.floor(i / 3) * 1000' });
  await page.goto('/');
  await expect(summary(page)).toHaveText(/^12,345 images · /, { timeout: 30_000 });
  // Equal times: the larger id first, as the index read backwards gives them.
  await expect(openButtons(page).nth(0)).toHaveAccessibleName('Open: old entry number 2');
  await expect(openButtons(page).nth(1)).toHaveAccessibleName('Open: old entry number 1');
  await expect(openButtons(page).nth(2)).toHaveAccessibleName('Open: old entry number 0');
  await expect(openButtons(page).nth(3)).toHaveAccessibleName('Open: old entry number 5');

  // Each of these numbers sits in a different chunk of the full read; each is found exactly once.
  for (const n of [4999, 5000, 9999, 10000, 12344]) {
    await search(page).fill(`number ${n}`);
    await expect(openButtons(page)).toHaveCount(1);
    await expect(openButtons(page).first()).toHaveAccessibleName(`Open: old entry number ${n}`);
  }
  // Every word anywhere in the prompt: "1234" also in 11234. Typing on narrows the previous
  // results; deleting characters widens them again.
  await search(page).fill('number 1234');
  await expect(summary(page)).toHaveText(/^12,345 images, 7 shown · /);
  await search(page).fill('number 12345');
  await expect(gallery(page).getByText('No image matches “number 12345”.')).toBeVisible();
  await search(page).fill('number 123');
  await expect(summary(page)).toHaveText(/^12,345 images, 78 shown · /);
});

test('an older tab holding the gallery open: a clear message, and the gallery after that tab lets go', async ({ context }) => {
  const old = await context.newPage();
  await seedOldGallery(old, { count: 3 });
  // The "older tab": a version-1 connection that stays open, as idb-keyval's did.
  await old.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('friendli-studio-entries');
        request.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = request.result;
          resolve();
        };
      }),
  );
  const page = await context.newPage();
  await page.goto('/');
  await expect(gallery(page).getByRole('alert')).toHaveText('Another tab has this studio open in an older version. Close or reload that tab to show the gallery here. Then reload this page.');
  await expect(page.getByLabel('Prompt', { exact: true })).toBeEditable();

  await old.close();
  await page.reload();
  await expect(summary(page)).toHaveText(/^3 images · /);
  expect(await inspect(page)).toEqual({ version: 2, indexes: ['createdAt'], records: 3 });
});

test('rows stay drawn where the window is when content above the gallery grows without a scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await seedOldGallery(page, { count: 400 });
  await page.goto('/');
  await expect(summary(page)).toHaveText(/^400 images · /);
  // Deep in the list, then something above it grows (a new result, an alert) while nobody scrolls.
  await page.evaluate(() => window.scrollTo(0, 20_000));
  await expect(openButtons(page).first()).toBeAttached();
  await page.evaluate(() => {
    const tall = document.createElement('div');
    tall.style.height = '3000px';
    document.querySelector('main')!.prepend(tall);
  });
  // Whatever now sits in the window is drawn: an entry's Open button is in the viewport.
  await expect(async () => {
    const inView = await openButtons(page).evaluateAll((buttons) =>
      buttons.some((b) => {
        const r = b.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }),
    );
    expect(inView).toBe(true);
  }).toPass({ timeout: 5_000 });
});
