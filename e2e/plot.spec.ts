// The X/Y plot from the form: the count and its limits before anything runs, every cell's request,
// the cells as one gallery group that know their place, and the plot kept in its own store.
import { expect, test, type Page } from '@playwright/test';
import { chooseMode, entries, expectEntryCount, gallery } from './studio';

// Tall enough that the whole plot is on screen: the gallery renders only visible rows.
test.use({ viewport: { width: 1400, height: 2000 } });

const generateButton = (page: Page) => page.getByRole('button', { name: 'Generate', exact: true });
const plotGroup = (page: Page) => page.getByRole('group', { name: 'X/Y plot' });

/** Every POST /api/generate body the page sends from now on. */
function collectRequests(page: Page) {
  const bodies: { prompt: string; seed?: number; num_inference_steps: number }[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/generate') bodies.push(r.postDataJSON());
  });
  return bodies;
}

async function choosePlot(page: Page, prompt: string, axes: { x?: [string, string]; y?: [string, string] | null }) {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await chooseMode(page, 'X/Y plot');
  if (axes.x) {
    await page.getByLabel('X axis', { exact: true }).selectOption({ label: axes.x[0] });
    await page.getByLabel('X values', { exact: true }).fill(axes.x[1]);
  }
  if (axes.y) {
    await page.getByLabel('Y axis', { exact: true }).selectOption({ label: axes.y[0] });
    await page.getByLabel('Y values', { exact: true }).fill(axes.y[1]);
  }
}

