// Edits travel: a zip carries an edit's source (and control images) with the entries, so that a
// fresh browser can reproduce the edit byte for byte; the downloaded file names what the edit was
// made from; a zip without its inputs still imports and says what is missing. The edit is made by
// calling the local app's API directly (the form's Source image group is built elsewhere).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import type { GenerateResponse } from '../server/contract';
import { pngTexts } from '../web/src/features/gallery/utils/png-text';
import { LOCAL_APP } from './servers';
import { entries, gallery, generate, notice } from './studio';
import { exportZip, type ZipInput } from './zip-fixtures';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

/** One image from the app's API, as the studio would record it, with its bytes. */
async function make(request: APIRequestContext, route: 'generate' | 'edit', body: Record<string, unknown>, prompt: string, extra: Record<string, unknown> = {}) {
  const response = await request.post(`/api/${route}`, { data: { prompt, ...body } });
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as GenerateResponse;
  const image = answer.images[0]!;
  const bytes = new Uint8Array(await (await request.get(image.url)).body());
  const record = {
    id: image.id, prompt, num_inference_steps: image.num_inference_steps, seed: image.seed, response_format: image.response_format, engine: answer.engine,
    endpoint: image.endpoint ?? 'local-engine', adapter: image.adapter ?? null, guidance_scale: image.guidance_scale ?? null, createdAt: Date.now(), elapsedMs: answer.elapsed_ms,
    mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, ...extra,
  };
  return { record, image: bytes };
}

/** A parent, an edit of it (watercolor adapter, guidance 7.5), and a generation with a control image, and the two input images. */
async function fixtures(request: APIRequestContext) {
  const parent = await make(request, 'generate', { num_inference_steps: 4, seed: 11, response_format: 'png' }, 'a lighthouse on a cliff at noon');
  const source = { hash: sha(parent.image), mime: 'image/png', width: parent.record.width, height: parent.record.height };
  const edit = await make(
    request, 'edit',
    { num_inference_steps: 4, seed: 12, response_format: 'png', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, image: { image: dataUrl(parent.image) } },
    'make the sky violet', { source: { ...source, entryId: parent.record.id } },
  );
  const controlBytes = new Uint8Array(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).composite([{ input: { create: { width: 32, height: 64, channels: 3, background: '#000' } }, left: 0, top: 0 }]).png().toBuffer());
  const control = { hash: sha(controlBytes), mime: 'image/png', width: 64, height: 64 };
  const controlled = await make(
    request, 'generate',
    { num_inference_steps: 4, seed: 13, response_format: 'png', control_images: [{ image: dataUrl(controlBytes) }], controlnet_weights: [0.5] },
    'a dark tower, half in shadow', { controls: [{ image: control, weight: 0.5 }] },
  );
  expect(edit.record).toMatchObject({ adapter: 'watercolor', guidance_scale: 7.5 });
  const inputs: ZipInput[] = [{ ...source, bytes: parent.image }, { ...control, bytes: controlBytes }];
  return { parent, edit, controlled, inputs, sourceHash: source.hash, controlHash: control.hash };
}

async function importZip(page: Page, zip: Buffer, name = 'edits.zip') {
  await page.getByLabel('Import zip').setInputFiles({ name, mimeType: 'application/zip', buffer: zip });
}

async function openViewer(page: Page, prompt: string) {
  await entries(page).filter({ hasText: prompt }).getByRole('button', { name: /^Open:/ }).click();
  return page.getByRole('dialog', { name: 'Image viewer' });
}

/** The input images' hashes this browser holds. */
const storedInputs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-inputs');
        open.onupgradeneeded = () => open.result.createObjectStore('inputs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('inputs').objectStore('inputs').getAllKeys();
          request.onsuccess = () => resolve((request.result as string[]).sort());
          request.onerror = () => reject(request.error);
        };
      }),
  );

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: LOCAL_APP });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

