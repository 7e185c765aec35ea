// An edit's source image on the local engine: set by file, paste or drop onto its group, shown
// with its size, removed; Generate then sends /api/edit and the entry records its source. A bad
// file changes nothing; a drop on the group is not also taken by the page's drop zone.
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { entries } from './studio';
import { pngFile, plainPng, sha256 } from './test-images';

/**
 * Whether this browser's input store holds the image with this hash: a file chosen is stored once
 * read and checked, whether or not it is still wanted, so its read is over then. Never creates the
 * store (an upgrade is aborted): the app opens it itself.
 */
const inputStored = (page: Page, hash: string) =>
  page.evaluate(
    (hash) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('friendli-studio-inputs');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const get = open.result.transaction('inputs').objectStore('inputs').get(hash);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result instanceof Blob);
          };
          get.onerror = () => resolve(false);
        };
      }),
    hash,
  );

/** The newest stored gallery entry, read from IndexedDB. */
const newestEntry = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-entries');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { createdAt: number }[]).sort((a, b) => b.createdAt - a.createdAt)[0] as Record<string, unknown>);
          };
        };
      }),
  );

test('a source image chosen by file: shown with its size; Generate sends an edit and the entry records its source', async ({ page }) => {
  await page.goto('/');
  const png = await plainPng(300, 200);
  const group = page.getByRole('group', { name: 'Source image' });
  await expect(page.getByText('Generate edits the source image')).toHaveCount(0);
  await group.getByLabel('Source image file').setInputFiles(pngFile('photo.png', png));
  await expect(group.getByRole('img', { name: 'The source image' })).toBeVisible();
  await expect(group).toContainText('300×200 px');
  await expect(page.getByText('Generate edits the source image; the prompt is the edit’s instruction.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();

  await page.getByLabel('Prompt', { exact: true }).fill('make the sky violet');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/'));
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const request = await sent;
  expect(new URL(request.url()).pathname).toBe('/api/edit');
  expect(request.postDataJSON()).toMatchObject({ prompt: 'make the sky violet', image: { image: expect.stringMatching(/^data:image\/png;base64,/) } });
  await expect(entries(page)).toHaveCount(1);
  await expect.poll(async () => (await newestEntry(page))?.source).toMatchObject({ hash: sha256(png), mime: 'image/png', width: 300, height: 200 });
  expect(await newestEntry(page)).toMatchObject({ prompt: 'make the sky violet' });

  await group.getByRole('button', { name: 'Remove source image' }).click();
  await expect(group.getByRole('img', { name: 'The source image' })).toHaveCount(0);
  await expect(page.getByText('Generate edits the source image')).toHaveCount(0);
  const next = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/'));
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  expect(new URL((await next).url()).pathname).toBe('/api/generate');
  await expect(entries(page)).toHaveCount(2);
});

test('a file that is not an image gives a message in the group and leaves the source as it was', async ({ page }) => {
  await page.goto('/');
  const group = page.getByRole('group', { name: 'Source image' });
  await group.getByLabel('Source image file').setInputFiles(pngFile('first.png', await plainPng(120, 80)));
  await expect(group).toContainText('120×80 px');
  await group.getByLabel('Source image file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a picture') });
  await expect(group.getByRole('alert')).toContainText('“notes.png”: That file is not a PNG, JPEG or WebP image. Nothing was changed.');
  await expect(group).toContainText('120×80 px');
  await expect(group.getByRole('button', { name: 'Remove source image' })).toBeVisible();
  // A good file afterwards clears the message.
  await group.getByLabel('Source image file').setInputFiles(pngFile('second.png', await plainPng(64, 64)));
  await expect(group).toContainText('64×64 px');
  await expect(group.getByRole('alert')).toHaveCount(0);
});

/** Dispatches a drop or paste of a PNG onto a target, as the browser does for a real one. */
async function deliver(page: Page, selector: string, kind: 'drop' | 'paste', bytes: Buffer, name = `${kind}.png`) {
  await page.evaluate(
    ({ selector, kind, data, name }) => {
      const target = document.querySelector(selector)!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'image/png' }));
      if (kind === 'paste') {
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      } else {
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { selector, kind, data: [...bytes], name },
  );
}

