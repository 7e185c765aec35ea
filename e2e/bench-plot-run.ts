// Browser figure for `npm run bench`: a 5 × 5 X/Y plot on the local engine (1024² PNG) against 25
// images made as batches through the same queue (same concurrency, same storing), from pressing
// Generate to the 25th image stored. Prints figures, asserts nothing.
import type { Browser, Page } from 'playwright';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function fresh(browser: Browser, base: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(base);
  await page.getByLabel('Prompt', { exact: true }).fill('a fox in the snow at dawn');
  await page.getByLabel('Format').selectOption('png');
  return page;
}

const stored = (page: Page, n: number) => page.getByText(new RegExp(`^${n} images · kept in this browser`)).waitFor({ timeout: 120_000 });

async function batches(browser: Browser, base: string): Promise<number> {
  const page = await fresh(browser, base);
  const generate = page.getByRole('button', { name: 'Generate', exact: true });
  const start = performance.now();
  for (const count of [8, 8, 8, 1]) {
    await page.getByLabel('Count').fill(String(count));
    await generate.click();
  }
  await stored(page, 25);
  const ms = performance.now() - start;
  await page.context().close();
  return ms;
}

async function plot(browser: Browser, base: string): Promise<number> {
  const page = await fresh(browser, base);
  await page.locator('label').filter({ has: page.getByRole('radio', { name: 'X/Y plot' }) }).click();
  await page.getByLabel('X axis', { exact: true }).selectOption({ label: 'Seed' });
  await page.getByLabel('X values', { exact: true }).fill('1-5');
  await page.getByLabel('Y axis', { exact: true }).selectOption({ label: 'Prompt S/R' });
  await page.getByLabel('Y values', { exact: true }).fill('fox, cat, owl, hare, lynx');
  const start = performance.now();
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await stored(page, 25);
  const ms = performance.now() - start;
  await page.context().close();
  return ms;
}

export async function benchPlotRun(browser: Browser, base: string) {
  const batch: number[] = [];
  const plotted: number[] = [];
  for (let run = 0; run < 3; run++) {
    batch.push(await batches(browser, base));
    plotted.push(await plot(browser, base));
  }
  const [b, p] = [median(batch), median(plotted)];
  console.log('\nIn Chromium, 25 images of 1024×1024 PNG on the local engine, pressing Generate → the 25th stored:');
  console.log(`  as batches (8 + 8 + 8 + 1)   median ${(b / 1000).toFixed(2)} s (n=${batch.length})`);
  console.log(`  as a 5 × 5 X/Y plot         median ${(p / 1000).toFixed(2)} s (n=${plotted.length}), ${(((p - b) / b) * 100).toFixed(0)}% against the batches (goal: within 15%)`);
}
