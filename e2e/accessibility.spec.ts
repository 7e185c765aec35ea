// No serious or critical axe violations: light and dark, desktop and phone, with a gallery
// holding a batch and single images, the viewer open, and Compare open.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { entries, gallery } from './studio';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

const views = [
  { name: 'light, 1366 wide', colorScheme: 'light', viewport: { width: 1366, height: 768 } },
  { name: 'dark, 1366 wide', colorScheme: 'dark', viewport: { width: 1366, height: 768 } },
  { name: 'light, phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark, phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

for (const { name, colorScheme, viewport } of views) {
  test(`axe finds no serious violations (${name}): studio, viewer and Compare`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.getByLabel('Prompt', { exact: true }).fill('a batch for axe');
    await page.getByLabel('Count').fill('2');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(gallery(page).getByRole('heading', { name: /^Batch ×2/ })).toBeVisible();
    await page.getByLabel('Count').fill('1');
    await page.getByLabel('Prompt', { exact: true }).fill('a single image for axe');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(gallery(page).getByText(/^3 images ·/)).toBeVisible();
    await entries(page).first().getByRole('button', { name: 'Star' }).click();
    expect(await seriousViolations(page)).toEqual([]);

    await entries(page).first().getByRole('button', { name: /^Open:/ }).click();
    const viewer = page.getByRole('dialog', { name: 'Image viewer' });
    await expect(viewer.getByRole('img', { name: /^Full image:/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await viewer.getByRole('button', { name: 'Close' }).click();

    const boxes = gallery(page).getByRole('checkbox', { name: /^Select:/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Compare (2)' }).click();
    const compare = page.getByRole('dialog', { name: 'Compare' });
    await expect(compare.getByRole('img', { name: /^Compared:/ })).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
