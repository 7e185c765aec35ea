// The studio on an ordinary laptop and on a phone: Generate and every new alert stay on screen,
// however far the gallery is scrolled.
import { expect, test, type Page } from '@playwright/test';
import { FRIENDLI_APP, injectFaults, resetUpstream } from './servers';
import { entries, expectEntryCount, gallery } from './studio';

test.use({ baseURL: FRIENDLI_APP, viewport: { width: 1366, height: 768 } });
test.beforeEach(() => resetUpstream());

const generateButton = (page: Page) => page.getByRole('button', { name: 'Generate', exact: true });
/** Scrolls the page to a fraction of the way down (the very bottom lets a sticky panel end with the page). */
const scrollTo = (page: Page, fraction: number) =>
  page.evaluate((f) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f), fraction);

test('at 1366×768 and 1440×900, with a long gallery scrolled down, Generate and a new alert are on screen', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a long gallery, one of many');
  await page.getByLabel('Count').fill('8');
  await generateButton(page).click();
  await expectEntryCount(page, 8);
  await generateButton(page).click();
  // The gallery renders only the rows on screen: its count says how many it holds.
  await expect(gallery(page).getByText(/^16 images/)).toBeVisible();
  await page.getByLabel('Count').fill('1');

  for (const viewport of [{ width: 1366, height: 768 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(viewport);
    for (const fraction of [0, 0.3, 0.6, 1]) {
      await scrollTo(page, fraction);
      await expect(generateButton(page)).toBeInViewport({ ratio: 1 });
    }
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  }

  await injectFaults(...Array.from({ length: 4 }, () => ({ status: 503 })));
  await page.setViewportSize({ width: 1366, height: 768 });
  await scrollTo(page, 0.5);
  await generateButton(page).click();
  const alert = page.getByRole('alert').filter({ hasText: 'FriendliAI is unavailable (HTTP 503)' });
  await expect(alert).toBeInViewport();
  await expect(generateButton(page)).toBeInViewport({ ratio: 1 });
});

test('on a phone (390 px wide) Generate stays reachable wherever the page is scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a phone sized view');
  await expect(generateButton(page)).toBeInViewport({ ratio: 1 });
  await generateButton(page).click();
  await expect(entries(page)).toHaveCount(1);
  for (const fraction of [0, 0.5, 1]) {
    await scrollTo(page, fraction);
    await expect(generateButton(page)).toBeInViewport({ ratio: 1 });
  }
});
