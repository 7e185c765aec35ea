// The whole flow by keyboard alone, and the viewer's keys.
import { expect, test } from '@playwright/test';
import { entries, formValues } from './studio';

test('generate, open, step, close and reuse with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Prompt')).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Prompt')).toBeFocused();
  await page.keyboard.type('desert dunes under a pale moon');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Steps')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.type('777');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Prompt')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('Seed 777 · 6 steps');

  // Focus stays in the prompt after generating: keep iterating on it.
  await expect(page.getByLabel('Prompt')).toBeFocused();
  await page.keyboard.type(' again');
  await page.keyboard.press('Control+Enter');
  await expect(entries(page)).toHaveCount(2);

  // Into the gallery: the newest entry's Open button, then the viewer.
  const open = entries(page).first().getByRole('button', { name: /^Open:/ });
  await open.focus();
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText('desert dunes under a pale moon again');
  await page.keyboard.press('ArrowRight');
  await expect(viewer).toContainText('2 of 2');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await entries(page).first().getByRole('button', { name: 'Reuse settings' }).focus();
  await page.keyboard.press('Enter');
  expect(await formValues(page)).toMatchObject({ prompt: 'desert dunes under a pale moon again', locked: true, steps: '6' });
});
