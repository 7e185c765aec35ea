import { expect, test } from '@playwright/test';

test('type a prompt, generate, see the image', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/offline preview engine/i)).toBeVisible();
  await page.getByLabel('Prompt').fill('mountain landscape at sunset');
  await page.getByRole('button', { name: 'Generate' }).click();
  const image = page.getByRole('img', { name: /mountain landscape at sunset/ });
  await expect(image).toBeVisible();
  // The image really loaded and decoded: a 1024×1024 picture, not a broken icon.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1024);
});
