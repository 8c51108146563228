import type { Browser } from 'playwright-core';
import { adminApi, launchBrowser, loggedIn, screenshot, state } from './browser';

/** "Suggest statements": an editor pastes a wire story and takes its statements from the body. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WIRE_STORY = [
  'KORVATH (Demo Wire) - Ceasefire talks resumed on Thursday after a week of shelling along the river.',
  '',
  '"We are ready to sign a memorandum this week, but not under fire," Anton Merel told reporters after the session.',
  '',
  'He said grain exports had fallen by 42 percent since March.',
  '',
  'Teodor Halvik said the offer was "a stalling tactic" and that his government would wait for written terms.',
  '',
  '"Nobody in this room believes the shelling will stop on its own," Halvik added.',
].join('\n');

test('an editor - should paste a wire story, suggest its statements, accept them and see them linked and flagged', async () => {
  const editorApi = await adminApi('editor');
  // The paste: a new story with the wire copy as its body, as the editor's form would save it.
  const created = await editorApi('POST', '/content-manager/collection-types/api::story.story', { title: 'Ceasefire talks resume on the river', storyDate: '2026-05-07T09:00:00.000Z', body: WIRE_STORY });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;

  const editor = await loggedIn(browser, 'editor');
  try {
    const page = editor.page;
    await page.goto(`${state().url}/admin/content-manager/collection-types/api::story.story/${documentId}`);
    const panel = page.getByTestId('story-overview-panel');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('story-statement').count()).toBe(0);

    await panel.getByTestId('suggest-statements').click();
    const list = page.getByTestId('suggestion-list');
    await list.waitFor({ timeout: 30_000 });
    const suggestions = list.getByTestId('suggestion');
    expect(await suggestions.count()).toBeGreaterThanOrEqual(4);
    // Each shows its sentence with the words marked and its speaker resolved.
    await list.getByTestId('suggestion').first().locator('mark[data-role="content"]').waitFor();
    expect(await list.getByTestId('suggestion-speaker').allTextContents()).toEqual(expect.arrayContaining(['Anton Merel', 'Teodor Halvik']));
    await screenshot(page, 'suggest-statements');

    // One rejected, one edited then accepted, the rest of Merel's at once, the remainder one by one.
    const total = await suggestions.count();
    await suggestions.last().getByTestId('reject-suggestion').click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="suggestion"]').length === count, total - 1);
    await suggestions.first().getByTestId('edit-suggestion').click();
    await page.getByTestId('suggestion-text').fill('We are ready to sign a memorandum this week, but not under fire');
    await page.getByTestId('accept-edited').click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="suggestion"]').length === count, total - 2, { timeout: 90_000 });
    // Every action disables the buttons until the server has answered.
    const settled = () => page.waitForFunction(() => document.querySelector('[data-testid="accept-suggestion"][disabled]') === null, undefined, { timeout: 90_000 });
    const merel = list.getByTestId('accept-speaker').filter({ hasText: 'Anton Merel' });
    if (await merel.count()) {
      const before = await suggestions.count();
      await merel.click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="suggestion"]').length < count, before, { timeout: 90_000 });
      await settled();
    }
    while ((await suggestions.count()) > 0) {
      const before = await suggestions.count();
      await suggestions.first().getByTestId('accept-suggestion').click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="suggestion"]').length < count, before, { timeout: 90_000 });
      await settled();
    }
    await page.keyboard.press('Escape');

    // Linked (speakers found) and flagged, in the panel and on the server.
    await panel.getByTestId('story-statement').nth(total - 2).waitFor({ timeout: 30_000 }).catch(() => undefined);
    const chief = await adminApi('chief');
    const overview = (await chief('GET', `/newsgraph/stories/${documentId}/overview`)).body.data as { statements: Array<{ speaker: { name: string } | null }>; openFlags: { flags: unknown[] } };
    expect(overview.statements).toHaveLength(total - 1);
    expect(overview.statements.filter((statement) => statement.speaker?.name === 'Anton Merel').length).toBeGreaterThanOrEqual(2);
    expect(overview.statements.some((statement) => statement.speaker?.name === 'Teodor Halvik')).toBe(true);
    expect(overview.openFlags.flags.length).toBeGreaterThan(0);
    // The rejected one is not suggested again, nor are the accepted ones.
    expect((await editorApi('POST', `/newsgraph/stories/${documentId}/suggest-statements`, {})).body.data).toEqual([]);
    expect(editor.dialogs).toEqual([]);
  } finally {
    await editor.context.close();
  }
});
