// Cancel and upstream failures against the app on "FriendliAI" (the Friendli-protocol test server).
import { expect, test } from '@playwright/test';
import { E2E_TOKEN, FRIENDLI_APP, injectFaults, resetUpstream, upstreamStats } from './servers';
import { entries, formValues, generate } from './studio';

test.use({ baseURL: FRIENDLI_APP });
test.beforeEach(() => resetUpstream());

test('the page names FriendliAI and its endpoint', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('FriendliAI · endpoint e2e-endpoint')).toBeVisible();
  expect(await page.content()).not.toContain(E2E_TOKEN);
});

test('Cancel stops a running generation all the way upstream', async ({ page }) => {
  await page.goto('/');
  await injectFaults({ delayMs: 20_000 });
  await page.getByLabel('Prompt').fill('a slow one');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Generating… \d+\.\d s/ })).toBeVisible();
  await expect.poll(async () => (await upstreamStats()).inFlight).toBe(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Generation cancelled');
  // The upstream request ended long before its 20 s: the abort reached it.
  await expect.poll(async () => (await upstreamStats()).inFlight, { timeout: 5000 }).toBe(0);
  await expect(page.getByLabel('Prompt')).toHaveValue('a slow one');
  await expect(entries(page)).toHaveCount(0);
});

test('an upstream failure shows a clear message and leaves form and gallery intact', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'first, fine', seed: 5 });
  await injectFaults(...Array.from({ length: 4 }, () => ({ status: 503 })));
  await page.getByLabel('Prompt').fill('second, unlucky');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('FriendliAI is unavailable (HTTP 503)');
  await expect(alert).toContainText('Try again in a minute');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('first, fine');
  expect((await formValues(page)).prompt).toBe('second, unlucky');

  await injectFaults({ status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: 'prompt violates the content policy', type: 'value_error' }] } });
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(alert).toContainText('prompt: prompt violates the content policy');
  await expect(entries(page)).toHaveCount(1);
});
