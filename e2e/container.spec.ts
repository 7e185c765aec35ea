// A team's own Friendli Container as the endpoint (servers.ts CONTAINER_APP: no FRIENDLI_TOKEN, its
// base_url the test server): the form says what it does not offer (url, png and jpg formats are
// disabled, with the reason in view), and a generation and an edit made with the form reach it as
// POST /v1/images/generations and /v1/images/edits and land in the gallery.
import { expect, test } from '@playwright/test';
import { CONTAINER_APP, injectFaults, resetUpstream, upstreamBodies, upstreamStats } from './servers';
import { entries, generate } from './studio';

test.use({ baseURL: CONTAINER_APP });
test.beforeEach(resetUpstream);

const lastBody = async () => (await upstreamBodies(1))[0]!;

test('a container endpoint generates and edits from the form, which disables the formats it does not answer with and says why', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Friendli Container · endpoint box')).toBeVisible();
  const format = page.getByLabel('Format', { exact: true });
  await expect(format).toHaveValue('jpeg');
  for (const name of ['url (the API default)', 'png', 'jpg']) await expect(format.getByRole('option', { name, exact: true })).toBeDisabled();
  for (const name of ['raw', 'jpeg']) await expect(format.getByRole('option', { name, exact: true })).toBeEnabled();
  await expect(page.getByText('Team box is a Friendli Container: it answers with raw or jpeg only (no url, png, jpg).')).toBeVisible();

  await page.getByLabel('Adapter').selectOption('watercolor');
  const made = await generate(page, { prompt: 'a lighthouse in fog', seed: 7 });
  let sent = await lastBody();
  expect(sent.path).toBe('/v1/images/generations');
  expect(sent.body).toMatchObject({ prompt: 'a lighthouse in fog', model: 'watercolor', seed: 7, num_inference_steps: 3, response_format: 'jpeg' });
  // No token is configured for it: none is sent.
  const { requests } = (await upstreamStats()) as unknown as { requests: { path: string; headers: Record<string, string> }[] };
  expect(requests.at(-1)!.headers).not.toHaveProperty('authorization');
  await expect(made).toContainText('Seed 7 · 3 steps · watercolor');
  await expect(page.getByRole('img', { name: 'Generated from: a lighthouse in fog' })).toBeVisible();

  // An edit of that image, in raw (PNG bytes), through the container's edits operation.
  await made.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Source image' }).getByRole('button', { name: 'Remove source image' })).toBeVisible();
  await format.selectOption('raw');
  await page.getByLabel('Prompt', { exact: true }).fill('make it winter');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(entries(page)).toHaveCount(2);
  sent = await lastBody();
  expect(sent.path).toBe('/v1/images/edits');
  expect(sent.body).toMatchObject({ prompt: 'make it winter', model: 'watercolor', response_format: 'raw' });
  expect(sent.body.image).toMatchObject({ image: expect.stringMatching(/^<\d+ characters>$/) });
  await expect(page.getByRole('img', { name: /make it winter/ })).toBeVisible();
});

test("the container's failures reach the form as FriendliAI's do: retried when passing, explained when not", async ({ page }) => {
  await page.goto('/');
  // A 503 then a success: retried, the image arrives.
  await injectFaults({ path: '/v1/images/generations', status: 503 });
  await generate(page, { prompt: 'a red kite', seed: 2 });
  // A validation error: shown, naming the container.
  await injectFaults({ path: '/v1/images/generations', status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: 'prompt is not allowed here', type: 'value_error' }] } });
  await page.getByLabel('Prompt', { exact: true }).fill('a blue kite');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The Friendli Container of endpoint box rejected the request: prompt: prompt is not allowed here' })).toBeVisible();
  await expect(entries(page)).toHaveCount(1);
});
