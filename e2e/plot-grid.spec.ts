// The X/Y plot's grid in the result area: it fills with the right headers and cells, a failed cell
// shows its error and Retry in place, a cell opens in the viewer whose arrow keys move across the
// grid, a value is switched off and on from its header, and after a reload mid-plot Resume runs
// only the missing cells.
import { expect, test, type Page } from '@playwright/test';
import { chooseMode } from './studio';

test.use({ viewport: { width: 1400, height: 1100 } });

const grid = (page: Page) => page.getByRole('region', { name: 'X/Y plot' });
const cell = (page: Page, name: string) => grid(page).getByRole('button', { name: `Open: ${name}` });

async function startPlot(page: Page, x: string, y: string) {
  await page.getByLabel('Prompt', { exact: true }).fill('a lighthouse at night');
  await chooseMode(page, 'X/Y plot');
  await page.getByLabel('X axis', { exact: true }).selectOption({ label: 'Steps' });
  await page.getByLabel('X values', { exact: true }).fill(x);
  await page.getByLabel('Y axis', { exact: true }).selectOption({ label: 'Seed' });
  await page.getByLabel('Y values', { exact: true }).fill(y);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
}

test('a Steps × Seed plot fills its grid with the right headers and cells; a cell opens in the viewer and the arrow keys move across the grid', async ({ page }) => {
  await page.goto('/');
  await startPlot(page, '1, 3', '5, 6');
  await expect(grid(page).getByRole('heading', { name: 'X/Y plot · Steps × Seed' })).toBeVisible();
  const headers = grid(page).getByRole('columnheader');
  await expect(headers).toHaveText(['Seed ↓ · Steps →', '1', '3']);
  await expect(grid(page).getByRole('rowheader')).toHaveText(['5', '6']);
  for (const name of ['Steps 1, Seed 5', 'Steps 3, Seed 5', 'Steps 1, Seed 6', 'Steps 3, Seed 6']) await expect(cell(page, name)).toBeVisible();
  await expect(grid(page)).toContainText('4 of 4 images');

  await cell(page, 'Steps 1, Seed 5').click();
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  const shows = async (steps: number, seed: number) => {
    await expect(viewer.getByText(String(seed), { exact: true })).toBeVisible();
    await expect(viewer.getByText(String(steps), { exact: true }).first()).toBeVisible();
  };
  await shows(1, 5);
  await page.keyboard.press('ArrowRight');
  await shows(3, 5);
  await page.keyboard.press('ArrowDown');
  await shows(3, 6);
  await page.keyboard.press('ArrowLeft');
  await shows(1, 6);
  await page.keyboard.press('ArrowUp');
  await shows(1, 5);
});

test('a failed cell shows its error and Retry in place; a value switched off from its header is not run; after a reload, Resume runs only the missing cells', async ({ page }) => {
  await page.goto('/');
  // The cell at seed 8 fails once.
  let failed = false;
  await page.route('**/api/generate', async (route) => {
    const body = route.request().postDataJSON() as { seed?: number };
    if (body.seed === 8 && !failed) {
      failed = true;
      return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_request', message: 'The upstream refused this one.' } }) });
    }
    return route.continue();
  });
  await startPlot(page, '2', '7, 8');
  const failedCell = grid(page).getByRole('alert').filter({ hasText: 'The upstream refused this one.' });
  await expect(failedCell).toBeVisible();
  await expect(cell(page, 'Steps 2, Seed 7')).toBeVisible();
  await failedCell.getByRole('button', { name: 'Retry Steps 2, Seed 8' }).click();
  await expect(cell(page, 'Steps 2, Seed 8')).toBeVisible();
  await expect(grid(page)).toContainText('2 of 2 images');

  // Any cell can be run again: one more request for it, the grid shows the newest.
  const again = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/generate');
  await grid(page).getByRole('button', { name: 'Run again Steps 2, Seed 7' }).click();
  expect((await again).postDataJSON()).toMatchObject({ seed: 7, num_inference_steps: 2 });
  await expect(page.getByRole('region', { name: 'Gallery' }).getByRole('listitem')).toHaveCount(3);

  // A new plot whose requests never arrive, then a reload: Resume is on screen and runs only the missing cells.
  await page.unroute('**/api/generate');
  await page.route('**/api/generate', (route) => {
    const body = route.request().postDataJSON() as { seed?: number };
    if (body.seed === 21) return route.continue();
    return new Promise(() => undefined);
  });
  await chooseMode(page, 'X/Y plot');
  await startPlot(page, '2', '21, 22, 23');
  await expect(cell(page, 'Steps 2, Seed 21')).toBeVisible();
  await page.unroute('**/api/generate');
  await page.reload();
  const resume = grid(page).getByRole('button', { name: 'Resume (2 missing cells)' });
  await expect(resume).toBeInViewport();
  // Switched off before resuming: seed 23 is not run.
  // The switch shows once the plot's cached record has it, a moment after the click.
  const seed23 = grid(page).getByRole('checkbox', { name: 'Run Seed 23' });
  await seed23.click();
  await expect(seed23).not.toBeChecked();
  await expect(grid(page).getByRole('button', { name: 'Resume (1 missing cell)' })).toBeVisible();
  const sent: number[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/generate') sent.push((r.postDataJSON() as { seed: number }).seed);
  });
  await grid(page).getByRole('button', { name: 'Resume (1 missing cell)' }).click();
  await expect(cell(page, 'Steps 2, Seed 22')).toBeVisible();
  expect(sent).toEqual([22]);
  await expect(grid(page)).toContainText('2 of 2 images');
  await expect(grid(page).getByText('Switched off')).toBeVisible();
});
