// Browser figures for `npm run bench` (after the server's): initial JavaScript and CSS gzipped,
// time from pressing Generate to the image painted (also with a source image set: an edit), Download
// grid for a 5 × 5 plot (bench-plot-sheet.ts), opening the largest plots a record may hold
// (bench-plot-open.ts), and a 100,000-entry gallery (bench-gallery.ts).
// Prints figures, asserts nothing. Needs a build (npm run bench makes one).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import sharp from 'sharp';
import { startServerProcess, stopServersOnSignals } from '../server/test/server-process';
import { benchGallery } from './bench-gallery';
import { benchPlotOpen } from './bench-plot-open';
import { benchPlotRun } from './bench-plot-run';
import { benchPlotSheet } from './bench-plot-sheet';
import { launchOptions } from './browser';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

// 1. What the first page load fetches: every script, module preload and stylesheet named in index.html.
const html = readFileSync('dist/index.html', 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)];
console.log('\nInitial web assets (gzipped; lazily loaded chunks not counted):');
for (const kind of ['js', 'css']) {
  const files = assets.filter((a) => a[2] === kind).map((a) => ({ name: a[1]!, bytes: gzipSync(readFileSync(`dist/${a[1]}`)).length }));
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  console.log(`  ${kind === 'js' ? 'JavaScript' : 'CSS'}: ${(bytes / 1024).toFixed(1)} KB`);
  // Each script, largest first: what to look at when the total grows.
  if (kind === 'js') for (const f of files.sort((a, b) => b.bytes - a.bytes)) console.log(`    ${(f.bytes / 1024).toFixed(1).padStart(6)} KB  ${f.name}`);
}

// Gallery search: the same filter the studio runs, over 1,000 entries.
{
  const { filterEntries } = await import('../web/src/features/gallery/utils/filter');
  const words = ['fox', 'lake', 'city', 'dawn', 'neon', 'forest', 'storm', 'portrait', 'desert', 'ocean', 'misty', 'golden'];
  const entries = Array.from({ length: 1000 }, (_, i) => ({
    id: String(i), prompt: `a ${words[i % 12]} and a ${words[(i * 7) % 12]} at ${words[(i * 5) % 12]}, detailed, number ${i}`, num_inference_steps: 4, seed: i, response_format: 'png' as const,
    engine: 'local' as const, endpoint: null, createdAt: i, elapsedMs: 1, mime: 'image/png' as const, width: 1024, height: 1024, bytes: 1, starred: i % 10 === 0,
  }));
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    found = filterEntries(entries, { query: i % 2 ? 'fox detailed' : 'misty', favouritesOnly: i % 4 === 0 }).length;
    times.push(performance.now() - start);
  }
  console.log(`\nGallery search over 1,000 entries: median ${median(times).toFixed(3)} ms, p95 ${p95(times).toFixed(3)} ms (last query matched ${found})`);
}

// A server of this run's own, on a port the OS picks: never a stale one left by an earlier run.
// Stopped with its whole process group when the run ends, fails, or is interrupted (Ctrl+C).
stopServersOnSignals();
const server = await startServerProcess({ env: { FRIENDLI_TOKEN: '', RATE_LIMIT_PER_MINUTE: '0' } });
const BASE = server.url;
try {
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(BASE);
  await page.getByLabel('Prompt', { exact: true }).fill('mountain landscape at sunset');

  // 2. Press Generate, wait until the new image is decoded and a frame has been painted with it.
  // Two series: presses back to back (the previous image is still being stored meanwhile), and a
  // second's look at each image before the next press, as a designer works.
  async function pressToPaint(pauseMs: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      await page.getByLabel('Seed', { exact: true }).fill(String(1000 + i));
      // A figure, not a test: the pause is the designer's look at the image that this series measures.
      // eslint-disable-next-line playwright/no-wait-for-timeout
      await page.waitForTimeout(pauseMs);
      const ms = await page.evaluate(async () => {
        const before = document.querySelector<HTMLImageElement>('img[alt^="Generated from"]')?.src;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Generate')!;
        const start = performance.now();
        button.click();
        for (;;) {
          await new Promise((r) => requestAnimationFrame(r));
          const img = document.querySelector<HTMLImageElement>('img[alt^="Generated from"]');
          if (img && img.src !== before && img.complete && img.naturalWidth) {
            await img.decode();
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            return performance.now() - start;
          }
        }
      });
      if (i >= 2) times.push(ms);
    }
    return times;
  }
  console.log('\nIn Chromium, press Generate → 1024×1024 image painted (local engine):');
  for (const [label, pause] of [['a second between presses', 1000], ['back to back', 0]] as const) {
    const times = await pressToPaint(pause);
    console.log(`  ${label.padEnd(26)} median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms (n=${times.length})`);
  }

  // An edit: the same press with a 1024×1024 source image set (a gradient, so it is a real
  // picture to decode and re-render); Generate then sends it to /api/edit.
  const pixels = Buffer.alloc(1024 * 1024 * 3);
  for (let i = 0; i < 1024 * 1024; i++) pixels.set([(i % 1024) >> 2, i >> 12, 128], i * 3);
  const source = await sharp(pixels, { raw: { width: 1024, height: 1024, channels: 3 } }).png().toBuffer();
  await page.getByLabel('Source image file').setInputFiles({ name: 'source.png', mimeType: 'image/png', buffer: source });
  await page.getByRole('button', { name: 'Remove source image' }).waitFor();
  const edits = await pressToPaint(1000);
  console.log(`\nIn Chromium, press Generate with a 1024×1024 source set → edited image painted (local engine):`);
  console.log(`  ${'a second between presses'.padEnd(26)} median ${median(edits).toFixed(0)} ms, p95 ${p95(edits).toFixed(0)} ms (n=${edits.length})`);
  await page.getByRole('button', { name: 'Remove source image' }).click();

  // 3. A 5 × 5 plot against 25 images in batches, and Download grid for a 5 × 5 plot at 384 px.
  await benchPlotRun(browser, BASE);
  await benchPlotSheet(browser, BASE);
  await benchPlotOpen(browser, BASE);

  // 4. A gallery of 100,000 entries, in a fresh browser profile: first screen after a reload, and search.
  await page.close();
  await benchGallery(browser, BASE);
  await browser.close();
} finally {
  await server.stop();
}
