// Hostile plots and zips (issue 17, items 9-12): a plot record larger than any plan, or with cells
// outside its axes, is refused (at import, and when a stored one is shown: its id is then dropped, so
// a reload does not bring it back); an import never changes a stored plot; a zip image is refused by
// its header's size before it is decoded; a dropped sheet whose plot record is too large says so;
// and Download grid splits a grid too wide for one canvas, or says before drawing why it will not.
import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, zlibSync } from 'fflate';
import { pngTexts } from '../web/src/features/gallery/utils/png-text';
import { gallery } from './studio';
import { exportZip, png, record } from './zip-fixtures';

/** A plot of `xs` steps values (and `ys` seeds, `zs` guidance values when given), with the cells given (default: every one). */
function plot(id: string, prompt: string, { xs, ys = 0, zs = 0, perCell = 1, cells }: { xs: number; ys?: number; zs?: number; perCell?: number; cells?: { x: number; y: number; z: number; k: number }[] }) {
  const range = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i);
  const request = { prompt, num_inference_steps: 4, seed: 7, response_format: 'png', endpoint: 'local-engine' };
  const all = cells ?? range(Math.max(zs, 1), 0).flatMap((z) => range(Math.max(ys, 1), 0).flatMap((y) => range(xs, 0).flatMap((x) => range(perCell, 0).map((k) => ({ x, y, z, k })))));
  const axis = (kind: string, values: number[]) => ({ def: { kind, text: values.join(', ') }, plotted: { kind, values } });
  const x = axis('steps', range(xs, 1));
  const y = ys ? axis('seed', range(ys, 100)) : null;
  const z = zs ? axis('guidance', range(zs, 0)) : null;
  return {
    id, createdAt: 1_700_000_000_000, prompt, fixed: 'Format: png, Model: local-engine',
    definition: { x: x.def, y: y?.def ?? null, z: z?.def ?? null, perCell },
    axes: { x: x.plotted, y: y?.plotted ?? null, z: z?.plotted ?? null },
    cells: all.map((c) => ({ ...c, request, basePrompt: prompt, styles: [] })),
  };
}

/** A gallery record that is the plot's first cell. */
const cellRecord = (id: string, plotId: string) => record(id, { group: { id: plotId, kind: 'plot', label: 'X/Y plot', index: 0, size: 1 }, cell: { x: 0, y: 0, z: 0, k: 0 } });

async function importZip(page: Page, zip: Buffer) {
  await page.getByLabel('Import zip').setInputFiles({ name: 'plots.zip', mimeType: 'application/zip', buffer: zip });
}

/** The plot records stored in this browser, by id (read as the studio stores them). */
const storedPlots = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, { prompt: string }>>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-plots');
        // Created as the studio creates it, if this comes first.
        open.onupgradeneeded = () => open.result.createObjectStore('plots');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('plots').objectStore('plots');
          const all = store.getAll();
          const keys = store.getAllKeys();
          all.onsuccess = () => keys.onsuccess = () => resolve(Object.fromEntries(keys.result.map((k, i) => [String(k), all.result[i] as { prompt: string }])));
        };
      }),
  );