/** What the page's IndexedDB holds in one store of one database. */
async function stored(page: Page, db: string, store: string) {
  return page.evaluate(
    ([name, storeName]) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // A store never written to is not there: nothing stored.
          if (!open.result.objectStoreNames.contains(storeName!)) {
            open.result.close();
            resolve([]);
            return;
          }
          const all = open.result.transaction(storeName!, 'readonly').objectStore(storeName!).getAll();
          all.onsuccess = () => {
            resolve(all.result as Record<string, unknown>[]);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    [db, store],
  );
}

test('a Steps × Seed plot sends one request per cell, fills one gallery group, and keeps the plot', async ({ page }) => {
  const sent = collectRequests(page);
  await choosePlot(page, 'a tin robot in the rain', { x: ['Steps', '1, 2'], y: ['Seed', '5, 6'] });
  await expect(plotGroup(page).getByText('2 × 2 = 4 images')).toBeVisible();
  await generateButton(page).click();
  await expectEntryCount(page, 4);
  await expect(gallery(page).getByRole('heading', { name: 'X/Y plot · Steps × Seed' })).toBeVisible();
  expect(sent.map((b) => [b.num_inference_steps, b.seed]).sort()).toEqual([[1, 5], [1, 6], [2, 5], [2, 6]]);
  for (const body of sent) expect(body.prompt).toBe('a tin robot in the rain');

  const cells = (await stored(page, 'friendli-studio-entries', 'entries')).map((e) => [e.cell, e.steps ?? e.num_inference_steps, e.seed, (e.group as { kind: string; id: string }).kind]);
  expect(cells).toHaveLength(4);
  expect(cells).toEqual(
    expect.arrayContaining([
      [{ x: 0, y: 0, z: 0, k: 0 }, 1, 5, 'plot'],
      [{ x: 1, y: 0, z: 0, k: 0 }, 2, 5, 'plot'],
      [{ x: 0, y: 1, z: 0, k: 0 }, 1, 6, 'plot'],
      [{ x: 1, y: 1, z: 0, k: 0 }, 2, 6, 'plot'],
    ]),
  );
  const plots = await stored(page, 'friendli-studio-plots', 'plots');
  expect(plots).toHaveLength(1);
  const groupIds = new Set((await stored(page, 'friendli-studio-entries', 'entries')).map((e) => (e.group as { id: string }).id));
  expect([...groupIds]).toEqual([plots[0]!.id]);
  expect(plots[0]).toMatchObject({ prompt: 'a tin robot in the rain', definition: { x: { kind: 'steps', text: '1, 2' }, y: { kind: 'seed', text: '5, 6' } } });
  expect((plots[0]!.cells as unknown[]).length).toBe(4);

  // Once this endpoint has timings, the count comes with an estimate.
  await expect(plotGroup(page).getByText(/2 × 2 = 4 images · about \d+ (s|min)/)).toBeVisible();

  // Clear all takes the plot with its images.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('dialog', { name: 'Clear the gallery' }).getByRole('button', { name: 'Delete all' }).click();
  await expect(entries(page)).toHaveCount(0);
  await expect.poll(() => stored(page, 'friendli-studio-plots', 'plots')).toEqual([]);
});

test('a Prompt S/R plot sends the prompt with each value in place of the first', async ({ page }) => {
  const sent = collectRequests(page);
  await choosePlot(page, 'a red kite over a red barn', { x: ['Prompt S/R', 'red, blue'], y: ['Seed', '3'] });
  await generateButton(page).click();
  await expect(entries(page)).toHaveCount(2);
  expect(sent.map((b) => b.prompt).sort()).toEqual(['a blue kite over a blue barn', 'a red kite over a red barn']);
});

test('a plot that cannot run says why and sends nothing', async ({ page }) => {
  const sent = collectRequests(page);
  await choosePlot(page, 'a quiet harbour', { x: ['Steps', '1-10'], y: ['Seed', 'random x11'] });
  // Said in the plot group, and as an alert beside Generate, which stays on screen.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('10 × 11 = 110 images: a plot makes at most 100');
  await expect(plotGroup(page)).toContainText('a plot makes at most 100');
  await expect(alert).toBeInViewport();
  await expect(generateButton(page)).toBeDisabled();
  await page.getByLabel('Prompt', { exact: true }).press('ControlOrMeta+Enter');

  await page.getByLabel('X values', { exact: true }).fill('1, 99');
  await expect(alert).toContainText('Steps 99 is outside this endpoint');
  await expect(generateButton(page)).toBeDisabled();

  await page.getByLabel('X axis', { exact: true }).selectOption({ label: 'Prompt S/R' });
  await page.getByLabel('X values', { exact: true }).fill('stormy, calm');
  await expect(alert).toContainText('the prompt does not contain “stormy”');
  await expect(generateButton(page)).toBeDisabled();

  await page.getByLabel('X values', { exact: true }).fill('quiet, stormy');
  await page.getByLabel('Y values', { exact: true }).fill('random x2');
  await expect(alert).toHaveCount(0);
  await expect(generateButton(page)).toBeEnabled();
  expect(sent).toEqual([]);
});

test('a value switched off before the run leaves its cells out', async ({ page }) => {
  const sent = collectRequests(page);
  await choosePlot(page, 'a paper lantern', { x: ['Steps', '1, 2, 3'], y: ['Seed', '8, 9'] });
  await expect(plotGroup(page).getByText('3 × 2 = 6 images')).toBeVisible();
  await page.getByRole('group', { name: 'Run or skip each X value' }).getByRole('checkbox', { name: '2' }).uncheck();
  await expect(plotGroup(page).getByText('2 × 2 = 4 images')).toBeVisible();
  await generateButton(page).click();
  await expectEntryCount(page, 4);
  expect(sent.map((b) => b.num_inference_steps).sort()).toEqual([1, 1, 3, 3]);
  // The plot keeps the value's cells, switched off, so switching it on again needs no new plan.
  const [plot] = await stored(page, 'friendli-studio-plots', 'plots');
  expect((plot!.cells as unknown[]).length).toBe(6);
  expect(plot!.definition).toMatchObject({ x: { off: [1] } });
});

test('a plot that cannot be kept in the browser does not start, and says so', async ({ page }) => {
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name === 'friendli-studio-plots') throw new DOMException('The plots store is unavailable.', 'UnknownError');
      return open.call(this, name, version);
    } as typeof open;
  });
  const sent = collectRequests(page);
  await choosePlot(page, 'a snow globe', { x: ['Steps', '1, 2'], y: ['Seed', '4'] });
  await generateButton(page).click();
  await expect(page.getByRole('alert')).toContainText('The plot could not be kept in this browser, so it did not start: The plots store is unavailable.');
  await expect(page.getByRole('region', { name: 'Queue' }).getByText('Done')).toHaveCount(0);
  expect(sent).toEqual([]);
});
