// Control images on the local engine: added by file, weighted, removed; weight 0 gives the same
// bytes as no control image, weight 1 different ones; an edit takes none.
import { expect, test, type Page } from '@playwright/test';
import { pngFile, plainPng, sha256, splitPng } from './test-images';

/** Presses Generate and returns the SHA-256 of the image the studio fetched and stored. */
async function generatedImage(page: Page) {
  const served = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname.startsWith('/api/images/'));
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  return sha256(await (await served).body());
}

test('control weight 0 gives the same image as no control image, weight 1 a different one', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a quiet valley');
  await page.getByLabel('Seed', { exact: true }).fill('4242');
  await page.getByRole('checkbox', { name: /Lock seed/ }).check();
  const without = await generatedImage(page);

  const group = page.getByRole('group', { name: 'Control images' });
  await group.getByLabel('Control image file').setInputFiles(pngFile('sketch.png', await splitPng(256)));
  const weight = group.getByLabel('Control weight 1');
  await expect(weight).toHaveValue('1');
  await expect(group.getByRole('img', { name: 'Control image 1' })).toBeVisible();
  await weight.fill('0');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/generate'));
  const atZero = await generatedImage(page);
  expect((await sent).postDataJSON()).toMatchObject({ controlnet_weights: [0], control_images: [{ image: expect.stringMatching(/^data:image\/png;base64,/) }] });
  expect(atZero).toBe(without);

  await weight.fill('1');
  const atOne = await generatedImage(page);
  expect(atOne).not.toBe(without);

  await group.getByRole('button', { name: 'Remove control image 1' }).click();
  await expect(group.getByLabel('Control weight 1')).toHaveCount(0);
  expect(await generatedImage(page)).toBe(without);
});

test('control images: up to the endpoint limit, a bad file refused in the group, none while a source is set', async ({ page }) => {
  await page.goto('/');
  const group = page.getByRole('group', { name: 'Control images' });
  await group.getByLabel('Control image file').setInputFiles(pngFile('a.png', await plainPng(64, 64)));
  await group.getByLabel('Control image file').setInputFiles({ name: 'notes.txt', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await expect(group.getByRole('alert')).toContainText('not a PNG, JPEG or WebP');
  await expect(group.getByLabel(/^Control weight/)).toHaveCount(1);
  await group.getByLabel('Control image file').setInputFiles(pngFile('b.png', await plainPng(64, 64, { r: 0, g: 0, b: 255 })));
  await expect(group.getByLabel('Control weight 2')).toBeVisible();
  // The local engine takes two: the file input gives way to a note.
  await expect(group.getByLabel('Control image file')).toHaveCount(0);
  await expect(group).toContainText('limit of 2');

  await page.getByLabel('Source image file').setInputFiles(pngFile('photo.png', await plainPng(96, 64)));
  await expect(page.getByRole('group', { name: 'Control images' })).toHaveCount(0);
  await expect(page.getByText(/Control images are not used in edits/)).toBeVisible();
  await page.getByRole('button', { name: 'Remove source image' }).click();
  await expect(page.getByRole('group', { name: 'Control images' }).getByLabel(/^Control weight/)).toHaveCount(2);
});
