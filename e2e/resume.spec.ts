// Nothing is lost mid-batch: every job is journaled (seed included) before it is sent, and what a
// reload or a closed tab left unfinished is in the queue as Interrupted, with Resume, Discard and
// Resume all. Generations past the first are held at the route, so the batch is reliably mid-way
// when the page reloads; two tabs never run the same interrupted job twice.
import { expect, test, type Page, type Request, type Route } from '@playwright/test';
import { chooseMode, expectEntryCount } from './studio';
import { pngFile, plainPng, sha256 } from './test-images';

test.use({ viewport: { width: 1400, height: 2000 } });

const queue = (page: Page) => page.getByRole('region', { name: 'Queue' });
const resumeButtons = (page: Page) => queue(page).getByRole('button', { name: /^Resume job:/ });
const isSend = (r: Request) => r.method() === 'POST' && /^\/api\/(generate|edit)$/.test(new URL(r.url()).pathname);

/** Lets the first `pass` generations through and holds every later one unanswered. */
async function holdAfter(page: Page, pass: number) {
  const held: Route[] = [];
  let seen = 0;
  await page.route(/\/api\/(generate|edit)$/, (route) => (++seen <= pass ? route.fallback() : void held.push(route)));
  return held;
}

/** The seeds sent by this page from now on. */
function sentSeeds(page: Page) {
  const seeds: number[] = [];
  page.on('request', (r) => isSend(r) && seeds.push((r.postDataJSON() as { seed: number }).seed));
  return seeds;
}

/** Every record of an IndexedDB store (the gallery's entries, the generate journal). */
const records = <T,>(page: Page, db: string, store: string) =>
  page.evaluate(
    ([db, store]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(db!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(store!).objectStore(store!).getAll();
          all.onsuccess = () => (open.result.close(), resolve(all.result as T[]));
        };
      }),
    [db, store],
  );
const storedSeeds = async (page: Page) => (await records<{ seed: number }>(page, 'friendli-studio-entries', 'entries')).map((e) => e.seed).sort((a, b) => a - b);
const journalSeeds = async (page: Page) => (await records<{ spec: { request: { seed: number } } }>(page, 'friendli-studio-jobs', 'jobs')).map((r) => r.spec.request.seed).sort((a, b) => a - b);

/** Count 8 from seed 500, held after the first image: reloaded once that one is stored (Done). */
async function interruptedBatch(page: Page, count = 8) {
  await page.goto('/');
  const held = await holdAfter(page, 1);
  await page.getByLabel('Prompt', { exact: true }).fill('a lighthouse at dusk');
  await page.getByLabel('Count').fill(String(count));
  await page.getByLabel('Seed', { exact: true }).fill('500');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(queue(page).getByText('Done', { exact: true })).toHaveCount(1);
  await expect.poll(() => held.length).toBe(Math.min(2, count - 1));
  // Every planned job, seed included, was written before it was sent; the stored one has left.
  await expect.poll(() => journalSeeds(page)).toEqual(Array.from({ length: count - 1 }, (_, i) => 501 + i));
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
}

test('an 8-image batch reloaded after its first image: the other 7 are Interrupted; Resume all stores exactly the 8 planned seeds, once each', async ({ page }) => {
  await interruptedBatch(page);
  const sent = sentSeeds(page);
  await expect(resumeButtons(page)).toHaveCount(7);
  await expect(queue(page).getByText('Interrupted', { exact: true })).toHaveCount(7);
  await expect(queue(page).getByRole('status')).toContainText('7 jobs did not finish: the page was reloaded or closed');
  await expectEntryCount(page, 1);

  await queue(page).getByRole('button', { name: 'Resume job: Batch ×8 · seeds 500–507, 2/8: a lighthouse at dusk' }).click();
  await expectEntryCount(page, 2);
  await queue(page).getByRole('button', { name: 'Resume all' }).click();
  await expectEntryCount(page, 8);
  await expect(queue(page).getByText('Done', { exact: true })).toHaveCount(7);
  expect(await storedSeeds(page)).toEqual([500, 501, 502, 503, 504, 505, 506, 507]);
  expect(sent.sort((a, b) => a - b)).toEqual([501, 502, 503, 504, 505, 506, 507]);
  expect(await journalSeeds(page)).toEqual([]);
  // Nothing comes back after another reload: every job is stored.
  await page.reload();
  await expectEntryCount(page, 8);
  await expect(queue(page)).toHaveCount(0);
});

test('Discard drops an interrupted job for good; the others stay to resume', async ({ page }) => {
  await interruptedBatch(page, 3);
  await expect(resumeButtons(page)).toHaveCount(2);
  await queue(page).getByRole('button', { name: 'Discard job: Batch ×3 · seeds 500–502, 3/3: a lighthouse at dusk' }).click();
  await expect(resumeButtons(page)).toHaveCount(1);
  expect(await journalSeeds(page)).toEqual([501]);
  await page.reload();
  await expect(resumeButtons(page)).toHaveCount(1);
  await resumeButtons(page).click();
  await expectEntryCount(page, 2);
  expect(await storedSeeds(page)).toEqual([500, 501]);
});

