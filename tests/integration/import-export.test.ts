import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { ARCHIVE_LINES, archiveText } from '../fixtures/archive';
import { checkNinjsItem, parseArchiveLine, type ArchiveLine } from '../../src/plugins/newsgraph/server/src/core/archive/archive-format';

/** The archive import and export (docs/import-export.md), on the database the run is configured for. */

interface ArchiveService {
  importLine(line: ArchiveLine): Promise<'created' | 'updated' | 'unchanged'>;
  importLines(lines: Array<{ number: number; line: ArchiveLine }>): Promise<Array<{ number: number; outcome: string } | { number: number; error: Error }>>;
  exportLines(): AsyncGenerator<ArchiveLine>;
}

let app: TestApp;
const archive = () => app.strapi.plugin('newsgraph').service('archive') as ArchiveService;

/** Imports lines as `npm run import` does: in one batch (new stories in bulk, the rest line by line). */
async function importAll(lines: Array<Record<string, unknown>>): Promise<string[]> {
  const numbered = lines.map((raw, index) => {
    const parsed = parseArchiveLine(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(parsed.error);
    return { number: index + 1, line: parsed.line };
  });
  return (await archive().importLines(numbered)).map((result) => {
    if ('error' in result) throw result.error;
    return result.outcome;
  });
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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { APP_DIR, TEST_DIST_DIR } = require('../setup/paths') as { APP_DIR: string; TEST_DIST_DIR: string };

interface ImportRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run import` as a child process on this test's database; `killAfterLine` kills it once that many lines are done. */
function runImport(file: string, killAfterLine?: number, options: string[] = []): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(APP_DIR, 'scripts', 'import.js'), file, ...options], {
      cwd: APP_DIR,
      env: { ...process.env, NEWSGRAPH_DIST_DIR: TEST_DIST_DIR, STRAPI_LOG_LEVEL: 'error' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const watcher = killAfterLine === undefined ? undefined : setInterval(() => {
      try {
        if (JSON.parse(fs.readFileSync(`${file}.import-state.json`, 'utf8')).done >= killAfterLine) child.kill('SIGKILL');
      } catch {
        // Not written yet, or being replaced: look again.
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      if (watcher) clearInterval(watcher);
      resolve({ code, stdout, stderr });
    });
  });
}

/** An archive of `stories` stories of five statements each, about the fixture's actors. */
function generatedArchive(stories: number): Array<Record<string, unknown>> {
  const people = ARCHIVE_LINES.filter((line) => line.type !== 'story');
  const lines = [...people];
  for (let index = 0; index < stories; index += 1) {
    lines.push({
      type: 'story',
      item: { uri: `urn:test:story:${index}`, headlines: [{ value: `Talks, day ${index}` }], pubstatus: index % 2 === 0 ? 'usable' : 'withheld' },
      newsgraph: {
        slug: `talks-day-${index}`, storyDate: '2026-03-01T00:00:00.000Z',
        statements: Array.from({ length: 5 }, (_, number) => ({ text: `Statement ${number} of day ${index}: the port reopens`, kind: 'paraphrase', attribution: number % 2 ? 'Halvik said' : 'Tomas Brandt said' })),
      },
    });
  }
  return lines;
}

/** `npm run export` as a child process on this test's database. */
function runExport(args: string[]): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(APP_DIR, 'scripts', 'export.js'), ...args], { cwd: APP_DIR, env: { ...process.env, NEWSGRAPH_DIST_DIR: TEST_DIST_DIR, STRAPI_LOG_LEVEL: 'error' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import and npm run export', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-import-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  test('npm run export - should write the archive and the DataFeed of the rated statements of published stories', async () => {
    const out = path.join(folder, 'export.ndjson');
    const feedFile = path.join(folder, 'claim-reviews.json');
    const run = await runExport(['--out', out, '--claim-reviews', feedFile]);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const written = fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ArchiveLine);
    expect(comparable(written)).toEqual(comparable(await exportAll()));
    const feed = JSON.parse(fs.readFileSync(feedFile, 'utf8')) as { '@type': string; dataFeedElement: Array<{ claimReviewed?: string; item?: { claimReviewed?: string } }> };
    expect(feed['@type']).toBe('DataFeed');
    expect(JSON.stringify(feed.dataFeedElement)).toContain('The port would reopen on Monday');
  });

  test('Bad lines - should be reported with their line numbers and skipped, the others imported', async () => {
    const file = path.join(folder, 'bad-lines.ndjson');
    const lines = archiveText(generatedArchive(2)).split('\n');
    lines.splice(1, 0, '{"type":"actor", "slug": "broken"');
    lines.splice(3, 0, JSON.stringify({ type: 'story', item: { uri: 'urn:test:x', headlines: [{ value: 'X' }] }, newsgraph: { slug: 'x-story', storyDate: '2026-03-01T00:00:00Z', statements: [{ text: 'X', speaker: 'nobody-at-all' }] } }));
    fs.writeFileSync(file, lines.join('\n'));
    const run = await runImport(file);
    expect({ code: run.code, stderr: run.code === 2 ? '' : run.stderr }).toEqual({ code: 2, stderr: '' });
    expect(run.stderr).toMatch(/line 2: not JSON/);
    expect(run.stderr).toMatch(/line 4: unknown actor "nobody-at-all"/);
    expect(await app.strapi.db.query('api::story.story' as never).count({ where: { slug: { $in: ['talks-day-0', 'talks-day-1'] } } })).toBeGreaterThanOrEqual(2);
    expect(await app.strapi.db.query('api::story.story' as never).count({ where: { slug: 'x-story' } })).toBe(0);
  });

  test('A kill mid-import - should continue where it stopped and end as an uninterrupted import would', async () => {
    const file = path.join(folder, 'killed.ndjson');
    const lines = generatedArchive(14);
    fs.writeFileSync(file, archiveText(lines));
    // Batches of one story (five statements), so that the kill falls between two of them.
    const killed = await runImport(file, 8, ['--batch-statements=5']);
    expect(killed.code).toBeNull();
    const state = JSON.parse(fs.readFileSync(`${file}.import-state.json`, 'utf8')) as { done: number };
    expect(state.done).toBeGreaterThanOrEqual(8);
    expect(state.done).toBeLessThan(lines.length);

    const resumed = await runImport(file);
    expect({ code: resumed.code, stderr: resumed.code === 0 ? '' : resumed.stderr }).toEqual({ code: 0, stderr: '' });
    expect(resumed.stdout).toMatch(new RegExp(`continuing after line ${state.done}`));
    expect(fs.existsSync(`${file}.import-state.json`)).toBe(false);

    // What an uninterrupted import leaves: every line already there as the archive says, nothing twice.
    expect(await importAll(lines)).toEqual(lines.map(() => 'unchanged'));
    const slugs = lines.filter((line) => line.type === 'story').map((line) => (line.newsgraph as { slug: string }).slug);
    const statements = (await app.strapi.db.query('api::statement.statement' as never).findMany({ where: { story: { slug: { $in: slugs } } }, select: ['documentId'] })) as Array<{ documentId: string }>;
    expect(new Set(statements.map((statement) => statement.documentId)).size).toBe(slugs.length * 5);
  });
});
