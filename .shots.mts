// Temporary: screenshots of the queue with Interrupted jobs (not committed).
import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:9291/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [w, h] of [[1366, 768], [390, 844]]) {
  for (const scheme of ['light', 'dark'] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(base);
    let seen = 0;
    await page.route(/\/api\/generate$/, (route) => (++seen <= 1 ? route.fallback() : undefined));
    await page.getByLabel('Prompt', { exact: true }).fill('a lighthouse at dusk over a stormy sea');
    await page.getByLabel('Count').fill('5');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByRole('region', { name: 'Queue' }).getByText('Done', { exact: true }).waitFor({ timeout: 60000 });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    const queue = page.getByRole('region', { name: 'Queue' });
    await queue.getByRole('button', { name: 'Resume all' }).waitFor();
    await queue.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/h-resume-shots/queue-${w}-${scheme}.png` });
    await queue.screenshot({ path: `/tmp/h-resume-shots/queue-only-${w}-${scheme}.png` });
    await ctx.close();
  }
}
await browser.close();
