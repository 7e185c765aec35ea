// Cancel and upstream failures against the app on "FriendliAI" (the Friendli-protocol test server).
import { expect, test } from '@playwright/test';
import { E2E_TOKEN, FRIENDLI_APP, injectFaults, resetUpstream, upstreamStats, type Fault } from './servers';
import { chooseMode, entries, expectEntryCount, formValues, generate } from './studio';

test.use({ baseURL: FRIENDLI_APP, viewport: { width: 1400, height: 2000 } });
test.beforeEach(() => resetUpstream());

test('the page names FriendliAI and its endpoint', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('FriendliAI · endpoint e2e-endpoint')).toBeVisible();
  expect(await page.content()).not.toContain(E2E_TOKEN);
});

test('Cancel stops a running generation all the way upstream', async ({ page }) => {
  await page.goto('/');
  await injectFaults({ delayMs: 20_000 });
  await page.getByLabel('Prompt', { exact: true }).fill('a slow one');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Generating… \d+\.\d s/ })).toBeVisible();
  await expect.poll(async () => (await upstreamStats()).inFlight).toBe(1);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Generation cancelled');
  // The upstream request ended long before its 20 s: the abort reached it.
  await expect.poll(async () => (await upstreamStats()).inFlight, { timeout: 5000 }).toBe(0);
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('a slow one');
  await expect(entries(page)).toHaveCount(0);
});

test('an upstream failure shows a clear message and leaves form and gallery intact', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'first, fine', seed: 5 });
  await injectFaults(...Array.from({ length: 4 }, () => ({ status: 503 })));
  await page.getByLabel('Prompt', { exact: true }).fill('second, unlucky');
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

test('the queue never runs more jobs at once than the server allows, and Cancel all leaves none running', async ({ page }) => {
  await page.goto('/');
  await injectFaults(...Array.from({ length: 6 }, () => ({ delayMs: 400 })));
  await page.getByLabel('Prompt', { exact: true }).fill('queued');
  await chooseMode(page, 'Seed sweep');
  await page.getByLabel('Count').fill('6');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expectEntryCount(page, 6);
  // The limit (2, from /api/config) was reached and never passed.
  expect((await upstreamStats()).maxInFlight).toBe(2);

  await resetUpstream();
  await injectFaults(...Array.from({ length: 4 }, () => ({ delayMs: 20_000 })));
  await page.getByLabel('Count').fill('4');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Waiting')).toHaveCount(2);
  await expect.poll(async () => (await upstreamStats()).inFlight).toBe(2);
  // One waiting job cancelled alone never starts; then all the rest.
  await queue.getByRole('button', { name: /^Cancel job:/ }).first().click();
  await expect(queue.getByText('Cancelled')).toHaveCount(1);
  await queue.getByRole('button', { name: 'Cancel all' }).click();
  await expect(queue.getByText('Cancelled')).toHaveCount(4);
  await expect.poll(async () => (await upstreamStats()).inFlight, { timeout: 5000 }).toBe(0);
  // The two that waited never reached the upstream at all.
  expect((await upstreamStats()).requests.filter((r) => r.method === 'POST')).toHaveLength(2);
});

test('a failed job is retried with one action', async ({ page }) => {
  await page.goto('/');
  await injectFaults(...Array.from({ length: 4 }, () => ({ status: 503 })));
  await page.getByLabel('Prompt', { exact: true }).fill('unlucky at first');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const queue = page.getByRole('region', { name: 'Queue' });
  await expect(queue.getByText('Failed')).toBeVisible();
  await queue.getByRole('button', { name: /^Retry job:/ }).click();
  await expect(queue.getByText('Done')).toBeVisible();
  await expect(entries(page)).toHaveCount(1);
});

const faultCases: [string, Fault, string][] = [
  ['a long rate limit', { status: 429, headers: { 'retry-after': '3600' } }, 'FriendliAI is rate limiting requests; try again in 3600 s'],
  ['a refused token', { status: 401, body: { detail: 'invalid token' } }, 'refused the token (HTTP 401)'],
  ['malformed JSON', { kind: 'malformed' }, 'not valid JSON'],
  ['a body cut short', { kind: 'cut' }, 'broke off before it was complete'],
  ['an empty data list', { status: 200, body: { data: [] } }, 'answered with no images'],
];
for (const [name, fault, message] of faultCases) {
  test(`${name} upstream: a clear message in the browser; form and gallery intact`, async ({ page }) => {
    await page.goto('/');
    await generate(page, { prompt: 'kept', seed: 2 });
    await injectFaults(fault);
    await page.getByLabel('Prompt', { exact: true }).fill(`after ${name}`);
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(entries(page)).toHaveCount(1);
    await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(`after ${name}`);
  });
}
