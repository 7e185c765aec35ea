// A studio with accounts (AUTH=users): the sign-in page, the admin's Users page, sign-out, a
// disabled user, and two designers who sign in one after the other in one browser, each seeing
// only their own gallery and drafts.
import { expect, test } from '@playwright/test';
import { adminWithDesigners, PASSWORD, signIn, signOut } from './accounts';
import { E2E_ADMIN, USERS_APP } from './servers';
import { entries, expectEntryCount, gallery, generate } from './studio';

test.use({ baseURL: USERS_APP });





test('the sign-in page refuses a wrong password and an unknown name alike', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Friendli Image Studio' })).toBeVisible();
  // Nothing of the studio shows before sign-in.
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveCount(0);
  for (const name of [E2E_ADMIN.name, 'nobody-by-this-name']) {
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('That name and password do not match an account that may sign in.');
  }
  await signIn(page, E2E_ADMIN.name, E2E_ADMIN.password);
  await expect(page.getByLabel('Prompt', { exact: true })).toBeVisible();
});

test('two designers in one browser, one after the other, each see only their own gallery and draft', async ({ browser, page }) => {
  const admin = await adminWithDesigners(browser, ['dana', 'eli']);
  await admin.page.close();

  await signIn(page, 'dana', PASSWORD);
  await generate(page, { prompt: 'dana red fox in the snow', seed: 5, steps: 2 });
  await page.getByLabel('Prompt', { exact: true }).fill('dana draft still typing');
  await signOut(page, 'dana');

  await signIn(page, 'eli', PASSWORD);
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByLabel('Prompt', { exact: true })).not.toHaveValue(/dana/);
  await generate(page, { prompt: 'eli blue owl at night', seed: 6, steps: 2 });
  await expect(gallery(page)).not.toContainText('red fox');
  await signOut(page, 'eli');

  await signIn(page, 'dana', PASSWORD);
  await expectEntryCount(page, 1);
  await expect(gallery(page)).toContainText('dana red fox in the snow');
  await expect(gallery(page)).not.toContainText('blue owl');
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('dana draft still typing');
});

test('a user the admin disables is signed out everywhere and cannot sign in again', async ({ browser, page }) => {
  const admin = await adminWithDesigners(browser, ['fern']);
  await signIn(page, 'fern', PASSWORD);

  const row = admin.users.getByRole('row').filter({ has: admin.page.getByRole('cell', { name: 'fern', exact: true }) });
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByRole('cell', { name: 'Disabled', exact: true })).toBeVisible();

  // Fern's next request finds no session: the studio gives way to the sign-in page.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Name').fill('fern');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That name and password do not match an account that may sign in.');
  await admin.page.close();
});
