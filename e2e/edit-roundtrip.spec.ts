// The whole road of an edit through the studio's own controls, as a designer takes it: generate,
// Edit, choose an adapter and a guidance scale, type the instruction, generate; export the gallery,
// open a fresh browser, import, and the edit reproduces byte for byte; Reuse settings puts the same
// edit (its source, adapter and guidance) back in the form.
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser } from '@playwright/test';
import { LOCAL_APP } from './servers';
import { entries, gallery, generate, notice } from './studio';

const PARENT = 'a stone bridge over a river';
const INSTRUCTION = 'make it winter, snow on the bridge';

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: LOCAL_APP });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

test('an edit made with the form reproduces in a fresh browser after export and import, and Reuse settings restores it', async ({ page, browser }) => {
  await page.goto('/');
  await generate(page, { prompt: PARENT, seed: 11, steps: 3 });

  await entries(page).filter({ hasText: PARENT }).getByRole('button', { name: 'Edit', exact: true }).click();
  const source = page.getByRole('group', { name: 'Source image' });
  await expect(source.getByRole('button', { name: 'Remove source image' })).toBeVisible();
  await page.getByLabel('Adapter').selectOption('watercolor');
  await page.getByLabel('Use model default guidance').uncheck();
  await page.getByLabel('Guidance scale').fill('12.5');
  await page.getByLabel('Prompt', { exact: true }).fill(INSTRUCTION);
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/edit');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  expect((await sent).postDataJSON()).toMatchObject({ prompt: INSTRUCTION, adapter: 'watercolor', guidance_scale: 12.5, endpoint: 'local-engine' });
  await expect(entries(page)).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const zip = await readFile((await (await downloading).path())!);

  const fresh = await freshPage(browser);
  await fresh.getByLabel('Import zip').setInputFiles({ name: 'studio.zip', mimeType: 'application/zip', buffer: zip });
  await expect(notice(gallery(fresh))).toHaveText('Imported 2 images');
  await entries(fresh).filter({ hasText: INSTRUCTION }).getByRole('button', { name: /^Open:/ }).click();
  const viewer = fresh.getByRole('dialog', { name: 'Image viewer' });
  await expect(viewer).toContainText('1 edit deep');
  await expect(viewer.getByRole('button', { name: /Edited from/ })).toBeVisible();
  await viewer.getByRole('button', { name: 'Reproduce check' }).click();
  await expect(viewer.getByRole('status').filter({ hasText: /^(Identical|Different|The check)/ })).toContainText('Identical: the new image is byte for byte the stored one');

  // Reuse settings: the same edit, ready to run again (its source from the imported zip).
  await viewer.getByRole('button', { name: 'Reuse settings' }).click();
  await expect(fresh.getByLabel('Prompt', { exact: true })).toHaveValue(INSTRUCTION);
  await expect(fresh.getByLabel('Adapter')).toHaveValue('watercolor');
  await expect(fresh.getByLabel('Use model default guidance')).not.toBeChecked();
  await expect(fresh.getByLabel('Guidance scale')).toHaveValue('12.5');
  await expect(fresh.getByRole('group', { name: 'Source image' }).getByRole('button', { name: 'Remove source image' })).toBeVisible();
  await fresh.context().close();
});