test('an image dropped or pasted onto the group becomes the source; the page-wide drop zone does not also take it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('keep this prompt');
  const group = page.getByRole('group', { name: 'Source image' });
  await expect(group).toBeVisible();
  // Every message the page's drop zone leaves, kept (it shows only the last one).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importMessages: string[] }).importMessages = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"], [role="alert"]')) if (el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await deliver(page, 'fieldset[data-drop-target]', 'drop', await plainPng(80, 60));
  await expect(group).toContainText('80×60 px');
  // A file dropped beside the group afterwards is the page's: once its message is on screen, the
  // group's file, dropped first, would have had its own, had the page's zone taken it too.
  await deliver(page, 'main', 'drop', await plainPng(20, 20), 'beside.png');
  await expect(page.getByText('“beside.png” carries no generation parameters')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { importMessages: string[] }).importMessages.filter((m) => m.includes('drop.png')))).toEqual([]);
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('keep this prompt');

  await deliver(page, 'fieldset[data-drop-target]', 'paste', await plainPng(40, 30));
  await expect(group).toContainText('40×30 px');

  // After a drop the group took, the page's own drop prompt still comes and goes with a drag.
  const overlay = page.getByText('Drop an image to restore its settings');
  const drag = (type: string) => page.evaluate((t) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'x.png', { type: 'image/png' }));
    document.body.dispatchEvent(new DragEvent(t, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, type);
  await drag('dragenter');
  await expect(overlay).toBeVisible();
  await drag('dragleave');
  await expect(overlay).toHaveCount(0);
});

test('a source whose file is still being read when another is chosen, or when the source is removed, never replaces the later choice', async ({ page }) => {
  await page.goto('/');
  const group = page.getByRole('group', { name: 'Source image' });
  const file = group.getByLabel('Source image file');
  // 12 MB of noise: reading, checking and hashing it takes far longer than a 30×20 image.
  const noise = await sharp(randomBytes(2000 * 2000 * 3), { raw: { width: 2000, height: 2000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  await file.setInputFiles(pngFile('large.png', noise));
  await file.setInputFiles(pngFile('small.png', await plainPng(30, 20)));
  await expect(group).toContainText('30×20 px');
  // The large file's read is over once its bytes are stored: it has not replaced the later choice.
  await expect.poll(() => inputStored(page, sha256(noise))).toBe(true);
  await expect(group).toContainText('30×20 px');

  // Removed while a new file is still being read: it stays removed.
  const other = await sharp(randomBytes(2000 * 2000 * 3), { raw: { width: 2000, height: 2000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  await file.setInputFiles(pngFile('other.png', other));
  await group.getByRole('button', { name: 'Remove source image' }).click();
  await expect.poll(() => inputStored(page, sha256(other))).toBe(true);
  await expect(group.getByRole('button', { name: 'Remove source image' })).toHaveCount(0);
  await expect(group).not.toContainText('2000×2000 px');
});

test('a source whose bytes this browser no longer has says so, and Remove source image clears it', async ({ page }) => {
  await page.goto('/');
  const group = page.getByRole('group', { name: 'Source image' });
  await group.getByLabel('Source image file').setInputFiles(pngFile('gone.png', await plainPng(50, 50)));
  await expect(group.getByRole('img', { name: 'The source image' })).toBeVisible();
  // Storage cleared behind the studio's back; the form's draft still names the image.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-inputs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('inputs', 'readwrite');
          tx.objectStore('inputs').clear();
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      }),
  );
  await page.reload();
  await expect(group.getByRole('alert')).toContainText('This image’s bytes are not in this browser');
  await expect(group).toContainText('50×50 px');
  await group.getByRole('button', { name: 'Remove source image' }).click();
  await expect(group.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Generate edits the source image')).toHaveCount(0);
});
