// Editing from the gallery and the history of an image, as a designer walks it: Edit makes an entry
// the source (the next prompt typed is the instruction), editing one parent twice makes branches the
// viewer reaches both ways, the chain and depth, Compare with parent, and a parent deleted.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ENDPOINTS_APP, FRIENDLI_APP } from './servers';
import { entries, gallery, generate } from './studio';

const viewer = (page: Page) => page.getByRole('dialog', { name: 'Image viewer' });
const entry = (page: Page, prompt: string) => entries(page).filter({ hasText: prompt });
const promptField = (page: Page) => page.getByLabel('Prompt', { exact: true });

/** Types the instruction over the prompt Edit selected, generates, and returns the /api/edit body. */
async function generateEdit(page: Page, instruction: string) {
  await expect(promptField(page)).toBeFocused();
  await page.keyboard.type(instruction);
  // Typed over: the instruction is the edit's own prompt, not added to the parent's.
  await expect(promptField(page)).toHaveValue(instruction);
  const before = await entries(page).count();
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/edit');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const body = (await sent).postDataJSON() as { prompt: string; image: { image: string } };
  await expect(entries(page)).toHaveCount(before + 1);
  expect(body.prompt).toBe(instruction);
  expect(body.image.image).toMatch(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/);
  return body;
}

const PARENT = 'a lighthouse on a cliff at dusk';
const A = 'make the sky violet';
const B = 'add a red car';
const AA = 'add stars';

