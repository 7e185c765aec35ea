// Helpers for the studio with accounts (USERS_APP): signing in and out as a designer does, and the
// admin adding designers through the Users page (each test its own names: the database lives as
// long as the server).
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_ADMIN } from './servers';

export const PASSWORD = 'designer-password-1';
export const accountMenu = (page: Page, name: string) => page.locator('summary').filter({ hasText: `Signed in as ${name}` });

export async function signIn(page: Page, name: string, password: string) {
  await page.goto('/');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(accountMenu(page, name)).toBeVisible();
}

export async function signOut(page: Page, name: string) {
  await accountMenu(page, name).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

/** The admin, signed in in a context of its own (axe runs only in a page of one), adds `names` as designers. */
export async function adminWithDesigners(browser: Browser, names: string[]) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, E2E_ADMIN.name, E2E_ADMIN.password);
  await accountMenu(page, E2E_ADMIN.name).click();
  await page.getByRole('button', { name: 'Users' }).click();
  const users = page.getByRole('dialog', { name: 'Users' });
  for (const name of names) {
    const form = users.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(users.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  return { page, users };
}
