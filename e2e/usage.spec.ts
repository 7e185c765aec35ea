// Fair shares and usage in a studio with accounts (AUTH=users): a designer's daily limit shown
// beside Generate and refused past it, the admin's Usage page (every user, one user, CSV) and a
// designer's own Usage page, which shows only their own.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminWithDesigners, accountMenu, PASSWORD, signIn } from './accounts';
import { E2E_ADMIN, LOCAL_APP, USERS_APP } from './servers';
import { entries, expectEntryCount, generate } from './studio';




async function openUsage(page: Page, name: string, title: string) {
  await accountMenu(page, name).click();
  await page.getByRole('button', { name: 'Usage' }).click();
  return page.getByRole('dialog', { name: title });
}

const today = () => new Date().toISOString().slice(0, 10);

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('with accounts (AUTH=users)', () => {
  test.use({ baseURL: USERS_APP });

  test('a designer’s daily limit is shown beside Generate and refused past it; the Usage pages show who made what', async ({ browser, page }) => {
    // Four sign-ins (each a memory-hard hash) and six pages: more than the default time.
    test.slow();
    const [limited, other] = ['uma-quota', 'vic-quota'];
    const admin = await adminWithDesigners(browser, [limited, other]);
    const perDay = admin.users.getByLabel(`Per day limit of ${limited}`);
    await perDay.fill('1');
    const saved = admin.page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/users/'));
    await perDay.blur();
    expect((await saved).ok()).toBe(true);
    await admin.users.getByRole('button', { name: 'Close' }).click();

    // The limited designer: what is left, then the refusal with its reason.
    await signIn(page, limited, PASSWORD);
    const quota = page.getByText(/left today/);
    await expect(quota).toHaveText('1 image left today · your limit is 1 image a day');
    await generate(page, { prompt: 'uma harbour at dawn', seed: 3, steps: 2 });
    await expect(quota).toHaveText('0 images left today · your limit is 1 image a day');
    await page.getByLabel('Prompt', { exact: true }).fill('uma harbour at dusk');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'You reached your limit' })).toHaveText(
      /^You reached your limit of 1 image a day; it starts again at midnight UTC, in \d+ (s|min|h \d+ min)\. Your prompt and settings are kept; an admin can raise your limit\.$/,
    );
    await expectEntryCount(page, 1);

    // A designer without a daily limit sees no count.
    const otherPage = await browser.newPage();
    await signIn(otherPage, other, PASSWORD);
    await generate(otherPage, { prompt: 'vic lighthouse in fog', seed: 4, steps: 2 });
    await expect(otherPage.getByText(/left today/)).toHaveCount(0);
    await otherPage.close();

    // The admin's Usage page: every user per day; one user; the CSV of the period.
    await admin.page.reload();
    const usage = await openUsage(admin.page, E2E_ADMIN.name, 'Usage');
    const rowOf = (name: string) => usage.getByRole('row').filter({ has: admin.page.getByRole('cell', { name, exact: true }) });
    // Day, User, Images, Calls, Failed: the refused call never reached the upstream, so it is no call.
    await expect(rowOf(limited).getByRole('cell')).toHaveText([today(), limited, '1', '1', '0', '1', '0', /s$/, /B$/]);
    await expect(rowOf(other).getByRole('cell').nth(2)).toHaveText('1');
    expect(await seriousViolations(admin.page)).toEqual([]);
    await usage.getByLabel('User').selectOption({ label: limited });
    await expect(rowOf(other)).toHaveCount(0);
    await expect(rowOf(limited)).toHaveCount(1);
    const download = admin.page.waitForEvent('download');
    await usage.getByRole('link', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^studio-usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await file.path())!, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('day,user,images,calls,failed_calls,generate_calls,edit_calls,seconds,bytes');
    expect(csv.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${today()},${limited},1,1,0,1,0,[\\d.]+,\\d+$`))]);
    await admin.page.context().close();

    // The designer's own Usage page: their own figures, no one else's, no CSV.
    const own = await openUsage(page, limited, 'Your usage');
    await expect(own.getByRole('row').filter({ hasText: today() }).getByRole('cell')).toHaveText([today(), '1', '1', '0', '1', '0', /s$/, /B$/]);
    await expect(own).not.toContainText(other);
    await expect(own.getByRole('link', { name: 'Download CSV' })).toHaveCount(0);
    await expect(own.getByLabel('User')).toHaveCount(0);
    await expect(entries(page)).toHaveCount(1);
  });
});

test.describe('without accounts (AUTH=none)', () => {
  test.use({ baseURL: LOCAL_APP });

  test('the Usage button beside the engine badge shows the local user’s own usage, anew each time it opens; axe finds no serious violations', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    // No daily limit without accounts: no count beside Generate.
    await expect(page.getByText(/left today/)).toHaveCount(0);
    const open = async () => {
      await page.getByRole('button', { name: 'Usage', exact: true }).click();
      const usage = page.getByRole('dialog', { name: 'Your usage' });
      await expect(usage.getByRole('table')).toBeVisible();
      return usage;
    };
    const imagesToday = (usage: Locator) => usage.getByRole('row').filter({ hasText: today() }).getByRole('cell').nth(1);
    await generate(page, { prompt: 'a local harbour for usage', seed: 7, steps: 2 });
    let usage = await open();
    // Other tests share this server: count from what is there now.
    const before = Number(await imagesToday(usage).textContent());
    expect(before).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await usage.getByRole('button', { name: 'Close' }).click();
    await generate(page, { prompt: 'a second local harbour', seed: 8, steps: 2 });
    usage = await open();
    await expect(imagesToday(usage)).toHaveText(String(before + 1));
  });
});
