// Generating, the gallery that never forgets, and the engine on show.
import { expect, test } from '@playwright/test';
import { entries, formValues, gallery, generate } from './studio';

test('type a prompt, generate, see the image', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/offline preview engine/i)).toBeVisible();
  await page.getByLabel('Prompt', { exact: true }).fill('mountain landscape at sunset');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const image = page.getByRole('img', { name: /mountain landscape at sunset/ });
  await expect(image).toBeVisible();
  // The image really loaded and decoded: a 1024×1024 picture, not a broken icon.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1024);
});

test('generate with chosen steps, seed and format; the entry keeps them and survives a reload', async ({ page }) => {
  await page.goto('/');
  const entry = await generate(page, { prompt: 'a lighthouse on a cliff at dusk', steps: 7, seed: 1234, format: 'jpeg' });
  await expect(entry).toContainText('a lighthouse on a cliff at dusk');
  await expect(entry).toContainText('Seed 1234 · 7 steps');
  await expect(page.getByText('jpeg · 1024×1024')).toBeVisible();

  await page.reload();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('Seed 1234 · 7 steps');
  // The image itself came back from IndexedDB, not only its record.
  const latest = page.getByRole('img', { name: /Generated from: a lighthouse/ });
  await expect.poll(() => latest.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1024);
  await expect.poll(() => latest.getAttribute('src')).toMatch(/^blob:/);
  // The form's values survived the reload too.
  expect(await formValues(page)).toMatchObject({ prompt: 'a lighthouse on a cliff at dusk', steps: '7', format: 'jpeg' });
});

test('an unlocked seed is random each time and the one used is recorded; a locked one repeats', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'ocean waves' });
  await generate(page, { prompt: 'ocean waves' });
  const seeds = await gallery(page).getByText(/^Seed \d+/).allTextContents();
  expect(new Set(seeds).size).toBe(2);
  expect((await formValues(page)).seed).toBe('');

  await page.getByRole('button', { name: 'Random seed' }).click();
  const seed = (await formValues(page)).seed;
  expect(seed).toMatch(/^\d+$/);
  await page.getByRole('checkbox', { name: /Lock seed/ }).check();
  await generate(page, { prompt: 'ocean waves' });
  await generate(page, { prompt: 'ocean waves' });
  await expect(gallery(page).getByText(`Seed ${seed} · 4 steps`)).toHaveCount(2);
  expect((await formValues(page)).seed).toBe(seed);
});

test('a prompt in any script, with emoji, survives the gallery round trip byte for byte', async ({ page }) => {
  const prompt = 'שלום עולם 🌅 مرحبا بالعالم — 東京の夜景, 👩🏽‍🚀\n\tcafé naïve Ωμέγα';
  await page.goto('/');
  await generate(page, { prompt, seed: 9 });
  await page.reload();
  await page.getByLabel('Prompt', { exact: true }).fill('something else');
  await entries(page).first().getByRole('button', { name: 'Reuse settings' }).click();
  expect(await page.getByLabel('Prompt', { exact: true }).inputValue()).toBe(prompt);
  const stored = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const r = indexedDB.open('friendli-studio-entries');
        r.onsuccess = () => {
          const all = r.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => resolve(all.result.map((e: { prompt: string }) => e.prompt));
        };
      }),
  );
  expect(stored).toEqual([prompt]);
});
