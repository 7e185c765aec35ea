// Download grid's figure for `npm run bench`: a 5 × 5 plot of 1024² PNGs from the local engine,
// imported into a fresh profile, then the time from pressing Download grid (384 px cells) to the
// sheet handed to the browser as a download. Prints a figure, asserts nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import type { GenerateResponse } from '../server/contract';
import { exportZip, plotRecord } from './zip-fixtures';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPlotSheet(browser: Browser, base: string) {
  const prompt = 'a red barn in a wheat field';
  const plot = plotRecord('bench-plot', prompt, [1, 2, 3, 4, 5], [21, 22, 23, 24, 25]);
  const items = [];
  for (const [index, cell] of plot.cells.entries()) {
    const answer = (await (await fetch(`${base}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cell.request) })).json()) as GenerateResponse;
    const image = answer.images[0]!;
    const bytes = new Uint8Array(await (await fetch(new URL(image.url, base))).arrayBuffer());
    const record = {
      id: image.id, prompt, num_inference_steps: image.num_inference_steps, seed: image.seed, response_format: 'png', engine: answer.engine, endpoint: 'local-engine', createdAt: Date.now(),
      elapsedMs: answer.elapsed_ms, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes,
      group: { id: plot.id, kind: 'plot', label: 'X/Y plot: Steps × Seed', index, size: 25 }, cell: { x: cell.x, y: cell.y, z: 0, k: 0 },
    };
    items.push({ record, image: bytes });
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base);
  // Past 50 MB: Playwright takes a file of that size by its path only.
  const dir = await mkdtemp(join(tmpdir(), 'bench-plot-'));
  const zip = join(dir, 'plot.zip');
  try {
    await writeFile(zip, exportZip(items, undefined, [plot]));
    await page.getByLabel('Import zip').setInputFiles(zip);
    // The browser reads the file while importing: it is removed after.
    await page.getByText('Imported 25 images and 1 X/Y plot').waitFor({ timeout: 180_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const button = page.getByRole('region', { name: 'Gallery' }).getByRole('button', { name: 'Download grid' });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const downloading = page.waitForEvent('download');
    await button.click();
    await downloading;
    times.push(performance.now() - start);
    await page.getByRole('button', { name: 'Download grid' }).waitFor();
  }
  console.log(`\nIn Chromium, Download grid, 5×5 at 384 px (1024² PNG cells): median ${median(times).toFixed(0)} ms (n=${times.length}; goal ≤ 1500 ms)`);
  await context.close();
}
