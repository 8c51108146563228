import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { adminApi, launchBrowser, loggedIn, screenshot, state } from './browser';

/** The story as a picture: the side panel's graph, the full page, selection and PNG export. */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STORY = 'api::story.story';
const STATEMENT = 'api::statement.statement';

/** The drawn graph's node count, once Cytoscape has laid it out. */
async function drawnNodes(page: Page): Promise<number> {
  const canvas = page.getByTestId('story-graph-canvas').first();
  await canvas.locator('canvas').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="story-graph-canvas"]')?.getAttribute('data-nodes') !== null);
  return Number(await canvas.getAttribute('data-nodes'));
}

/** The PNG's size from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('an editor - should see the story\'s graph beside its form, open it full page, select an actor\'s statements and export a PNG', async () => {
  const chief = await adminApi('chief');
  const found = await chief('GET', `/content-manager/collection-types/${STORY}?filters[slug][$eq]=merel-ashdale-call-memorandum-no-truce`);
  const documentId = found.body.results[0].documentId as string;
  const expected = (await chief('GET', `/newsgraph/stories/${documentId}/graph`)).body.data.graph as { nodes: Array<{ id: string; type: string; label: string }>; edges: Array<{ source: string; target: string; type: string }> };
  expect(expected.nodes.length).toBeGreaterThan(20);

  const editor = await loggedIn(browser, 'editor');
  try {
    const page = editor.page;
    await page.goto(`${state().url}/admin/content-manager/collection-types/${STORY}/${documentId}`);
    await page.getByTestId('story-overview-panel').waitFor({ timeout: 60_000 });
    expect(await drawnNodes(page)).toBe(expected.nodes.length);

    await page.getByTestId('open-story-graph').click();
    await page.waitForURL(/\/plugins\/newsgraph\/graph\//);
    await page.getByTestId('story-graph-legend').waitFor({ timeout: 60_000 });
    expect(await drawnNodes(page)).toBe(expected.nodes.length);

    // The actor with the most statements, chosen from the list beside the canvas.
    const degree = new Map<string, number>();
    for (const edge of expected.edges) if (edge.type === 'said') degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    const [busiest] = [...degree.entries()].sort((a, b) => b[1] - a[1]);
    const actor = expected.nodes.find((node) => node.id === busiest![0])!;
    const statementsOfActor = new Set(expected.edges.filter((edge) => edge.source === actor.id || edge.target === actor.id).map((edge) => (edge.source === actor.id ? edge.target : edge.source)).filter((id) => id.startsWith('statement:')));
    await page.getByRole('combobox', { name: 'Show the statements of…' }).click();
    await page.getByRole('option', { name: actor.label, exact: true }).click();
    const selection = page.getByTestId('story-graph-selection');
    await selection.waitFor();
    await expect(selection.getByRole('link').count()).resolves.toBe(statementsOfActor.size);
    await screenshot(page, 'story-graph');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('story-graph-export').click()]);
    expect(download.suggestedFilename()).toBe(`story-graph-${documentId}.png`);
    const file = await download.path();
    const { width, height } = pngSize(file!);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(300);
    expect(editor.dialogs).toEqual([]);
  } finally {
    await editor.context.close();
  }
});

test('an editor - should get a graph of a 200-statement story drawn and laid out in the full page', async () => {
  const chief = await adminApi('chief');
  const actors = ((await chief('GET', '/content-manager/collection-types/api::actor.actor?filters[kind][$eq]=person&pageSize=12')).body.results as Array<{ name: string }>).map((actor) => actor.name);
  expect(actors.length).toBeGreaterThan(5);
  const story = await chief('POST', `/content-manager/collection-types/${STORY}`, { title: 'Two hundred voices on the harbour deal', storyDate: '2026-05-04T09:00:00.000Z', body: 'PORT ELDER - Officials, unions and shippers argued over the harbour deal all week.' });
  expect(story.status).toBe(201);
  const storyId = story.body.data.documentId as string;
  const created: number[] = [];
  for (let batch = 0; batch < 20; batch += 1) {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => {
      const n = batch * 10 + index;
      const speaker = actors[n % actors.length]!;
      const named = actors[(n * 7 + 3) % actors.length]!;
      return chief('POST', `/content-manager/collection-types/${STATEMENT}`, { story: { connect: [{ documentId: storyId }] }, kind: 'paraphrase', text: `${named} would have to answer for the harbour deal by week ${n + 1}.`, attribution: `${speaker} said` });
    }));
    created.push(...answers.map((answer) => answer.status));
  }
  expect(created.filter((status) => status === 201)).toHaveLength(200);

  const editor = await loggedIn(browser, 'editor');
  try {
    const page = editor.page;
    const started = Date.now();
    await page.goto(`${state().url}/admin/plugins/newsgraph/graph/${storyId}`);
    expect(await drawnNodes(page)).toBeGreaterThanOrEqual(200 + Math.min(actors.length, 6));
    // Drawn within a bound a reader would wait, on this 2-core machine, page load included.
    expect(Date.now() - started).toBeLessThan(30_000);
    await screenshot(page, 'story-graph-200');
  } finally {
    await editor.context.close();
  }
});