/** Writes a plot record straight into IndexedDB, as an earlier version of the studio could have. */
const storeRaw = (page: Page, value: unknown) =>
  page.evaluate(
    (value: { id: string }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('friendli-studio-plots');
        open.onupgradeneeded = () => open.result.createObjectStore('plots');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('plots', 'readwrite');
          tx.objectStore('plots').put(value, value.id);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    value as { id: string },
  );

const shownPlotId = (page: Page) => page.evaluate(() => (JSON.parse(sessionStorage.getItem('friendli-studio-plot-shown') ?? '{}') as { state?: { shownPlotId?: unknown } }).state?.shownPlotId ?? null);

test('a zip’s plot larger than any plan, or with a cell outside its axes, is refused; its images come in', async ({ page }) => {
  await page.goto('/');
  const huge = plot('plot-huge', 'a cube of values', { xs: 100, ys: 100, zs: 100, cells: [{ x: 0, y: 0, z: 0, k: 0 }] });
  const outside = plot('plot-outside', 'a cell outside', { xs: 2, ys: 2, cells: [{ x: 0, y: 0, z: 0, k: 0 }, { x: 50, y: 0, z: 0, k: 0 }] });
  const image = await png('#c33');
  await importZip(page, exportZip([{ record: cellRecord('cube-1', 'plot-huge'), image }, { record: cellRecord('outside-1', 'plot-outside'), image }], undefined, [huge, outside]));
  await expect(gallery(page).getByRole('alert')).toHaveText('Imported 2 images, skipped 2 damaged plot records (their images came in)');
  expect(await storedPlots(page)).toEqual({});
});

test('a stored plot record past the bound is not drawn: its message shows, and the shown-plot id is dropped so a reload shows the latest image', async ({ page }) => {
  await page.goto('/');
  // 100 × 100 values: 10,000 cells, a grid no plan can make (4000 at most).
  const wide = plot('plot-wide', 'ten thousand cells', { xs: 100, ys: 100, cells: [{ x: 0, y: 0, z: 0, k: 0 }] });
  await storeRaw(page, wide);
  await page.evaluate(() => sessionStorage.setItem('friendli-studio-plot-shown', JSON.stringify({ state: { shownPlotId: 'plot-wide' }, version: 0 })));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'This plot' })).toHaveText('This plot’s record names 10,000 cells, more than the 4000 a plot keeps, so it is not shown. Its images, if any, are in the gallery.');
  await expect(page.getByRole('region', { name: 'X/Y plot' })).toHaveCount(0);
  await expect.poll(() => shownPlotId(page)).toBeNull();
  await page.reload();
  await expect(page.getByText('Write a prompt and press Generate.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'This plot' })).toHaveCount(0);
});

test('importing a zip never changes a stored plot: the same record is skipped, a different one under its id comes in under a new id', async ({ page }) => {
  await page.goto('/');
  const image = await png('#36c');
  const mine = plot('plot-shared-id', 'my own plot', { xs: 2 });
  const theirs = plot('plot-shared-id', 'their plot, other requests', { xs: 3 });
  await importZip(page, exportZip([{ record: cellRecord('mine-1', mine.id), image }], undefined, [mine]));
  await expect(gallery(page).getByRole('status')).toHaveText('Imported 1 image and 1 X/Y plot');

  await importZip(page, exportZip([{ record: cellRecord('theirs-1', theirs.id), image }], undefined, [theirs]));
  await expect(gallery(page).getByRole('status')).toHaveText('Imported 1 image and 1 X/Y plot. 1 X/Y plot had the id of a different plot already here, so it came in under a new id; the one here is unchanged.');
  const stored = await storedPlots(page);
  expect(stored['plot-shared-id']).toEqual(mine);
  const [newId] = Object.keys(stored).filter((id) => id !== 'plot-shared-id');
  expect(stored[newId!]).toEqual({ ...theirs, id: newId });

  // Their cell sits in their plot: opened, its grid is theirs (3 columns, its one image made).
  await gallery(page).getByRole('button', { name: 'Open plot' }).first().click();
  const grid = page.getByRole('region', { name: 'X/Y plot' });
  await expect(grid).toContainText('1 of 3 images · their plot, other requests');

  // The same zip again changes nothing, and says so.
  await importZip(page, exportZip([{ record: cellRecord('mine-1', mine.id), image }], undefined, [mine]));
  await expect(gallery(page).getByRole('status')).toHaveText('Imported 0 images, skipped 1 already here, skipped 1 X/Y plot already here');
  expect(Object.keys(await storedPlots(page))).toHaveLength(2);
});