test('edits from the gallery: branches of one parent, Edited from, the chain, depth and Compare with parent, walked in the viewer', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: PARENT, seed: 7 });

  // Edit from the gallery, twice from the same parent: two branches.
  await entry(page, PARENT).getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Editing' })).toBeVisible();
  const first = await generateEdit(page, A);
  await entry(page, PARENT).getByRole('button', { name: 'Edit', exact: true }).click();
  const second = await generateEdit(page, B);
  // The same parent's bytes both times.
  expect(second.image.image).toBe(first.image.image);

  // The list marks the edits, and not the original.
  await expect(entry(page, A)).toContainText('Edit · 1 deep');
  await expect(entry(page, B)).toContainText('Edit · 1 deep');
  await expect(entry(page, PARENT)).not.toContainText('deep');

  // An edit in the viewer: its instruction, its depth, the chain, and its sibling.
  await entry(page, A).getByRole('button', { name: /^Open:/ }).click();
  const v = viewer(page);
  await expect(v).toContainText('Instruction');
  await expect(v).toContainText('1 edit deep');
  const chain = v.getByRole('navigation', { name: 'Chain of edits' }).getByRole('button');
  await expect(chain).toHaveCount(2);
  await expect(chain.nth(0)).toContainText(PARENT);
  await expect(chain.nth(1)).toContainText(A);
  await expect(chain.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(chain.nth(0)).not.toHaveAttribute('aria-current');
  const siblings = v.getByRole('list', { name: /^Other edits of/ });
  await expect(siblings.getByRole('button')).toHaveCount(1);
  await expect(siblings).toContainText(B);

  // Edited from opens the parent, whose prompt is its own and which lists both edits.
  await v.getByRole('button', { name: 'Edited from', exact: true }).click();
  await expect(v.getByRole('img', { name: `Full image: ${PARENT}` })).toBeVisible();
  await expect(v).not.toContainText('Instruction');
  await expect(v).not.toContainText('edit deep');
  const edits = v.getByRole('list', { name: 'Edits of this image' }).getByRole('button');
  await expect(edits).toHaveCount(2);
  // Each branch opens, and leads back.
  await edits.filter({ hasText: B }).click();
  await expect(v.getByRole('img', { name: `Full image: ${B}` })).toBeVisible();
  await expect(v).toContainText('1 edit deep');
  await v.getByRole('button', { name: 'Edited from', exact: true }).click();
  await edits.filter({ hasText: A }).click();
  await expect(v.getByRole('img', { name: `Full image: ${A}` })).toBeVisible();

  // Compare with parent: one click, the parent and the edit side by side, the parent named.
  await v.getByRole('button', { name: 'Compare with parent' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare' });
  await expect(compare).toContainText('Compare 2 images');
  await expect(compare.getByRole('img', { name: `Compared: ${PARENT}` })).toBeVisible();
  await expect(compare.getByRole('img', { name: `Compared: ${A}` })).toBeVisible();
  await expect(compare).toContainText(`Parent: “${PARENT}”`);
  await expect(compare).toContainText('Source: none');
  await compare.getByRole('button', { name: 'Close' }).click();

  // Edit an edit, from the viewer (which closes): two edits deep, a chain of three.
  await entry(page, A).getByRole('button', { name: /^Open:/ }).click();
  await v.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(v).toBeHidden();
  const third = await generateEdit(page, AA);
  expect(third.image.image).not.toBe(first.image.image);
  await expect(entry(page, AA)).toContainText('Edit · 2 deep');
  await entry(page, AA).getByRole('button', { name: /^Open:/ }).click();
  await expect(v).toContainText('2 edits deep');
  await expect(chain).toHaveCount(3);
  for (const [i, prompt] of [PARENT, A, AA].entries()) await expect(chain.nth(i)).toContainText(prompt);
  await expect(chain.nth(2)).toHaveAttribute('aria-current', 'step');
  // A step of the chain opens it.
  await chain.nth(0).click();
  await expect(v.getByRole('img', { name: `Full image: ${PARENT}` })).toBeVisible();
  await v.getByRole('button', { name: 'Close' }).click();

  // The parent deleted: its edits stay viewable, saying so, with the source from the input store.
  await entry(page, PARENT).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(entries(page)).toHaveCount(3);
  await entry(page, B).getByRole('button', { name: /^Open:/ }).click();
  await expect(v).toContainText('Edited from an image that is not in the gallery');
  await expect(v.getByRole('button', { name: 'Edited from', exact: true })).toHaveCount(0);
  const source = v.getByRole('img', { name: 'Source image' });
  await expect(source).toBeVisible();
  await expect.poll(() => source.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(v).toContainText('1 edit deep');
});

test('an edit whose source never was a gallery entry (a file) says so and shows the source kept in the browser', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: PARENT });
  await entry(page, PARENT).getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(promptField(page)).toBeFocused();
  // The source as a file would set it (the form's own file input is another part's): its bytes in
  // the input store, no parent. The tab's stored draft is edited, then read back by a reload.
  await page.evaluate(() => {
    const draft = JSON.parse(sessionStorage.getItem('friendli-studio-form')!) as { state: { source: { entryId?: string } } };
    delete draft.state.source.entryId;
    sessionStorage.setItem('friendli-studio-form', JSON.stringify(draft));
  });
  await page.reload();
  await promptField(page).fill('');
  await promptField(page).focus();
  await generateEdit(page, 'from a file');
  await entry(page, 'from a file').getByRole('button', { name: /^Open:/ }).click();
  const v = viewer(page);
  await expect(v).toContainText('Edited from a file');
  await expect(v).toContainText('1 edit deep');
  await expect(v.getByRole('button', { name: 'Edited from', exact: true })).toHaveCount(0);
  await expect(v.getByRole('navigation', { name: 'Chain of edits' })).toHaveCount(0);
  const source = v.getByRole('img', { name: 'Source image' });
  await expect.poll(() => source.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test('Use as control image adds a gallery image to the form, up to the endpoint’s limit, and it is sent', async ({ page }) => {
  await page.goto('/');
  await generate(page, { prompt: 'a pose sketch' });
  const add = entry(page, 'a pose sketch').getByRole('button', { name: 'Use as control image' });
  await add.click();
  await expect(gallery(page).getByRole('status').filter({ hasText: 'Added as control image 1' })).toBeVisible();
  await add.click();
  await expect(gallery(page).getByRole('status').filter({ hasText: 'Added as control image 2' })).toBeVisible();
  // The local engine takes two.
  await add.click();
  await expect(gallery(page).getByRole('alert').filter({ hasText: '2 control images already' })).toBeVisible();

  await page.getByLabel('Prompt', { exact: true }).fill('a dancer');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/generate');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const body = (await sent).postDataJSON() as { control_images: { image: string }[]; controlnet_weights: number[] };
  expect(body.control_images).toHaveLength(2);
  for (const c of body.control_images) expect(c.image).toMatch(/^data:image\/(png|jpeg|webp);base64,/);
  expect(body.controlnet_weights).toEqual([1, 1]);
});

test('Edit on an endpoint that cannot edit says so, and control images are not offered where none are taken', async ({ page }) => {
  await page.goto(FRIENDLI_APP);
  await generate(page, { prompt: 'an image from FriendliAI' });
  const item = entry(page, 'an image from FriendliAI');
  await expect(item.getByRole('button', { name: 'Use as control image' })).toHaveCount(0);
  await item.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(gallery(page).getByRole('alert').filter({ hasText: 'cannot edit images' })).toBeVisible();
});

test('Edit keeps an endpoint that can edit when the one that made the image cannot', async ({ page }) => {
  await page.goto(ENDPOINTS_APP);
  const endpoint = page.getByLabel('Endpoint');
  await endpoint.selectOption({ label: 'Studio A' });
  await generate(page, { prompt: 'made where edits are not taken' });
  await endpoint.selectOption({ label: 'Studio B' });
  await entry(page, 'made where edits are not taken').getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Source image' }).getByRole('button', { name: 'Remove source image' })).toBeVisible();
  await expect(endpoint).toHaveValue('ep-b');
  await expect(page.getByRole('alert').filter({ hasText: 'cannot edit images' })).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations in the marked list and an edit's history (${colorScheme})`, async ({ page }) => {
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html} ${n.failureSummary}`).join(' | ')}`);
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await generate(page, { prompt: PARENT });
    await entry(page, PARENT).getByRole('button', { name: 'Edit', exact: true }).click();
    await generateEdit(page, A);
    await entry(page, PARENT).getByRole('button', { name: 'Edit', exact: true }).click();
    await generateEdit(page, B);
    // Off Generate: its hover colour is not this test's subject.
    await page.mouse.move(0, 0);
    expect(await serious()).toEqual([]);
    await entry(page, A).getByRole('button', { name: /^Open:/ }).click();
    await expect(viewer(page).getByRole('list', { name: /^Other edits of/ })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
}
