// Opening a plot for `npm run bench`: the largest plots a record may hold (4000 planned cells, in
// three shapes, one image made), imported into a fresh profile, then the time from pressing Open plot
// to its first grid on screen. Prints figures, asserts nothing.
import type { Browser } from 'playwright';
import { exportZip, png, record } from './zip-fixtures';

type Shape = { name: string; xs: number; ys: number; zs: number; perCell: number };
const SHAPES: Shape[] = [
  { name: '100 × 40', xs: 100, ys: 40, zs: 0, perCell: 1 },
  { name: '100 × 1 × 40 (Z)', xs: 100, ys: 0, zs: 40, perCell: 1 },
  { name: '100 × 10, 4 per cell', xs: 100, ys: 10, zs: 0, perCell: 4 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (n: number) => Array.from({ length: Math.max(n, 1) }, (_, i) => i);

function plotOf({ xs, ys, zs, perCell }: Shape, id: string) {
  const prompt = 'a lighthouse at dusk';
  const request = { prompt, num_inference_steps: 4, seed: 7, response_format: 'png', endpoint: 'local-engine' };
  const axis = (kind: string, n: number, from: number) => (n ? { def: { kind, text: `${from}-${from + n - 1}` }, plotted: { kind, values: range(n).map((i) => from + i) } } : null);
  const [x, y, z] = [axis('steps', xs, 1)!, axis('seed', ys, 100), axis('guidance', zs, 0)];
  const cells = range(zs).flatMap((zi) => range(ys).flatMap((yi) => range(xs).flatMap((xi) => range(perCell).map((k) => ({ x: xi, y: yi, z: zi, k, request, basePrompt: prompt, styles: [] })))));
  return { id, createdAt: Date.now(), prompt, fixed: 'Format: png', definition: { x: x.def, y: y?.def ?? null, z: z?.def ?? null, perCell }, axes: { x: x.plotted, y: y?.plotted ?? null, z: z?.plotted ?? null }, cells };
}

export async function benchPlotOpen(browser: Browser, base: string) {
  console.log('\nIn Chromium, Open plot → its first grid on screen, the largest plots a record may hold (4000 planned cells, 1 made):');
  const image = await png('#58a');
  for (const [i, shape] of SHAPES.entries()) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(base);
    const id = `bench-open-${i}`;
    const cell = record(`${id}-cell`, { group: { id, kind: 'plot', label: 'X/Y plot', index: 0, size: 1 }, cell: { x: 0, y: 0, z: 0, k: 0 } });
    await page.getByLabel('Import zip').setInputFiles({ name: 'plot.zip', mimeType: 'application/zip', buffer: exportZip([{ record: cell, image }], undefined, [plotOf(shape, id)]) });
    await page.getByText('Imported 1 image and 1 X/Y plot').waitFor({ timeout: 60_000 });
    const times: number[] = [];
    for (let n = 0; n < 3; n++) {
      const start = performance.now();
      await page.getByRole('button', { name: 'Open plot' }).click();
      await page.getByRole('region', { name: 'X/Y plot' }).getByRole('table').first().waitFor({ timeout: 60_000 });
      times.push(performance.now() - start);
      await page.getByRole('button', { name: 'Show the latest image' }).click();
      await page.getByRole('region', { name: 'X/Y plot' }).waitFor({ state: 'detached' });
    }
    console.log(`  ${shape.name.padEnd(24)} median ${median(times).toFixed(0)} ms (n=${times.length}; goal ≤ 1000 ms)`);
    await context.close();
  }
}
