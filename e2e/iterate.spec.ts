// Iterating: batches, sweeps, A/B and compare, reproduce check, recent prompts and styles.
import { expect, test } from '@playwright/test';
import { chooseMode, entries, expectEntryCount, gallery } from './studio';

// Tall enough that a 10-image sweep is all on screen: the gallery renders only visible rows.
test.use({ viewport: { width: 1400, height: 2000 } });

const generateButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'Generate', exact: true });

test('a batch of 4 with a locked seed gives seeds s..s+3, kept together as one group', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a paper boat on a pond');
  await page.getByLabel('Count').fill('4');
  await page.getByLabel('Seed', { exact: true }).fill('500');
  await page.getByRole('checkbox', { name: /Lock seed/ }).check();
  await generateButton(page).click();
  await expectEntryCount(page, 4);
  await expect(gallery(page).getByRole('heading', { name: 'Batch ×4 · seeds 500–503' })).toBeVisible();
  for (const seed of [500, 501, 502, 503]) await expect(entries(page).filter({ hasText: `Seed ${seed} · 4 steps` })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Queue' }).getByText('Done')).toHaveCount(4);
});

test('a steps sweep gives one image per step value, same seed, as one labelled row', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a lighthouse at dusk');
  await chooseMode(page, 'Steps sweep');
  await page.getByLabel('Seed', { exact: true }).fill('77');
  await generateButton(page).click();
  await expectEntryCount(page, 10);
  await expect(gallery(page).getByRole('heading', { name: 'Steps sweep 1–10 · seed 77' })).toBeVisible();
  for (let steps = 1; steps <= 10; steps++) await expect(entries(page).filter({ hasText: `Seed 77 · ${steps} steps` })).toHaveCount(1);
});

test('a seed sweep and a prompt A/B; compare shows the differing word and views the pair', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a red fox in the snow');
  await chooseMode(page, 'Seed sweep');
  await page.getByLabel('Count').fill('3');
  await generateButton(page).click();
  await expect(gallery(page).getByRole('heading', { name: /^Seed sweep ×3/ })).toBeVisible();
  await expectEntryCount(page, 3);

  await chooseMode(page, 'Prompt A/B');
  await page.getByLabel('Prompt B').fill('a blue fox in the snow');
  await page.getByLabel('Seed', { exact: true }).fill('31');
  await generateButton(page).click();
  await expect(gallery(page).getByRole('heading', { name: 'Prompt A/B · seed 31 · 4 steps' })).toBeVisible();
  await expectEntryCount(page, 5);

  await entries(page).filter({ hasText: 'a red fox in the snow' }).filter({ hasText: 'Seed 31 · ' }).getByRole('checkbox').check();
  await entries(page).filter({ hasText: 'a blue fox in the snow' }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare' });
  await expect(compare.getByRole('insertion')).toHaveText('blue');
  await expect(compare.getByRole('deletion')).toHaveText('red');
  await expect(compare.getByRole('img', { name: /^Compared:/ })).toHaveCount(2);

  // Zoom on one image zooms both: they share one view.
  const [left, right] = await compare.getByRole('img', { name: /^Compared:/ }).all();
  const box = (await left!.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -500);
  await expect(compare.getByText(/^(?!100%)\d+%$/)).toHaveCount(2);
  expect(await right!.evaluate((img) => img.parentElement!.style.transform)).toBe(await left!.evaluate((img) => img.parentElement!.style.transform));

  await compare.getByRole('radio', { name: 'Slider' }).click();
  await expect(compare.getByText('Divider')).toBeVisible();
  await compare.getByRole('radio', { name: 'Difference' }).click();
  // Same seed, different prompt: some pixels changed, and the view says how many.
  await expect(compare.getByRole('status')).toHaveText(/^\d+\.\d% of pixels differ/);
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();
});

test('reproduce check says identical on the local engine', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a quiet harbor at night');
  await generateButton(page).click();
  await expect(entries(page)).toHaveCount(1);
  await entries(page).first().getByRole('button', { name: /^Open:/ }).click();
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  await viewer.getByRole('button', { name: 'Reproduce check' }).click();
  // (The viewer has a second status line, for its notices.)
  await expect(viewer.getByRole('status').filter({ hasText: /^Identical/ })).toContainText('Identical: the new image is byte for byte the stored one');
});

test('recent prompts come back with ArrowUp or from the list, and a starred one stays first', async ({ page }) => {
  await page.goto('/');
  for (const prompt of ['first prompt, a meadow', 'second prompt, a canyon']) {
    await page.getByLabel('Prompt', { exact: true }).fill(prompt);
    await generateButton(page).click();
  }
  await expect(entries(page)).toHaveCount(2);
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('second prompt, a canyon');
  await prompt.press('Home');
  await prompt.press('Control+Home');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('first prompt, a meadow');

  await page.getByText('Recent prompts (2)').click();
  const recent = page.getByRole('list', { name: 'Recent prompts' });
  await recent.getByRole('button', { name: 'Star prompt: first prompt, a meadow' }).click();
  await expect(recent.getByRole('listitem').first()).toContainText('first prompt, a meadow');
  await prompt.fill('');
  await recent.getByRole('button', { name: 'second prompt, a canyon', exact: true }).click();
  await expect(prompt).toHaveValue('second prompt, a canyon');
});

test('a style is added to the prompt with one click, and the entry records the prompt sent', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a cat on a windowsill');
  await page.getByRole('button', { name: 'Watercolor' }).click();
  await expect(page.getByRole('button', { name: 'Watercolor' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByText('Your own styles').click();
  await page.getByLabel('Style name').fill('Foggy');
  await page.getByLabel('Style text').fill('thick morning fog');
  await page.getByRole('button', { name: 'Add style' }).click();
  await page.getByRole('button', { name: 'Foggy', exact: true }).click();
  await generateButton(page).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('a cat on a windowsill, watercolor painting, soft edges, paper texture, thick morning fog');
  // The prompt field keeps what was typed; the styles stay switched on for the next one.
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('a cat on a windowsill');
});
