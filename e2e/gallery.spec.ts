// The gallery under pressure (a full storage quota) and the viewer's zoom and pan.
import { expect, test } from '@playwright/test';
import { entries, generate } from './studio';

test('a full storage quota: a clear message, the new image offered for download, nothing earlier lost', async ({ page, context, baseURL }) => {
  // 1.5 MB of storage: room for a JPEG (~180 KB) with its thumbnail, not for a 1024×1024 PNG
  // (~1.9 MB). Set before the page first opens its storage: Chromium reads the quota then.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1.5 * 1024 * 1024 });
  await page.goto('/');
  await generate(page, { prompt: 'kept safe', seed: 1, format: 'jpeg' });

  await page.getByLabel('Prompt', { exact: true }).fill('no room for this one');
  await page.getByLabel('Format', { exact: true }).selectOption('png');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  // The job is not Done: it failed (Retry stores it again), and the new image is offered for download.
  await expect(page.getByRole('region', { name: 'Queue' }).getByRole('button', { name: /^Retry job: no room for this one/ })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await expect(alert).toContainText('storage is full');
  await expect(alert).toContainText('earlier images are safe');
  const downloading = page.waitForEvent('download');
  await alert.getByRole('link', { name: 'Download it now' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^no-room-for-this-one-seed\d+-steps4\.png$/);
  await expect(entries(page)).toHaveCount(1);

  await page.reload();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('kept safe');
});

test('the viewer zooms at the cursor with the wheel and pans by dragging', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'a galaxy with a ringed planet', seed: 3 });
  await entries(page).first().getByRole('button', { name: /^Open:/ }).click();
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  const image = viewer.getByRole('img', { name: /Full image/ });
  await expect(image).toBeVisible();
  await expect(viewer.getByText('100%')).toBeVisible();
  const box = (await image.boundingBox())!;
  const at = { x: box.x + box.width * 0.25, y: box.y + box.height * 0.25 };
  const pointUnder = () => image.evaluate((img, p) => {
    // Which fraction of the picture is under the screen point p.
    const r = img.getBoundingClientRect();
    return [(p.x - r.left) / r.width, (p.y - r.top) / r.height].map((v) => Math.round(v * 100) / 100);
  }, at);
  const before = await pointUnder();

  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -600);
  await expect(viewer.getByText(/^(?!100%)\d+%$/)).toBeVisible();
  // Zooming kept the same point of the picture under the cursor.
  expect(await pointUnder()).toEqual(before);

  const transform = await image.evaluate((img) => img.parentElement!.style.transform);
  await page.mouse.down();
  await page.mouse.move(at.x + 120, at.y + 60, { steps: 5 });
  await page.mouse.up();
  expect(await image.evaluate((img) => img.parentElement!.style.transform)).not.toBe(transform);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
});
