// The form as a designer types into it all day: recent prompts by arrow keys without losing the
// draft, a seed field that says what it will do, Ctrl+Enter from either prompt, counts in words.
import { expect, test, type Page } from '@playwright/test';
import { chooseMode, entries, gallery, notice } from './studio';

const generateButton = (page: Page) => page.getByRole('button', { name: 'Generate', exact: true });

/** Two prompts generated (so recent), then a draft typed: the prompt field. */
async function twoPromptsAndADraft(page: Page) {
  await page.goto('/');
  const prompt = page.getByLabel('Prompt', { exact: true });
  for (const text of ['first, a meadow', 'second, a canyon']) {
    await prompt.fill(text);
    await generateButton(page).click();
  }
  await expect(entries(page)).toHaveCount(2);
  await prompt.fill('my unfinished draft');
  return prompt;
}

test('ArrowUp from a draft walks back through recent prompts and ArrowDown brings the draft back, one press a step', async ({ page }) => {
  const prompt = await twoPromptsAndADraft(page);
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('second, a canyon');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('first, a meadow');
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('second, a canyon');
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('my unfinished draft');
  // Past the draft there is nothing more: the draft stays.
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('my unfinished draft');
});

test('arrow keys pressed faster than the page renders still take one step each', async ({ page }) => {
  const prompt = await twoPromptsAndADraft(page);
  // Two presses in one go, with no render between them.
  await prompt.evaluate((el) => {
    for (let i = 0; i < 2; i++) el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
  });
  await expect(prompt).toHaveValue('first, a meadow');
});

/** Holds the scripts `pattern` names until `release()`, as on a slow network; `requested` says one was asked for. */
async function holdScript(page: Page, pattern: string) {
  let asked!: () => void;
  let release!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { requested, release };
}

test('Generate sends the form as it was when pressed, even while the planner is still loading', async ({ page }) => {
  // The planner's script arrives late, as on a slow or busy machine: held until the prompt has changed.
  const { requested: planner, release } = await holdScript(page, '**/assets/plan-jobs-*.js');
  await page.goto('/');
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('a meadow at noon');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/generate');
  await generateButton(page).click();
  await prompt.fill('typed right after pressing Generate');
  await planner;
  release();
  expect((await sent).postDataJSON()).toMatchObject({ prompt: 'a meadow at noon' });
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('a meadow at noon');
});

test('after a reload the form waits for its stored draft: nothing can be typed before the draft is back', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('my draft before the reload');
  await page.getByLabel('Steps', { exact: true }).fill('7');
  // The code that checks a stored draft arrives late, as on a slow network: held until looked at.
  const { requested: checker, release } = await holdScript(page, '**/assets/form-draft-*.js');
  await page.reload();
  await checker;
  // The settings are in (the badge is drawn from them), the draft is not: the form is not there yet.
  await expect(page.getByText('Local engine', { exact: true })).toBeVisible();
  await expect(page.getByText('Loading the studio…')).toBeVisible();
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveCount(0);
  release();
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('my draft before the reload');
  await expect(page.getByLabel('Steps', { exact: true })).toHaveValue('7');
});

test('a typed seed with Lock seed off: the hint says it is used once, and it is; a non-integer gets a message', async ({ page }) => {
  await page.goto('/');
  const seed = page.getByLabel('Seed', { exact: true });
  const hint = page.getByText(/^(this seed|a new random seed|a random seed now)/);
  await expect(seed).toHaveAttribute('placeholder', 'Random');
  await expect(hint).toHaveText('a new random seed each time');
  await page.getByLabel('Prompt', { exact: true }).fill('a seed typed once');
  await seed.fill('4242');
  await expect(hint).toHaveText('this seed for the next run, then random');
  await generateButton(page).click();
  await expect(entries(page).first()).toContainText('Seed 4242');
  await expect(seed).toHaveValue('');
  await expect(hint).toHaveText('a new random seed each time');

  for (const bad of ['12.5', '-3', '4294967296', '12abc']) {
    await seed.fill(bad);
    await expect(seed).toHaveValue(bad);
    await expect(page.getByRole('alert').filter({ hasText: 'A seed is a whole number from 0 to 4294967295' })).toBeVisible();
    await expect(generateButton(page)).toBeDisabled();
  }
  await seed.fill('77');
  await expect(page.getByRole('alert').filter({ hasText: 'A seed is a whole number' })).toHaveCount(0);
  await expect(generateButton(page)).toBeEnabled();
});

test('Ctrl+Enter in Prompt B generates, and a count of one is “1 image”', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a red kite over the hill');
  await chooseMode(page, 'Prompt A/B');
  const promptB = page.getByLabel('Prompt B');
  await promptB.fill('a blue kite over the hill');
  await promptB.press('Control+Enter');
  await expect(entries(page)).toHaveCount(2);
  await expect(gallery(page).getByText('2 images', { exact: true })).toBeVisible();

  await chooseMode(page, 'Images');
  await expect(page.getByLabel('Count')).toHaveValue('1');
  await expect(page.getByText('image', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('dialog', { name: 'Clear the gallery' }).getByRole('button', { name: 'Delete all' }).click();
  await generateButton(page).click();
  await expect(gallery(page).getByText(/^1 image · kept/)).toBeVisible();
  await page.getByRole('button', { name: 'Export all' }).click();
  await expect(notice(gallery(page))).toHaveText('Exported 1 image');
});

test('an exported zip dropped on the page is imported into the gallery', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a zip dropped back in');
  await generateButton(page).click();
  await expect(entries(page)).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const zip = (await import('node:fs')).readFileSync((await (await downloading).path())!);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('dialog', { name: 'Clear the gallery' }).getByRole('button', { name: 'Delete all' }).click();
  await expect(entries(page)).toHaveCount(0);

  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'my-export.zip', { type: 'application/zip' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, zip.toString('base64'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 image from “my-export.zip”.' })).toBeInViewport();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('a zip dropped back in');
});
