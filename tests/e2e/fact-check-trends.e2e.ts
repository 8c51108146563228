import type { Browser } from 'playwright-core';
import { adminApi, launchBrowser, loggedIn, screenshot } from './browser';

/** The Fact-check page's trends, on the demo newsroom with a few verdicts given through the review routes. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the trends - should draw the flags per day, the median time to resolution and the verdicts by speaker', async () => {
  const api = await adminApi('checker');
  const queue = await api('GET', '/newsgraph/flags?status=open&kind=unverified_claim&pageSize=20');
  expect(queue.status).toBe(200);
  const spoken = (queue.body.data as Array<{ documentId: string; version: number; statement: { speaker: { name: string } | null } | null }>).filter((flag) => flag.statement?.speaker);
  expect(spoken.length).toBeGreaterThanOrEqual(3);
  for (const [index, flag] of spoken.slice(0, 3).entries()) {
    expect((await api('POST', `/newsgraph/flags/${flag.documentId}/claim`, { version: flag.version })).status).toBe(200);
    const verdict = ['false', 'misleading', 'accurate'][index];
    expect((await api('POST', `/newsgraph/flags/${flag.documentId}/resolve`, { version: flag.version + 1, verdict, note: 'Checked against the ministry figures', evidence: [] })).status).toBe(200);
  }

  const checker = await loggedIn(browser, 'checker');
  try {
    const { page } = checker;
    await page.getByRole('link', { name: 'Fact-check' }).click();
    await page.getByRole('heading', { name: 'Fact-check' }).waitFor();
    const trends = page.getByTestId('trends');
    await trends.getByRole('button', { name: 'Show trends' }).click();
    await trends.getByTestId('trends-per-day').locator('svg.recharts-surface').first().waitFor();
    // Three series of bars: opened, resolved, dismissed (today's opened and resolved drawn at least).
    await expect(trends.getByTestId('trends-per-day').locator('.recharts-bar').count()).resolves.toBe(3);
    expect(await trends.getByTestId('trends-per-day').locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);
    await expect(trends.getByTestId('trends-summary').innerText()).resolves.toMatch(/Last 30 days: \d+ opened, [1-9]\d* resolved/);
    await expect(trends.getByTestId('trends-median-value').innerText()).resolves.toMatch(/\d+ (min|h|d)|under a minute/);
    const speakers = trends.getByTestId('trends-speakers');
    await speakers.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await speakers.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
    // A long name is cut on the axis, and may be wrapped over two lines.
    expect((await speakers.innerText()).replace(/\s+/g, ' ')).toContain(spoken[0]!.statement!.speaker!.name.slice(0, 20));
    await screenshot(page, 'fact-check-trends');
    await trends.getByRole('button', { name: 'Hide trends' }).click();
    await expect(trends.getByTestId('trends-per-day').count()).resolves.toBe(0);
    expect(checker.dialogs).toEqual([]);
  } finally {
    await checker.context.close();
  }
});