test('two tabs: a job running in an open tab is not interrupted to another; once that tab closes, both tabs Resume all at once and each job runs once', async ({ context }) => {
  const [first, second, third] = [await context.newPage(), await context.newPage(), await context.newPage()];
  await Promise.all([second.goto('/'), third.goto('/')]);
  const seeds = [sentSeeds(second), sentSeeds(third)];
  await first.goto('/');
  const held = await holdAfter(first, 0);
  await first.getByLabel('Prompt', { exact: true }).fill('two tabs, one run');
  await first.getByLabel('Count').fill('4');
  await first.getByLabel('Seed', { exact: true }).fill('700');
  await first.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect.poll(() => held.length).toBe(2);
  await expect.poll(() => journalSeeds(second)).toEqual([700, 701, 702, 703]);
  // Another tab reloaded while the first still runs them: they are not interrupted, they are the first tab's.
  await second.reload();
  await expect(second.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  await expect(queue(second)).toHaveCount(0);

  await first.close();
  for (const page of [second, third]) await expect(resumeButtons(page)).toHaveCount(4);
  const buttons = await Promise.all([second, third].map((p) => queue(p).getByRole('button', { name: 'Resume all' }).elementHandle()));
  await Promise.all(buttons.map((b) => b!.evaluate((el: HTMLElement) => el.click())));
  for (const page of [second, third]) await expectEntryCount(page, 4);
  for (const page of [second, third]) await expect(resumeButtons(page)).toHaveCount(0);
  expect([...seeds[0]!, ...seeds[1]!].sort((a, b) => a - b)).toEqual([700, 701, 702, 703]);
  expect(await storedSeeds(second)).toEqual([700, 701, 702, 703]);
});

test('an interrupted edit resumes with its source image from the input store, even after the form lets it go', async ({ page }) => {
  await page.goto('/');
  const png = await plainPng(160, 120);
  const group = page.getByRole('group', { name: 'Source image' });
  await group.getByLabel('Source image file').setInputFiles(pngFile('photo.png', png));
  await expect(group.getByRole('img', { name: 'The source image' })).toBeVisible();
  const held = await holdAfter(page, 0);
  await page.getByLabel('Prompt', { exact: true }).fill('make it night');
  await page.getByLabel('Seed', { exact: true }).fill('321');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect.poll(() => held.length).toBe(1);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();

  await group.getByRole('button', { name: 'Remove source image' }).click();
  const sent = page.waitForRequest(isSend);
  await resumeButtons(page).click();
  const request = await sent;
  expect(new URL(request.url()).pathname).toBe('/api/edit');
  expect(request.postDataJSON()).toMatchObject({ prompt: 'make it night', seed: 321, image: { image: expect.stringMatching(/^data:image\/png;base64,/) } });
  await expectEntryCount(page, 1);
  const [entry] = await records<{ seed: number; source?: { hash: string } }>(page, 'friendli-studio-entries', 'entries');
  expect(entry).toMatchObject({ seed: 321, source: { hash: sha256(png) } });
});

test('a damaged journal record is shown alone, discardable; the readable ones still resume', async ({ page }) => {
  await interruptedBatch(page, 2);
  await expect(resumeButtons(page)).toHaveCount(1);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('friendli-studio-jobs');
        open.onsuccess = () => {
          const tx = open.result.transaction('jobs', 'readwrite');
          tx.objectStore('jobs').put({ v: 1, id: 'bad', owner: 'gone', spec: { request: { prompt: 42 } } }, 'bad');
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      }),
  );
  await page.reload();
  await expect(resumeButtons(page)).toHaveCount(1);
  await expect(queue(page).getByText('A job record in this browser’s storage is damaged and cannot be resumed.')).toBeVisible();
  await queue(page).getByRole('button', { name: 'Discard damaged job record bad' }).click();
  await expect(queue(page).getByText(/is damaged/)).toHaveCount(0);
  await resumeButtons(page).click();
  await expectEntryCount(page, 2);
  expect(await storedSeeds(page)).toEqual([500, 501]);
});

test('a plot reloaded mid-way: its cells are Interrupted in the queue too, and the plot’s Resume and the queue’s never run a cell twice', async ({ page }) => {
  await page.goto('/');
  const grid = page.getByRole('region', { name: 'X/Y plot' });
  const held = await holdAfter(page, 1);
  await page.getByLabel('Prompt', { exact: true }).fill('a lighthouse at night');
  await chooseMode(page, 'X/Y plot');
  await page.getByLabel('X axis', { exact: true }).selectOption({ label: 'Steps' });
  await page.getByLabel('X values', { exact: true }).fill('1, 3');
  await page.getByLabel('Y axis', { exact: true }).selectOption({ label: 'Seed' });
  await page.getByLabel('Y values', { exact: true }).fill('5, 6');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(grid).toContainText('1 of 4 images');
  await expect.poll(() => held.length).toBe(2);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();

  const sent: string[] = [];
  page.on('request', (r) => isSend(r) && sent.push(JSON.stringify((({ num_inference_steps, seed }) => [num_inference_steps, seed])(r.postDataJSON() as { num_inference_steps: number; seed: number }))));
  const plotResume = grid.getByRole('button', { name: 'Resume (3 missing cells)' });
  await expect(plotResume).toBeVisible();
  await expect(resumeButtons(page)).toHaveCount(3);
  // Both at once: the queue's Resume all and the plot's Resume.
  const buttons = await Promise.all([queue(page).getByRole('button', { name: 'Resume all' }).elementHandle(), plotResume.elementHandle()]);
  await Promise.all(buttons.map((b) => b!.evaluate((el: HTMLElement) => el.click())));
  await expectEntryCount(page, 4);
  await expect(grid).toContainText('4 of 4 images');
  expect(sent.length).toBe(3);
  expect(new Set(sent).size).toBe(3);
  expect(await journalSeeds(page)).toEqual([]);
});
