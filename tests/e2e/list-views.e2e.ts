import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loggedIn, screenshot, state } from './browser';

/** The content manager's list views as Newsgraph configures them, driven in a real browser. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const listUrl = (uid: string, search = '') => `${state().url}/admin/content-manager/collection-types/${uid}${search}`;

/** Opens a list, past Strapi's guided tour, which a new super admin meets on the first list it opens. */
async function openList(page: Page, uid: string): Promise<void> {
  await page.goto(listUrl(uid));
  await page.locator('table thead th').first().waitFor({ timeout: 60_000 });
  const skip = page.getByRole('button', { name: 'Skip', exact: true });
  try {
    await skip.waitFor({ timeout: 3_000 });
    await skip.click();
  } catch {
    // No tour: this user has seen it.
  }
}

/** A sortable header cell, by its label. */
const headerCell = (page: Page, label: RegExp) => page.locator('table thead th').filter({ hasText: label });

/** The text of each header cell of the list's table, in lower case (the design system shows it in capitals). */
async function headers(page: Page): Promise<string[]> {
  await page.locator('table thead th').first().waitFor({ timeout: 60_000 });
  return (await page.locator('table thead th').allTextContents()).map((text) => text.trim().toLowerCase());
}

/** The visible text of one column, row by row. */
async function column(page: Page, index: number): Promise<string[]> {
  return page.locator(`table tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

test('an editor - should read statements with their story, open flags and check-worthiness, and sort them by check-worthiness', async () => {
  const chief = await loggedIn(browser, 'chief');
  try {
    const page = chief.page;
    await openList(page, 'api::statement.statement');
    const names = await headers(page);
    for (const name of ['text', 'story', 'speaker', 'kind', 'open flags', 'check-worthiness', 'verification']) expect(names.join('|')).toContain(name);
    // Every row's cell answers, from one request per page; the demo has open flags.
    await page.getByTestId('open-flags-cell').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="open-flags-cell"][data-severity]').count()).toBeGreaterThan(0);

    // Both columns sort; a second click sorts descending.
    await headerCell(page, /^story$/i).click();
    await page.waitForURL(/sort=story\.title(%3A|:)ASC/);
    await headerCell(page, /check-worthiness/i).click();
    await page.waitForURL(/sort=checkWorthiness(%3A|:)ASC/);
    await headerCell(page, /check-worthiness/i).click();
    await page.waitForURL(/sort=checkWorthiness(%3A|:)DESC/);
    expect(await headerCell(page, /check-worthiness/i).getAttribute('aria-sort')).toBe('descending');
    await page.locator('table tbody tr').nth(2).waitFor();
    const scoreColumn = (await headers(page)).findIndex((name) => name.includes('check-worthiness'));
    const scores = (await column(page, scoreColumn)).slice(0, 10).map(Number).filter((value) => !Number.isNaN(value));
    expect(scores.length).toBeGreaterThan(2);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await screenshot(page, 'list-statements');
    expect(chief.dialogs).toEqual([]);
  } finally {
    await chief.context.close();
  }
});

test('an editor - should find the newsroom\'s own actors first, and the countries one click away', async () => {
  const chief = await loggedIn(browser, 'chief');
  try {
    const page = chief.page;
    await openList(page, 'api::actor.actor');
    const names = await headers(page);
    for (const name of ['name', 'kind', 'country', 'statements made', 'mentioned in']) expect(names.join('|')).toContain(name);
    const kindColumn = names.findIndex((name) => name.includes('kind'));
    expect((await column(page, kindColumn))[0]).not.toMatch(/country/i);
    await screenshot(page, 'list-actors');

    await page.getByTestId('actors-countries').click();
    await page.waitForURL(/filters/);
    await page.waitForFunction((index) => {
      const cells = Array.from(document.querySelectorAll(`table tbody tr td:nth-child(${index + 1})`));
      return cells.length > 5 && cells.every((cell) => /country/i.test(cell.textContent ?? ''));
    }, kindColumn, { timeout: 30_000 }).catch(async (error) => {
      await screenshot(page, 'failed-actor-countries');
      throw error;
    });
    const kinds = await column(page, kindColumn);
    expect(kinds.length).toBeGreaterThan(5);
    expect(kinds.every((kind) => /country/i.test(kind))).toBe(true);

    await page.getByTestId('actors-newsroom').click();
    await page.waitForFunction(() => !Array.from(document.querySelectorAll('table tbody tr')).some((row) => /country/i.test(row.textContent ?? '')), undefined, { timeout: 30_000 });
  } finally {
    await chief.context.close();
  }
});

test('an editor - should see each story\'s statements and open flags in the Story list', async () => {
  const chief = await loggedIn(browser, 'chief');
  try {
    const page = chief.page;
    await openList(page, 'api::story.story');
    const names = await headers(page);
    for (const name of ['headline', 'story date', 'statements', 'open flags']) expect(names.join('|')).toContain(name);
    await page.getByTestId('open-flags-cell').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'list-stories');
  } finally {
    await chief.context.close();
  }
});
