// Download grid: a plot's contact sheet is a PNG of the layout's size carrying the whole plot;
// dropped on a fresh page it restores the plot into the form; a Z axis gives a zip of sheets; and
// export/import keeps the plot whole. The plot is made without the plot form (built elsewhere):
// its images come from the local app's API and reach the gallery in an imported zip.
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import type { GenerateResponse } from '../server/contract';
import { pngTexts } from '../web/src/features/gallery/utils/png-text';
import { sheetLayout } from '../web/src/features/gallery/utils/contact-sheet';
import type { PlotRecord } from '../web/src/lib/plot';
import { LOCAL_APP } from './servers';
import { gallery, notice } from './studio';
import { exportZip, plotRecord } from './zip-fixtures';

const PROMPT = 'a red barn in a wheat field';
const STEPS = [1, 2];
const SEEDS = [11, 12];

/** The plot's cells from the app's API, as gallery records in the plot's group, with their bytes. */
async function cells(request: APIRequestContext, plot: ReturnType<typeof plotRecord>, suffix = '') {
  const items = [];
  for (const [index, cell] of plot.cells.entries()) {
    const response = await request.post('/api/generate', { data: cell.request });
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as GenerateResponse;
    const image = answer.images[0]!;
    const bytes = new Uint8Array(await (await request.get(image.url)).body());
    const record = {
      id: `${image.id}${suffix}`, prompt: PROMPT, num_inference_steps: image.num_inference_steps, seed: image.seed, response_format: 'png', engine: answer.engine, endpoint: 'local-engine',
      createdAt: Date.now(), elapsedMs: answer.elapsed_ms, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes,
      group: { id: plot.id, kind: 'plot', label: 'X/Y plot: Steps × Seed', index, size: plot.cells.length }, cell: { x: cell.x, y: cell.y, z: cell.z, k: cell.k },
    };
    items.push({ record, image: bytes });
  }
  return items;
}

const size = (png: Uint8Array) => ({ width: new DataView(png.buffer, png.byteOffset).getUint32(16), height: new DataView(png.buffer, png.byteOffset).getUint32(20) });
const embedded = (png: Uint8Array) => (JSON.parse(pngTexts(png).get('friendli-studio-plot')!) as { version: number; plot: unknown });

async function importZip(page: Page, zip: Buffer) {
  await page.getByLabel('Import zip').setInputFiles({ name: 'plot.zip', mimeType: 'application/zip', buffer: zip });
}

async function downloadGrid(page: Page) {
  const downloading = page.waitForEvent('download');
  await gallery(page).getByRole('button', { name: 'Download grid' }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile((await download.path())!)) };
}

async function drop(page: Page, name: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(({ base64, name }) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name, { type: 'image/png' }));
    return transfer;
  }, { base64: Buffer.from(bytes).toString('base64'), name });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

const draft = (page: Page) => page.evaluate(() => (JSON.parse(sessionStorage.getItem('friendli-studio-form') ?? '{}') as { state?: Record<string, unknown> }).state);

