// Helpers that drive the studio the way a designer does, by the controls' accessible names.
import { expect, type Locator, type Page } from '@playwright/test';

export const gallery = (page: Page) => page.getByRole('region', { name: 'Gallery' });
export const entries = (page: Page) => gallery(page).getByRole('listitem');
/** The one short notice in `scope` ("Imported 3 images", "Deleted"), never the progress line beside it. */
export const notice = (scope: Locator, role: 'status' | 'alert' = 'status') => scope.getByRole(role, { name: 'Notice' });

/**
 * Waits until the gallery holds `count` entries as a batch arrives: one image at a time, each given
 * the usual time (not the whole batch in one), so a busy machine that makes them slowly but steadily
 * passes, and a batch that stops, or makes one too many, fails.
 */
export async function expectEntryCount(page: Page, count: number) {
  const list = entries(page);
  for (let seen = await list.count(); seen < count; seen = await list.count()) await expect(list).not.toHaveCount(seen);
  await expect(list).toHaveCount(count);
}

/** Picks a mode as a designer does: its radio is visually hidden inside its label, so the label is clicked. */
export async function chooseMode(page: Page, name: string) {
  const radio = page.getByRole('radio', { name });
  await page.locator('label').filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

export interface Settings {
  prompt: string;
  steps?: number;
  seed?: number;
  format?: string;
}

export async function fillForm(page: Page, { prompt, steps, seed, format }: Settings) {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  if (steps !== undefined) await page.getByLabel('Steps', { exact: true }).fill(String(steps));
  if (seed !== undefined) await page.getByLabel('Seed', { exact: true }).fill(String(seed));
  if (format !== undefined) await page.getByLabel('Format', { exact: true }).selectOption(format);
}

/** Generates and waits until the gallery holds one more entry. */
export async function generate(page: Page, settings: Settings) {
  await expect(page.getByLabel('Prompt', { exact: true })).toBeEnabled();
  const before = await entries(page).count();
  await fillForm(page, settings);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(entries(page)).toHaveCount(before + 1);
  return entries(page).first();
}

/** The form's current values, as the controls show them. */
export async function formValues(page: Page) {
  return {
    prompt: await page.getByLabel('Prompt', { exact: true }).inputValue(),
    steps: await page.getByLabel('Steps', { exact: true }).inputValue(),
    seed: await page.getByLabel('Seed', { exact: true }).inputValue(),
    locked: await page.getByRole('checkbox', { name: /Lock seed/ }).isChecked(),
    format: await page.getByLabel('Format', { exact: true }).inputValue(),
  };
}
