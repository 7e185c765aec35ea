// Endpoints, adapters and guidance, against the Friendli-protocol test server behind an app with
// two endpoints (servers.ts ENDPOINTS): what the form shows follows the endpoint chosen, and what
// the upstream receives (`model`, steps, guidance_scale) follows the form.
import { expect, test } from '@playwright/test';
import { ENDPOINTS_APP, resetUpstream, upstreamBodies } from './servers';
import { chooseMode, entries, expectEntryCount, gallery, generate } from './studio';

test.use({ baseURL: ENDPOINTS_APP });
test.beforeEach(resetUpstream);

const lastBody = async () => (await upstreamBodies(1))[0]!;

test('the endpoint and adapter chosen reach the upstream as model "<endpoint>:<adapter>", and the form follows the endpoint', async ({ page }) => {
  await page.goto('/');
  const endpoint = page.getByRole('combobox', { name: 'Endpoint' });
  await expect(endpoint.locator('option')).toHaveText(['Studio A', 'Studio B']);
  // Studio A: no adapters, no guidance, no edits or control images, steps 1–50.
  await expect(page.getByRole('combobox', { name: 'Adapter' })).toHaveCount(0);
  await expect(page.getByLabel('Guidance scale')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Guidance sweep' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Source image' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Control images' })).toHaveCount(0);
  await expect(page.getByLabel('Steps', { exact: true })).toHaveAttribute('max', '50');

  await expect(page.getByText('FriendliAI · endpoint Studio A')).toBeVisible();
  await endpoint.selectOption({ label: 'Studio B' });
  await expect(page.getByText('FriendliAI · endpoint Studio B')).toBeVisible();
  const adapter = page.getByRole('combobox', { name: 'Adapter' });
  await expect(adapter.locator('option')).toHaveText(['None', 'watercolor', 'blueprint']);
  await expect(adapter).toHaveValue('');
  await expect(page.getByLabel('Steps', { exact: true })).toHaveAttribute('max', '8');
  await expect(page.getByLabel('Steps', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Guidance scale')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Guidance sweep' })).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Source image' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Control images' })).toBeVisible();

  await adapter.selectOption('watercolor');
  await generate(page, { prompt: 'a lighthouse in fog', seed: 7 });
  let sent = await lastBody();
  expect(sent.path).toContain('/images/generations');
  expect(sent.body).toMatchObject({ model: 'ep-b:watercolor', prompt: 'a lighthouse in fog', num_inference_steps: 3, seed: 7 });
  expect(sent.body).not.toHaveProperty('guidance_scale');

  await adapter.selectOption('None');
  await generate(page, { prompt: 'a lighthouse in fog', seed: 7 });
  expect((await lastBody()).body).toMatchObject({ model: 'ep-b' });

  // Back to Studio A: its own default steps, and no adapter carried over.
  await adapter.selectOption('blueprint');
  await endpoint.selectOption({ label: 'Studio A' });
  await expect(page.getByRole('combobox', { name: 'Adapter' })).toHaveCount(0);
  await generate(page, { prompt: 'a lighthouse in fog', seed: 7 });
  sent = await lastBody();
  expect(sent.body).toMatchObject({ model: 'ep-a', num_inference_steps: 20 });
  expect(sent.body).not.toHaveProperty('guidance_scale');
});

test('Guidance scale is sent only with Use model default guidance off; the slider shows the default meanwhile', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Studio B' });
  const useDefault = page.getByRole('checkbox', { name: 'Use model default guidance' });
  const slider = page.getByLabel('Guidance scale');
  await expect(useDefault).toBeChecked();
  await expect(slider).toBeDisabled();
  await expect(slider).toHaveValue('5');
  await expect(slider).toHaveAttribute('min', '1');
  await expect(slider).toHaveAttribute('max', '9');

  await useDefault.uncheck();
  await expect(slider).toBeEnabled();
  await slider.fill('7.5');
  await generate(page, { prompt: 'a quiet harbour', seed: 3 });
  expect((await lastBody()).body).toMatchObject({ model: 'ep-b', guidance_scale: 7.5 });

  await useDefault.check();
  await expect(slider).toHaveValue('5');
  await generate(page, { prompt: 'a quiet harbour', seed: 3 });
  expect((await lastBody()).body).not.toHaveProperty('guidance_scale');
});

test('a guidance sweep: one group of N images at evenly spaced guidance values across the endpoint range, same seed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Studio B' });
  await page.getByLabel('Prompt', { exact: true }).fill('a field of poppies');
  await chooseMode(page, 'Guidance sweep');
  await page.getByLabel('Count').fill('3');
  await page.getByLabel('Seed', { exact: true }).fill('11');
  // Said before Generate, and the slider it replaces is gone.
  await expect(page.getByText('At guidance scale 1, 5, 9')).toBeVisible();
  await expect(page.getByLabel('Guidance scale')).toHaveCount(0);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expectEntryCount(page, 3);
  await expect(gallery(page).getByRole('heading', { name: 'Guidance sweep 1–9 · seed 11 · 3 steps' })).toBeVisible();
  const bodies = (await upstreamBodies(3)).map((b) => b.body);
  expect(bodies.map((b) => b.guidance_scale).sort()).toEqual([1, 5, 9]);
  for (const body of bodies) expect(body).toMatchObject({ model: 'ep-b', seed: 11, num_inference_steps: 3, prompt: 'a field of poppies' });
  // Each card says the value it was made at.
  for (const value of [1, 5, 9]) await expect(entries(page).filter({ hasText: `guidance ${value}` })).toHaveCount(1);
  // The sweep's own count: back in Images, Count is as it was.
  await chooseMode(page, 'Images');
  await expect(page.getByLabel('Count')).toHaveValue('1');
});
