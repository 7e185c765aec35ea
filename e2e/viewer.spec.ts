// The result area, the viewer and Compare as a designer uses them: deleting what was just made,
// stepping through what the gallery shows, notices inside the dialog, a phone, and Compare.
import { expect, test, type Page } from '@playwright/test';
import { entries, gallery, generate, notice } from './studio';

const viewer = (page: Page) => page.getByRole('dialog', { name: 'Image viewer' });
const resultImage = (page: Page, prompt: string) => page.getByRole('img', { name: `Generated from: ${prompt}` });

test('deleting the image just made takes it out of the result area; Undo brings it back without opening the viewer', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'an older image' });
  await generate(page, { prompt: 'the image just made' });
  await expect(resultImage(page, 'the image just made')).toBeVisible();

  // Deleted from the gallery: the result area shows the newest image left.
  await entries(page).filter({ hasText: 'the image just made' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(resultImage(page, 'an older image')).toBeVisible();
  await expect(resultImage(page, 'the image just made')).toHaveCount(0);
  await gallery(page).getByRole('button', { name: 'Undo' }).click();
  await expect(resultImage(page, 'the image just made')).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  await expect(viewer(page)).toBeHidden();

  // Deleted from the viewer opened on the result: the viewer moves on; Undo does not reopen it.
  await page.getByRole('button', { name: 'Open the latest image in the viewer' }).click();
  await expect(viewer(page)).toContainText('the image just made');
  await viewer(page).getByRole('button', { name: 'Delete' }).click();
  await expect(viewer(page)).toContainText('an older image');
  await expect(notice(viewer(page))).toHaveText('Deleted');
  await viewer(page).getByRole('button', { name: 'Close' }).click();
  await expect(viewer(page)).toBeHidden();
  await expect(resultImage(page, 'an older image')).toBeVisible();
  await gallery(page).getByRole('button', { name: 'Undo' }).click();
  await expect(resultImage(page, 'the image just made')).toBeVisible();
  await expect(entries(page)).toHaveCount(2);
  await expect(viewer(page)).toBeHidden();
});

test('the viewer steps through the current search and favourites only, and shows its notices inside', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  for (const prompt of ['a red fox in the snow', 'a blue whale at dawn', 'an old fox den', 'a grey whale']) await generate(page, { prompt });
  await page.getByLabel('Search prompts').fill('fox');
  await expect(entries(page)).toHaveCount(2);
  await entries(page).first().getByRole('button', { name: /^Open:/ }).click();
  await expect(viewer(page)).toContainText('1 of 2');
  await page.keyboard.press('ArrowRight');
  await expect(viewer(page)).toContainText('2 of 2');
  await expect(viewer(page)).toContainText('a red fox in the snow');
  await page.keyboard.press('ArrowRight');
  await expect(viewer(page)).toContainText('2 of 2');
  await viewer(page).getByRole('button', { name: 'Copy seed' }).click();
  await expect(notice(viewer(page))).toHaveText('Seed copied');
  await page.keyboard.press('Escape');

  await page.getByLabel('Search prompts').fill('');
  await entries(page).filter({ hasText: 'a grey whale' }).getByRole('button', { name: 'Star' }).click();
  await entries(page).filter({ hasText: 'a blue whale' }).getByRole('button', { name: 'Star' }).click();
  await page.getByLabel('Favourites only').check();
  await entries(page).first().getByRole('button', { name: /^Open:/ }).click();
  await expect(viewer(page)).toContainText('1 of 2');
  await page.keyboard.press('ArrowRight');
  await expect(viewer(page)).toContainText('2 of 2');
  await expect(viewer(page)).toContainText('a blue whale at dawn');
});

test('on a phone the viewer has Previous and Next buttons and steps by swipe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  for (const prompt of ['phone one', 'phone two', 'phone three']) await generate(page, { prompt });
  await entries(page).first().getByRole('button', { name: /^Open:/ }).click();
  await expect(viewer(page)).toContainText('1 of 3');
  await viewer(page).getByRole('button', { name: 'Next image' }).click();
  await expect(viewer(page)).toContainText('2 of 3');
  await viewer(page).getByRole('button', { name: 'Previous image' }).click();
  await expect(viewer(page)).toContainText('1 of 3');

  const image = viewer(page).getByRole('img', { name: /^Full image:/ });
  const box = (await image.boundingBox())!;
  const swipe = async (from: number, to: number) => {
    await page.mouse.move(box.x + from, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + (from + to) / 2, box.y + box.height / 2, { steps: 3 });
    await page.mouse.move(box.x + to, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
  };
  await swipe(box.width - 40, 40);
  await expect(viewer(page)).toContainText('2 of 3');
  await expect(viewer(page)).toContainText('phone two');
  await swipe(40, box.width - 40);
  await expect(viewer(page)).toContainText('1 of 3');
});

test('Compare shows prompts as written, opens at fit with its view buttons on screen, and its views move with arrow keys', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await generate(page, { prompt: 'A Red fox, at dusk; "quiet"', seed: 3 });
  await generate(page, { prompt: 'A Blue fox, at dusk; "quiet"', seed: 3 });
  await gallery(page).getByRole('checkbox', { name: /^Select: A Red/ }).check();
  await gallery(page).getByRole('checkbox', { name: /^Select: A Blue/ }).check();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare' });
  // The first chosen is the reference; the other's words it lacks are marked, the rest as written.
  await expect(compare.getByText('A Red fox, at dusk; "quiet"', { exact: true })).toBeVisible();
  await expect(compare.getByText('A Blue fox, at dusk; "quiet"Red', { exact: true })).toBeVisible();
  await expect(compare.getByRole('insertion')).toHaveText('Blue');
  await expect(compare.getByRole('deletion')).toHaveText('Red');

  // Both images whole on screen at 100%, the view buttons above them.
  for (const img of await compare.getByRole('img', { name: /^Compared:/ }).all()) await expect(img).toBeInViewport({ ratio: 1 });
  await expect(compare.getByText('100%')).toHaveCount(2);
  const radios = compare.getByRole('radiogroup', { name: 'View' });
  await expect(radios).toBeInViewport({ ratio: 1 });
  await compare.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(radios).toBeInViewport({ ratio: 1 });
  await expect(compare.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 });

  // Zoomed, closed and opened again: back at fit, side by side.
  const first = compare.getByRole('img', { name: /^Compared:/ }).first();
  const box = (await first.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -500);
  await expect(compare.getByText('100%')).toHaveCount(0);
  await compare.getByRole('radio', { name: 'Slider' }).click();
  await compare.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  await expect(compare.getByText('100%')).toHaveCount(2);
  await expect(compare.getByRole('radio', { name: 'Side by side' })).toHaveAttribute('aria-checked', 'true');

  // A radio group: one tab stop, arrow keys move the choice, wrapping round.
  await compare.getByRole('radio', { name: 'Side by side' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(compare.getByRole('radio', { name: 'Slider' })).toHaveAttribute('aria-checked', 'true');
  await expect(compare.getByRole('radio', { name: 'Slider' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(compare.getByRole('radio', { name: 'Difference' })).toHaveAttribute('aria-checked', 'true');
  await expect(compare.getByRole('radio', { name: 'Difference' })).toBeFocused();
  await expect(compare.getByRole('radio', { name: 'Side by side' })).toHaveAttribute('tabindex', '-1');
});