/** A whole, valid PNG of `side`×`side` px (1-bit grey, all black): a few KB that decode to side² pixels. */
function bigPng(side: number) {
  const chunk = (name: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(name, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth 1, colour type 0 (grey), no interlace
  const rows = Buffer.alloc((1 + side / 8) * side); // each row: filter 0, then side/8 zero bytes
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}

test('a zip image larger than 4096 px a side by its header is refused before decoding; the others come in', async ({ page }) => {
  await page.goto('/');
  const huge = bigPng(16384);
  expect(huge.length).toBeLessThan(300_000);
  await importZip(page, exportZip([{ record: record('huge-1', { width: 8, height: 8 }), image: huge }, { record: record('fine-1'), image: await png('#393') }]));
  await expect(gallery(page).getByRole('alert')).toHaveText('Imported 1 image, refused 1 image larger than 4096 px a side');
  await expect(gallery(page).getByRole('listitem')).toHaveCount(1);
});

test('a dropped contact sheet whose plot record inflates past the cap says it is too large', async ({ page }) => {
  await page.goto('/');
  // A compressed iTXt `friendli-studio-plot`: 12 MB of text in a few KB.
  const keyword = Buffer.from('friendli-studio-plot\0\x01\x00\0\0', 'latin1');
  const data = Buffer.concat([keyword, Buffer.from(zlibSync(new Uint8Array(12 * 1024 * 1024).fill(0x20)))]);
  const base = Buffer.from(await png('#eee'));
  const iend = base.length - 12;
  const chunk = Buffer.alloc(data.length + 12);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('iTXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const sheet = Buffer.concat([base.subarray(0, iend), chunk, base.subarray(iend)]);
  const transfer = await page.evaluateHandle((base64) => {
    const t = new DataTransfer();
    t.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'grid.png', { type: 'image/png' }));
    return t;
  }, sheet.toString('base64'));
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('alert').filter({ hasText: 'grid.png' })).toHaveText('“grid.png” is a contact sheet whose X/Y plot record is too large (over 8 MiB, or more than 4000 cells), so the plot could not be restored. Your form is unchanged.');
});

const pngSize = (b: Uint8Array) => ({ width: new DataView(b.buffer, b.byteOffset).getUint32(16), height: new DataView(b.buffer, b.byteOffset).getUint32(20) });

test('Download grid splits a grid wider than one canvas into parts, each a sheet carrying the plot', async ({ page }) => {
  await page.goto('/');
  // 40 values × 4 images per cell at 256 px: 41,000 px wide, past what a canvas may be.
  const wide = plot('plot-wide-sheet', 'a long strip', { xs: 40, perCell: 4 });
  await importZip(page, exportZip([{ record: cellRecord('strip-1', wide.id), image: await png('#963') }], undefined, [wide]));
  await expect(gallery(page).getByRole('status')).toHaveText('Imported 1 image and 1 X/Y plot');
  await gallery(page).getByLabel('Grid cell size').selectOption('256');
  const downloading = page.waitForEvent('download');
  await gallery(page).getByRole('button', { name: 'Download grid' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-6-sheets\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const sheets = Object.keys(files).filter((n) => n.endsWith('.png')).sort();
  expect(sheets).toEqual([1, 2, 3, 4, 5, 6].map((n) => `plot-01-sheet-part-0${n}-of-6.png`));
  for (const name of sheets) {
    const { width, height } = pngSize(files[name]!);
    expect(width).toBeLessThanOrEqual(8192);
    expect(height).toBeLessThan(1000);
    expect(JSON.parse(pngTexts(files[name]!).get('friendli-studio-plot')!)).toEqual({ version: 1, plot: wide });
  }
  // Seven columns of 4 × 256 px per part (the last holds the five left).
  expect(pngSize(files[sheets[0]!]!).width).toBe(16 + 7 * 1024 + 6 * 8 + 16);
  expect(pngSize(files[sheets[5]!]!).width).toBe(16 + 5 * 1024 + 4 * 8 + 16);
});

test('Download grid on a 4000-cell plot at 384 px says before drawing why not', async ({ page }) => {
  await page.goto('/');
  const big = plot('plot-big-sheet', 'four thousand cells', { xs: 100, ys: 40, cells: [{ x: 0, y: 0, z: 0, k: 0 }] });
  await importZip(page, exportZip([{ record: cellRecord('big-1', big.id), image: await png('#369') }], undefined, [big]));
  await expect(gallery(page).getByRole('status')).toHaveText('Imported 1 image and 1 X/Y plot');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await gallery(page).getByRole('button', { name: 'Download grid' }).click();
  await expect(gallery(page).getByRole('alert')).toHaveText(/^The grid was not drawn: At 384 px a cell this grid would be \d+ million pixels, more than the 400 million one download holds\. Choose a smaller cell size, or switch some values off\.$/);
  await expect(gallery(page).getByRole('button', { name: 'Download grid' })).toBeEnabled();
  expect(downloaded).toBe(false);
});
