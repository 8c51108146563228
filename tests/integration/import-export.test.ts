import { startTestApp, type TestApp } from '../helpers/test-app';
import { ARCHIVE_LINES } from '../fixtures/archive';
import { checkNinjsItem, parseArchiveLine, type ArchiveLine } from '../../src/plugins/newsgraph/server/src/core/archive/archive-format';

/** The archive import and export (docs/import-export.md), on the database the run is configured for. */

interface ArchiveService {
  importLine(line: ArchiveLine): Promise<'created' | 'updated' | 'unchanged'>;
  exportLines(): AsyncGenerator<ArchiveLine>;
}

let app: TestApp;
const archive = () => app.strapi.plugin('newsgraph').service('archive') as ArchiveService;

async function importAll(lines: Array<Record<string, unknown>>): Promise<string[]> {
  const outcomes: string[] = [];
  for (const raw of lines) {
    const parsed = parseArchiveLine(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(parsed.error);
    outcomes.push(await archive().importLine(parsed.line));
  }
  return outcomes;
}

async function exportAll(): Promise<ArchiveLine[]> {
  const lines: ArchiveLine[] = [];
  for await (const line of archive().exportLines()) lines.push(line);
  return lines;
}

/** An export without the times a new database gives its rows. */
function comparable(lines: ArchiveLine[]) {
  return lines.map((line) => (line.type === 'story' ? { ...line, item: { ...line.item, firstcreated: undefined, versioncreated: undefined } } : line));
}

async function counts() {
  const count = (uid: string) => app.strapi.db.query(uid as never).count();
  return { stories: await count('api::story.story'), statements: await count('api::statement.statement'), actors: await count('api::actor.actor'), proposals: await count('api::proposal.proposal') };
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

test('Import - should create the newsroom, link it, and change nothing on a second run', async () => {
  expect(await importAll(ARCHIVE_LINES)).toEqual(['created', 'created', 'created', 'created', 'created', 'created']);
  const statements = (await app.strapi.db.query('api::statement.statement' as never).findMany({ populate: { speaker: true, mentions: true } })) as Array<{ text: string; speaker: { slug: string } | null; mentions: Array<{ slug: string }>; verification: string }>;
  const byText = new Map(statements.map((statement) => [statement.text, statement]));
  expect(byText.get('We will reopen the port')?.speaker?.slug).toBe('ilse-halvik');
  expect(byText.get('4,000 trucks were waiting at the border')?.speaker?.slug).toBe('tomas-brandt');
  expect(byText.get('4,000 trucks were waiting at the border')?.mentions.map((actor) => actor.slug)).toContain('varnesian-government');
  expect(byText.get('The port would reopen on Monday')?.verification).toBe('accurate');
  const published = await app.strapi.documents('api::story.story').findMany({ status: 'published' });
  expect(published.map((story) => story.slug)).toEqual(['port-talks-resume']);

  const before = await counts();
  expect(await importAll(ARCHIVE_LINES)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
  expect(await counts()).toEqual(before);
});

test('Export - should write valid ninjs 2.0 items that an import of the export reproduces', async () => {
  const exported = await exportAll();
  expect(exported.map((line) => line.type)).toEqual(['actor', 'actor', 'actor', 'proposal', 'story', 'story']);
  for (const line of exported) if (line.type === 'story') expect(checkNinjsItem(line.item)).toBeNull();
  for (const line of exported) expect(parseArchiveLine(JSON.stringify(line))).toMatchObject({ ok: true });
  // Into the same newsroom: nothing to do.
  expect(await importAll(exported as never)).toEqual(exported.map(() => 'unchanged'));

  // Into a new one: the same newsroom comes back.
  const before = await counts();
  await app.stop();
  app = await startTestApp();
  expect(await counts()).toMatchObject({ stories: 0, statements: 0 });
  await importAll(exported as never);
  expect(await counts()).toEqual(before);
  expect(comparable(await exportAll())).toEqual(comparable(exported));
});

test('A line refused half-way - should leave nothing of it, and the next line should import', async () => {
  const before = await counts();
  const broken = {
    type: 'story', item: { uri: 'urn:x:broken', headlines: [{ value: 'Broken story' }] },
    newsgraph: { slug: 'broken-story', storyDate: '2026-03-03T00:00:00.000Z', statements: [{ text: 'A fine statement', attribution: 'Halvik said' }, { text: 'Said by nobody we know', speaker: 'nobody-at-all' }] },
  };
  const parsed = parseArchiveLine(JSON.stringify(broken));
  expect(parsed.ok).toBe(true);
  await expect(archive().importLine((parsed as { line: ArchiveLine }).line)).rejects.toThrow(/unknown actor "nobody-at-all"/);
  const refused = { ...broken, newsgraph: { ...broken.newsgraph, statements: [{ text: 'A fine statement', attribution: 'Halvik said' }, { text: 'x', kind: 'rumour' }] } };
  await expect(archive().importLine((parseArchiveLine(JSON.stringify(refused)) as { line: ArchiveLine }).line)).rejects.toThrow();
  expect(await counts()).toEqual(before);
  expect(await app.strapi.db.query('api::story.story' as never).count({ where: { slug: 'broken-story' } })).toBe(0);

  expect(await importAll([{ type: 'actor', slug: 'new-actor', name: 'New Actor', kind: 'person' }])).toEqual(['created']);
});
