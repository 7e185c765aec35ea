// The whole flow by keyboard alone, and the viewer's keys.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { entries, formValues } from './studio';

/** Presses Tab (or Shift+Tab) until `target` has focus: keyboard only, whatever lies between. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('could not reach the control by keyboard');
}

test('generate, open, step, close and reuse with the keyboard only', async ({ page }) => {
  await page.goto('/');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await expect(prompt).toBeEnabled();
  // The header's Usage button comes first, then the form.
  await tabTo(page, prompt);
  await page.keyboard.type('desert dunes under a pale moon');
  await tabTo(page, page.getByLabel('Steps', { exact: true }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await tabTo(page, page.getByLabel('Seed', { exact: true }));
  await page.keyboard.type('777');
  await tabTo(page, prompt, true);
  await page.keyboard.press('Control+Enter');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('Seed 777 · 6 steps');

  // Focus stays in the prompt after generating: keep iterating on it.
  await expect(prompt).toBeFocused();
  await page.keyboard.type(' again');
  await page.keyboard.press('Control+Enter');
  await expect(entries(page)).toHaveCount(2);

  // Into the gallery by Tab: the newest entry's Open button, then the viewer.
  await tabTo(page, entries(page).first().getByRole('button', { name: /^Open:/ }));
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText('desert dunes under a pale moon again');
  await page.keyboard.press('ArrowRight');
  await expect(viewer).toContainText('2 of 2');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await tabTo(page, entries(page).first().getByRole('button', { name: 'Reuse settings' }));
  await page.keyboard.press('Enter');
  expect(await formValues(page)).toMatchObject({ prompt: 'desert dunes under a pale moon again', locked: true, steps: '6' });
});
