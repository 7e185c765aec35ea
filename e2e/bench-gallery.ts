// The gallery's figures for `npm run bench`: a large gallery written straight into the studio's
// IndexedDB, then the time to its first screen after a reload, and from the last keystroke of a
// search to the list updated. Prints figures, asserts nothing.
import type { Browser, Page } from 'playwright';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Plain JavaScript source run in the page: tsx would wrap named helpers in a `__name` call the page
// does not have. `promptOf` is shared by the seeding and by the expected search results.
const PROMPT_OF = `(i) => {
  const words = ['fox', 'lake', 'city', 'dawn', 'neon', 'forest', 'storm', 'portrait', 'desert', 'ocean', 'misty', 'golden'];
  return 'a ' + words[i % 12] + ' and a ' + words[(i * 7) % 11] + ' at ' + words[(i * 5) % 12] + ', detailed, number ' + i;
}`;

/** Writes `count` entries (and thumbnails for the newest `thumbs` of them) into the stores as they are on disk. */
async function seed(page: Page, count: number, thumbs: number) {
  await page.evaluate(`(async (count, thumbCount) => {
    const promptOf = ${PROMPT_OF};
    const open = (name, store) => new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore(store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const putAll = (db, store, from, to, item) => new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      for (let i = from; i < to; i++) { const [key, value] = item(i); tx.objectStore(store).put(value, key); }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const id = (i) => 'bench-' + String(i).padStart(6, '0');
    const canvas = new OffscreenCanvas(64, 64);
    const ctx = canvas.getContext('2d');
    const blobs = [];
    for (let k = 0; k < 12; k++) {
      ctx.fillStyle = 'hsl(' + k * 30 + ' 60% 50%)';
      ctx.fillRect(0, 0, 64, 64);
      blobs.push(await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 }));
    }
    await putAll(await open('friendli-studio-thumbs', 'thumbs'), 'thumbs', 0, thumbCount, (i) => [id(i), blobs[i % 12]]);
    const now = Date.now();
    const entries = await open('friendli-studio-entries', 'entries');
    for (let from = 0; from < count; from += 10000) {
      await putAll(entries, 'entries', from, Math.min(count, from + 10000), (i) => [id(i), {
        id: id(i), prompt: promptOf(i), steps: 4, seed: i, format: 'png', engine: 'local', endpoint: 'local-engine',
        createdAt: now - i * 1000, elapsedMs: 150, mime: 'image/png', width: 1024, height: 1024, bytes: 2600000,
        ...(i % 10 === 0 ? { starred: true } : {}),
        ...(i % 50 < 4 ? { group: { id: 'g' + Math.floor(i / 50), kind: 'batch', label: 'Batch of 4', index: i % 50, size: 4 } } : {}),
      }]);
    }
  })(${count}, ${thumbs})`);
}

/** From navigation start: the first row of the list painted with a decoded thumbnail, and the whole count shown. */
async function reloadTimes(page: Page, count: number, reload = true): Promise<{ firstRow: number; all: number }> {
  if (reload) await page.reload();
  return page.evaluate(`(async (count) => {
    let firstRow = 0;
    const give_up = performance.now() + 120000;
    for (;;) {
      if (performance.now() > give_up) throw new Error('the gallery did not list ' + count + ' entries within 2 minutes');
      await new Promise((r) => requestAnimationFrame(r));
      const thumb = document.querySelector('section[aria-label="Gallery"] li img');
      if (!firstRow && thumb && thumb.complete && thumb.naturalWidth) firstRow = performance.now();
      const text = document.querySelector('section[aria-label="Gallery"] h2 + p')?.textContent ?? '';
      if (firstRow && Number.parseInt(text.replace(/,/g, '')) >= count && !text.includes('loading')) return { firstRow, all: performance.now() };
    }
  })(${count})`);
}

/** Types `query` key by key (a key every 60 ms, as a quick typist); from the last key to the list painted with its results. */
async function searchTime(page: Page, count: number, query: string): Promise<{ ms: number; matched: number }> {
  return page.evaluate(`(async (count, query) => {
    const promptOf = ${PROMPT_OF};
    const words = query.toLowerCase().split(/\\s+/).filter(Boolean);
    let expected = 0;
    for (let i = 0; i < count; i++) { const p = promptOf(i).toLowerCase(); if (words.every((w) => p.includes(w))) expected++; }
    const input = document.querySelector('input[aria-label="Search prompts"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const type = (value) => { setValue.call(input, value); input.dispatchEvent(new Event('input', { bubbles: true })); };
    type('');
    await new Promise((r) => setTimeout(r, 300));
    let start = 0;
    for (let k = 1; k <= query.length; k++) {
      await new Promise((r) => setTimeout(r, 60));
      start = performance.now();
      type(query.slice(0, k));
    }
    const text = () => document.querySelector('section[aria-label="Gallery"] h2 + p')?.textContent ?? '';
    const first = () => document.querySelector('section[aria-label="Gallery"] li button[aria-label^="Open: "]')?.getAttribute('aria-label')?.toLowerCase() ?? '';
    const give_up = performance.now() + 60000;
    for (;;) {
      if (performance.now() > give_up) throw new Error('the search for ' + query + ' did not settle within a minute');
      await new Promise((r) => requestAnimationFrame(r));
      if (text().includes(', ' + expected.toLocaleString('en') + ' shown') && words.every((w) => first().includes(w))) return { ms: performance.now() - start, matched: expected };
    }
  })(${count}, ${JSON.stringify(query)})`);
}

/** In a fresh browser profile: the records are written as the studio's earlier versions wrote them, then the studio opens them. */
export async function benchGallery(browser: Browser, base: string, count = 100_000) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // Any page of the studio's origin that does not open its databases.
  await page.goto(`${base}/api/health`);
  const started = performance.now();
  await seed(page, count, 500);
  console.log(`\nIn Chromium, a gallery of ${count.toLocaleString('en')} stored entries (thumbnails for the newest 500), seeded in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  await page.goto(base);
  const first = await reloadTimes(page, count, false);
  console.log(`  first load, including the one-off upgrade of the stored records: first row ${first.firstRow.toFixed(0)} ms, all ${count.toLocaleString('en')} listed ${first.all.toFixed(0)} ms`);
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(await reloadTimes(page, count));
  console.log(`  after a reload, from navigation start: first row painted median ${median(loads.map((l) => l.firstRow)).toFixed(0)} ms, whole list loaded median ${median(loads.map((l) => l.all)).toFixed(0)} ms (n=${loads.length})`);
  const rendered = await page.locator('section[aria-label="Gallery"] li').count();
  console.log(`  ${rendered} list items in the DOM, the rest virtualized`);
  const searches = [];
  for (const query of ['misty lake', 'fox number 4217', 'golden storm detailed', 'neon 99', 'ocean at dawn', 'portrait number 12']) searches.push(await searchTime(page, count, query));
  console.log(`  search, last keystroke → list painted with its results: median ${median(searches.map((s) => s.ms)).toFixed(0)} ms, worst ${Math.max(...searches.map((s) => s.ms)).toFixed(0)} ms`);
  console.log(`    (${searches.map((s) => `${s.matched} matches in ${s.ms.toFixed(0)} ms`).join(', ')})`);
  await context.close();
}