test('an edit exported with its source reproduces byte for byte in a fresh browser, and its download names what it was made from', async ({ page, request, browser }) => {
  const { parent, edit, controlled, inputs, sourceHash, controlHash } = await fixtures(request);
  await page.goto('/');
  await importZip(page, exportZip([parent, edit, controlled], inputs));
  await expect(notice(gallery(page))).toHaveText('Imported 3 images');
  expect(await storedInputs(page)).toEqual([sourceHash, controlHash].sort());

  // Export from this browser: the zip carries each input image once, under its hash.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const exported = await readFile((await (await downloading).path())!);
  const members = unzipSync(new Uint8Array(exported));
  expect(Object.keys(members).filter((n) => n.startsWith('inputs/')).sort()).toEqual([`inputs/${sourceHash}.png`, `inputs/${controlHash}.png`].sort());
  expect(sha(members[`inputs/${sourceHash}.png`]!)).toBe(sourceHash);

  // A fresh browser (empty storage) imports it and reproduces the edit and the controlled image.
  const fresh = await freshPage(browser);
  expect(await storedInputs(fresh)).toEqual([]);
  await importZip(fresh, exported);
  await expect(notice(gallery(fresh))).toHaveText('Imported 3 images');
  for (const prompt of ['make the sky violet', 'a dark tower, half in shadow']) {
    const viewer = await openViewer(fresh, prompt);
    await viewer.getByRole('button', { name: 'Reproduce check' }).click();
    await expect(viewer.getByRole('status').filter({ hasText: /^(Identical|Different|The check)/ })).toContainText('Identical: the new image is byte for byte the stored one');
    await viewer.getByRole('button', { name: 'Close' }).click();
  }

  // Download of the edit: its embedded metadata names the source hash, parent, endpoint, adapter and guidance.
  const viewer = await openViewer(fresh, 'make the sky violet');
  const downloadingEdit = fresh.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Download' }).click();
  const file = new Uint8Array(await readFile((await (await downloadingEdit).path())!));
  const texts = pngTexts(file);
  expect(JSON.parse(texts.get('friendli-studio')!)).toMatchObject({
    prompt: 'make the sky violet', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, parent: parent.record.id, source: { hash: sourceHash, entryId: parent.record.id },
  });
  expect(texts.get('parameters')).toContain(`Adapter: watercolor, Guidance: 7.5`);
  expect(texts.get('parameters')).toContain(`Edited from source sha256:${sourceHash}`);
  await viewer.getByRole('button', { name: 'Close' }).click();

  // Deleting one entry keeps its input images (Undo brings the entry back whole).
  await entries(fresh).filter({ hasText: 'a dark tower' }).getByRole('button', { name: 'Delete' }).click();
  await expect(entries(fresh)).toHaveCount(2);
  expect(await storedInputs(fresh)).toEqual([sourceHash, controlHash].sort());

  // Clear all clears the input images too, but keeps the one the form holds (Reuse settings put the edit's source there).
  await entries(fresh).filter({ hasText: 'make the sky violet' }).getByRole('button', { name: 'Reuse settings' }).click();
  await fresh.getByRole('button', { name: 'Clear all' }).click();
  await fresh.getByRole('dialog', { name: 'Clear the gallery' }).getByRole('button', { name: 'Delete all' }).click();
  await expect(entries(fresh)).toHaveCount(0);
  await expect.poll(() => storedInputs(fresh)).toEqual([sourceHash]);
  await fresh.context().close();
});

test('a zip without its input images still imports, says what is missing, and the reproduce check says the source is not here', async ({ request, browser }) => {
  const { parent, edit, controlled } = await fixtures(request);
  const page = await freshPage(browser);
  await importZip(page, exportZip([parent, edit, controlled]));
  await expect(notice(gallery(page), 'alert')).toHaveText(
    'Imported 3 images. 2 source or control images were missing from the zip: the edits made from them are in the gallery but cannot be reproduced in this browser.',
  );
  await expect(entries(page)).toHaveCount(3);
  const viewer = await openViewer(page, 'make the sky violet');
  await viewer.getByRole('button', { name: 'Reproduce check' }).click();
  const result = viewer.getByRole('status').filter({ hasText: /^(Identical|Different|The check)/ });
  await expect(result).toContainText('The source image is not in this browser');
  await expect(result).not.toContainText('Different');
  await page.context().close();
});

test('a damaged input image fails alone: its entries import, the summary counts it', async ({ request, browser }) => {
  const { parent, edit, inputs, sourceHash } = await fixtures(request);
  const damaged = inputs[0]!.bytes.slice();
  damaged.fill(0, 40, 80);
  const page = await freshPage(browser);
  await importZip(page, exportZip([parent, edit], [{ ...inputs[0]!, bytes: damaged }]));
  await expect(notice(gallery(page), 'alert')).toHaveText(
    'Imported 2 images. 1 source or control image was damaged: the edits made from it are in the gallery but cannot be reproduced in this browser.',
  );
  expect(await storedInputs(page)).not.toContain(sourceHash);
  await page.context().close();
});

test('Clear all keeps the input images of a job still running, so the edit it stores can be reproduced', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'something to clear' });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
  const group = page.getByRole('group', { name: 'Source image' });
  await group.getByLabel('Source image file').setInputFiles({ name: 'held.png', mimeType: 'image/png', buffer: png });
  await expect(group.getByRole('button', { name: 'Remove source image' })).toBeVisible();
  await page.getByLabel('Prompt', { exact: true }).fill('an edit still running');
  // The edit is held on its way to the server while the form lets go of the source and the gallery is cleared.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/edit', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Generating' })).toBeVisible();
  await group.getByRole('button', { name: 'Remove source image' }).click();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('dialog', { name: 'Clear the gallery' }).getByRole('button', { name: 'Delete all' }).click();
  await expect(entries(page)).toHaveCount(0);
  release();
  await expect(entries(page)).toHaveCount(1);
  expect(await storedInputs(page)).toEqual([sha(png)]);
  const viewer = await openViewer(page, 'an edit still running');
  await viewer.getByRole('button', { name: 'Reproduce check' }).click();
  await expect(viewer.getByRole('status').filter({ hasText: /^(Identical|Different|The check)/ })).toContainText('Identical');
});
