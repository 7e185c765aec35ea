// Putting a remembered image back into the form (Reuse settings, a shared link) makes the same
// request again, once; a link opened in one tab leaves the other tabs' drafts alone.
import { expect, test, type Page } from '@playwright/test';
import { chooseMode, entries } from './studio';

const generateButton = (page: Page) => page.getByRole('button', { name: 'Generate', exact: true });

/** The body of the next POST /api/generate. */
const nextRequest = (page: Page) =>
  page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/generate').then((r) => r.postDataJSON() as { prompt: string; seed?: number; num_inference_steps: number });

test('Reuse settings on a styled entry sends the same final prompt once, not the style twice', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a cat on a windowsill');
  await page.getByRole('button', { name: 'Watercolor', exact: true }).click();
  await page.getByLabel('Seed', { exact: true }).fill('31');
  const first = nextRequest(page);
  await generateButton(page).click();
  const sent = await first;
  expect(sent.prompt).toBe('a cat on a windowsill, watercolor painting, soft edges, paper texture');
  await expect(entries(page)).toHaveCount(1);

  // Change everything, then reuse: the form is back as it was for that image.
  await page.getByLabel('Prompt', { exact: true }).fill('something else entirely');
  await page.getByRole('button', { name: 'Watercolor', exact: true }).click();
  await page.getByRole('button', { name: 'Neon noir', exact: true }).click();
  await chooseMode(page, 'Steps sweep');
  await entries(page).first().getByRole('button', { name: 'Reuse settings' }).click();
  const again = nextRequest(page);
  await generateButton(page).click();
  expect(await again).toEqual(sent);
  await expect(entries(page)).toHaveCount(2);
  await expect(page.getByRole('radio', { name: 'Images' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Neon noir', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('a shared link sets single images with styles off, and leaves another tab’s draft alone', async ({ context }) => {
  const tabA = await context.newPage();
  await tabA.goto('/');
  await tabA.getByLabel('Prompt', { exact: true }).fill('my draft in tab A');
  await chooseMode(tabA, 'Steps sweep');
  await tabA.getByRole('button', { name: 'Cinematic', exact: true }).click();
  await expect(tabA.getByRole('button', { name: 'Cinematic', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const tabB = await context.newPage();
  await tabB.goto('/?prompt=a+shared+lighthouse&steps=5&seed=9&format=png');
  await expect(tabB.getByLabel('Prompt', { exact: true })).toHaveValue('a shared lighthouse');
  await expect(tabB.getByRole('radio', { name: 'Images' })).toBeChecked();
  await expect(tabB.getByRole('button', { name: 'Cinematic', exact: true })).toHaveAttribute('aria-pressed', 'false');
  // A tab opened now starts from tab A's draft: opening the link shared nothing with other tabs.
  const tabD = await context.newPage();
  await tabD.goto('/');
  await expect(tabD.getByLabel('Prompt', { exact: true })).toHaveValue('my draft in tab A');
  await tabD.close();

  // Tab A's draft survives a reload there, and a new tab starts from it, not from the link.
  await tabA.reload();
  await expect(tabA.getByLabel('Prompt', { exact: true })).toHaveValue('my draft in tab A');
  await expect(tabA.getByRole('radio', { name: 'Steps sweep' })).toBeChecked();
  await expect(tabA.getByRole('button', { name: 'Cinematic', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const tabC = await context.newPage();
  await tabC.goto('/');
  await expect(tabC.getByLabel('Prompt', { exact: true })).toHaveValue('my draft in tab A');
  // Tab B keeps the link's settings through its own reload.
  await tabB.reload();
  await expect(tabB.getByLabel('Prompt', { exact: true })).toHaveValue('a shared lighthouse');

  // Generate in tab B makes one image of exactly the linked request.
  const request = nextRequest(tabB);
  await generateButton(tabB).click();
  expect(await request).toEqual({ prompt: 'a shared lighthouse', num_inference_steps: 5, seed: 9, response_format: 'png', endpoint: 'local-engine' });
  await expect(entries(tabB)).toHaveCount(1);
  await expect(tabB.getByRole('region', { name: 'Queue' }).getByRole('listitem')).toHaveCount(1);
});