test('Download grid gives a sheet of the layout’s size carrying the plot; dropped on a fresh page it restores the plot; export and import keep the plot', async ({ page, request, browser }) => {
  const plot = plotRecord('plot-e2e-1', PROMPT, STEPS, SEEDS);
  await page.goto('/');
  await importZip(page, exportZip(await cells(request, plot), undefined, [plot]));
  await expect(notice(gallery(page))).toHaveText('Imported 4 images and 1 X/Y plot');

  // 256 px cells: the sheet is exactly the layout's size, and carries the plot as it was stored.
  await gallery(page).getByLabel('Grid cell size').selectOption('256');
  const sheet = await downloadGrid(page);
  expect(sheet.name).toMatch(/\.png$/);
  const layout = sheetLayout(plot as PlotRecord, 256);
  expect(size(sheet.bytes)).toEqual({ width: layout.width, height: layout.height });
  expect(layout.width).toBe(16 + 160 + 2 * 256 + 8 + 16);
  expect(embedded(sheet.bytes)).toEqual({ version: 1, plot });
  expect(pngTexts(sheet.bytes).get('parameters')).toContain('X axis: Steps = 1 | 2');

  // A fresh page: dropping the sheet restores the plot into the form.
  const context = await browser.newContext({ baseURL: LOCAL_APP });
  const fresh = await context.newPage();
  await fresh.goto('/');
  await drop(fresh, sheet.name, sheet.bytes);
  await expect(fresh.getByRole('status').filter({ hasText: `Restored the X/Y plot from “${sheet.name}”` })).toBeVisible();
  await expect(fresh.getByLabel('Prompt', { exact: true })).toHaveValue(PROMPT);
  await expect(fresh.getByLabel('Seed', { exact: true })).toHaveValue('11');
  await expect.poll(async () => (await draft(fresh))?.mode).toBe('plot');
  expect((await draft(fresh))?.plot).toEqual(plot.definition);

  // Export from the first page, import into the fresh one: the plot comes along, and Download grid works there.
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const exported = await readFile((await (await exporting).path())!);
  expect(JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(exported))['manifest.json']!)).plots).toEqual([plot]);
  await importZip(fresh, exported);
  await expect(notice(gallery(fresh))).toHaveText('Imported 4 images and 1 X/Y plot');
  const again = await downloadGrid(fresh);
  const at384 = sheetLayout(plot as PlotRecord, 384);
  expect(size(again.bytes)).toEqual({ width: at384.width, height: at384.height });
  expect(embedded(again.bytes)).toEqual({ version: 1, plot });
  await context.close();
});

test('a plot with a Z axis of two values: Download grid gives a zip of two sheets, one per value', async ({ page, request }) => {
  const plot = plotRecord('plot-e2e-z', PROMPT, STEPS, SEEDS, 'z');
  await page.goto('/');
  await importZip(page, exportZip(await cells(request, plot, '-z'), undefined, [plot]));
  await expect(notice(gallery(page))).toHaveText('Imported 4 images and 1 X/Y plot');
  const { name, bytes } = await downloadGrid(page);
  expect(name).toMatch(/-2-sheets\.zip$/);
  const sheets = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith('.png')).sort(([a], [b]) => a.localeCompare(b));
  expect(sheets.map(([n]) => n)).toEqual(['plot-01-11.png', 'plot-02-12.png']);
  const layout = sheetLayout(plot as PlotRecord, 384);
  for (const [, png] of sheets) {
    expect(size(png)).toEqual({ width: layout.width, height: layout.height });
    expect(embedded(png)).toEqual({ version: 1, plot });
  }
  expect(pngTexts(sheets[1]![1]).get('parameters')).toContain('This sheet: Seed = 12');
});

test('values switched off are left out of the sheet, and a cell with no image is an empty box', async ({ page, request }) => {
  const made = plotRecord('plot-e2e-off', PROMPT, STEPS, SEEDS);
  // Steps 2 switched off: one column; of its two cells only the first (seed 11) is in the gallery.
  const plot = { ...made, definition: { ...made.definition, x: { ...made.definition.x, off: [1] } } };
  const [first] = await cells(request, { ...plot, cells: plot.cells.slice(0, 1) }, '-off');
  await page.goto('/');
  await importZip(page, exportZip([first!], undefined, [plot]));
  await expect(notice(gallery(page))).toHaveText('Imported 1 image and 1 X/Y plot');
  await gallery(page).getByLabel('Grid cell size').selectOption('256');
  const sheet = await downloadGrid(page);
  const layout = sheetLayout(plot as PlotRecord, 256);
  expect(layout.cols).toEqual([0]);
  expect(size(sheet.bytes)).toEqual({ width: 16 + 160 + 256 + 16, height: layout.height });
  // The missing cell (row 2) is the light empty box; the one made (row 1) is the image.
  const pixel = async (x: number, y: number) => [...(await sharp(Buffer.from(sheet.bytes)).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer())];
  expect(await pixel(layout.left + 20, layout.top + 256 + 8 + 20)).toEqual([0xf4, 0xf4, 0xf5]);
  expect(await pixel(layout.left + 128, layout.top + 40)).not.toEqual([0xf4, 0xf4, 0xf5]);
});
