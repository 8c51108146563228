import { startTestApp, type TestApp } from '../helpers/test-app';
import { ARCHIVE_LINES } from '../fixtures/archive';
import { parseArchiveLine, type ArchiveLine } from '../../src/plugins/newsgraph/server/src/core/archive/archive-format';

/**
 * The archive import's batches (docs/import-export.md, "Batches") against the one-save-at-a-time
 * path: the same archive imported line by line through the Document Service and in batches must
 * leave the same links, scores, verdicts, Story.actors, flags and review events, on the database the
 * run is configured for.
 */

type Row = Record<string, unknown>;
type Outcome = { number: number; outcome?: string; error?: Error };

interface ArchiveService {
  importLine(line: ArchiveLine): Promise<string>;
  importLines(lines: Array<{ number: number; line: ArchiveLine }>): Promise<Outcome[]>;
}

const story = (slug: string, statements: Array<Record<string, unknown>>, extra: { published?: boolean; body?: string; proposals?: string[]; sourceUrl?: string } = {}) => ({
  type: 'story',
  item: { uri: `urn:test:${slug}`, headlines: [{ value: `Story ${slug}` }], pubstatus: extra.published === false ? 'withheld' : 'usable', ...(extra.body ? { bodies: [{ value: extra.body }] } : {}) },
  newsgraph: { slug, storyDate: '2026-03-05T00:00:00.000Z', ...(extra.proposals ? { proposals: extra.proposals } : {}), ...(extra.sourceUrl ? { sourceUrl: extra.sourceUrl } : {}), statements },
});

const BERG_AGAIN = story('berg-again', [
  { text: 'Unemployment has doubled in the north', kind: 'claim', attribution: 'a spokesman said', speaker: 'karl-berg' },
  { text: 'The truce holds for now', kind: 'paraphrase', attribution: 'Varnesia said', linkOverrides: { reject: ['varnesian-government'], rejectProposals: ['port-ceasefire'] } },
], { published: false });

/**
 * The fixture, and what exercises every input the linker and the rules read from the database: an
 * alias two actors share (settled by the story's actors), "the talks" (settled by the story's
 * proposals), a verdict repeated later in the same and in another story, a quote missing from a
 * published body (the publish guard refuses the line), an unknown actor (refused), and a story twice.
 */
const ARCHIVE: Array<Record<string, unknown>> = [
  ...ARCHIVE_LINES,
  { type: 'actor', slug: 'anna-berg', name: 'Anna Berg', kind: 'person', aliases: [{ name: 'Berg' }] },
  { type: 'actor', slug: 'karl-berg', name: 'Karl Berg', kind: 'person', aliases: [{ name: 'Berg' }] },
  { type: 'proposal', slug: 'harbour-talks', title: 'Harbour talks', kind: 'negotiation', status: 'proposed', aliases: [{ name: 'harbour negotiations' }] },
  story('berg-speaks', [
    { text: 'Exports fell by 12 percent last year', kind: 'claim', attribution: 'Anna Berg said' },
    { text: 'The talks will go on, Halvik was told', kind: 'paraphrase', attribution: 'Berg said' },
    { text: 'Exports fell by 12 percent in the last year', kind: 'claim', attribution: 'Karl Berg said' },
    { text: 'Unemployment doubled in the north', kind: 'claim', attribution: 'Berg said', verification: 'false', evidence: [{ url: 'https://stats.example/u', title: 'Stats', note: 'table 3' }] },
  ], { proposals: ['harbour-talks'], sourceUrl: 'https://wire.example/berg' }),
  BERG_AGAIN,
  story('misquoted', [{ text: 'We never closed the port', kind: 'direct_quote', attribution: 'Halvik said' }], { body: 'Halvik spoke about the harbour.' }),
  story('nobody', [{ text: 'Said by nobody we know', speaker: 'nobody-at-all' }]),
  BERG_AGAIN,
  story('quiet-day', [
    { text: 'Unemployment doubled in the north', kind: 'claim', attribution: 'Tomas Brandt said' },
    { text: 'Inflation rose by 4,000 points', kind: 'claim', attribution: 'anonymous officials said' },
  ]),
];

let app: TestApp;
const archive = () => app.strapi.plugin('newsgraph').service('archive') as ArchiveService;
const numbered = () => ARCHIVE.map((raw, index) => {
  const parsed = parseArchiveLine(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(parsed.error);
  return { number: index + 1, line: parsed.line };
});

/** Everything the import computes, keyed by slugs and words instead of ids and times. */
async function snapshot() {
  const knex = app.strapi.db.connection;
  const query = (uid: string) => app.strapi.db.query(uid as never);
  const actors = new Map(((await query('api::actor.actor').findMany({ select: ['documentId', 'slug'] })) as Row[]).map((row) => [row.documentId as string, row.slug as string]));
  const proposals = new Map(((await query('api::proposal.proposal').findMany({ select: ['documentId', 'slug'] })) as Row[]).map((row) => [row.documentId as string, row.slug as string]));
  const stories = (await query('api::story.story').findMany({
    orderBy: { id: 'asc' },
    populate: { actors: { select: ['slug'] }, proposals: { select: ['slug'] }, statements: { select: ['documentId'] } },
  })) as Row[];
  const statements = (await query('api::statement.statement').findMany({
    orderBy: { id: 'asc' },
    populate: { speaker: { select: ['slug'] }, mentions: { select: ['slug'] }, proposals: { select: ['slug'] }, story: { select: ['slug'] }, evidence: true },
  })) as Row[];
  const keyOf = new Map(statements.map((row) => [row.documentId as string, `${(row.story as Row | null)?.slug as string}|${row.text as string}|${row.attribution as string}`]));
  const slugs = (rows: unknown) => ((rows as Row[]) ?? []).map((row) => row.slug as string).sort();
  // Ids to slugs and keys wherever the linker and the rules store them.
  const named = (value: unknown): unknown => {
    if (typeof value === 'string') return actors.get(value) ?? proposals.get(value) ?? keyOf.get(value) ?? value;
    if (Array.isArray(value)) return value.map(named);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'linkedAt').map(([key, item]) => [key, named(item)]));
    return value;
  };
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  const flagJoin = app.strapi.db.metadata.get('plugin::newsgraph.flag' as never) as unknown as { attributes: Record<string, { joinTable: { name: string; joinColumn: { name: string } } }> };
  const flagStoryLinks = (await knex(flagJoin.attributes.story!.joinTable.name).select()) as Row[];
  const flags = (await query('plugin::newsgraph.flag').findMany({ orderBy: { id: 'asc' }, populate: { statement: { select: ['documentId'] } } })) as Row[];
  const events = (await query('plugin::newsgraph.review-event').findMany({ populate: { flag: { select: ['key'] } } })) as Row[];
  // statement|kind|cause, where a repeated claim's cause names the earlier statement.
  const flagKey = (key: string) => {
    const [statement, ...rest] = key.split('|');
    return [keyOf.get(statement!), ...rest.map((part) => part.replace(/^statement:(.+)$/, (_, id: string) => `statement:${keyOf.get(id) ?? id}`))].join('|');
  };
  return {
    stories: stories
      .map((row) => ({ slug: row.slug, published: Boolean(row.publishedAt), title: row.title, body: row.body, actors: slugs(row.actors), proposals: slugs(row.proposals), statements: ((row.statements as Row[]) ?? []).map((item) => keyOf.get(item.documentId as string)).sort() }))
      .sort((a, b) => `${a.slug}${a.published}`.localeCompare(`${b.slug}${b.published}`)),
    statements: statements
      .map((row) => ({
        key: keyOf.get(row.documentId as string), kind: row.kind, verification: row.verification, verifiedText: row.verifiedText, checkWorthiness: Number(row.checkWorthiness), linkText: row.linkText,
        linkOverrides: named(json(row.linkOverrides)), linkState: named(json(row.linkState)), speaker: (row.speaker as Row | null)?.slug ?? null, mentions: slugs(row.mentions), proposals: slugs(row.proposals),
        evidence: ((row.evidence as Row[]) ?? []).map((item) => ({ url: item.url, title: item.title, note: item.note })),
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    flags: flags
      .map((row) => ({
        key: flagKey(row.key as string), statement: keyOf.get((row.statement as Row | null)?.documentId as string) ?? null, kind: row.kind, severity: row.severity, status: row.status, reason: row.reason, score: Number(row.score),
        version: row.version, earlierVerdicts: named((json(row.earlierVerdicts) as Row[] | null)?.map(({ date: _date, ...verdict }) => verdict) ?? null),
        storyVersions: flagStoryLinks.filter((link) => link[flagJoin.attributes.story!.joinTable.joinColumn.name] === row.id).length,
        events: events.filter((event) => (event.flag as Row | null)?.key === row.key).map((event) => ({ from: event.from, to: event.to, note: event.note })),
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

test('Batches - should leave what one save at a time leaves: links, scores, verdicts, Story.actors, flags, events', async () => {
  const oneByOne: Array<{ number: number; outcome?: string; error?: string }> = [];
  for (const { number, line } of numbered()) {
    try {
      oneByOne.push({ number, outcome: await archive().importLine(line) });
    } catch (error) {
      oneByOne.push({ number, error: (error as Error).message });
    }
  }
  const expected = await snapshot();
  // The archive exercises what it claims to.
  expect(expected.flags.map((flag) => flag.kind)).toEqual(expect.arrayContaining(['repeats_checked_claim', 'unverified_claim', 'anonymous_source']));
  expect(oneByOne.filter((outcome) => outcome.error).map((outcome) => outcome.number)).toEqual([ARCHIVE.length - 3, ARCHIVE.length - 2]);

  await app.stop();
  app = await startTestApp();
  const batched = await archive().importLines(numbered());
  expect(batched.map((outcome) => ('error' in outcome && outcome.error ? { number: outcome.number, error: outcome.error.message } : { number: outcome.number, outcome: outcome.outcome }))).toEqual(oneByOne);
  const actual = await snapshot();
  expect(actual.statements).toEqual(expected.statements);
  expect(actual.stories).toEqual(expected.stories);
  expect(actual.flags).toEqual(expected.flags);
});

test('Batches - a second run should change nothing', async () => {
  const before = await snapshot();
  const outcomes = await archive().importLines(numbered());
  expect(outcomes.filter((outcome) => 'outcome' in outcome && outcome.outcome !== 'unchanged')).toEqual([]);
  expect(await snapshot()).toEqual(before);
});

test('Batches - actors after the statements that name them relink those statements, in one job for the run of actors', async () => {
  const relink = app.strapi.plugin('newsgraph').service('relink') as { recentJobs(limit?: number): Promise<Array<{ id: string; reason: string | null }>>; idle(): Promise<void> };
  await relink.idle();
  const jobsBefore = (await relink.recentJobs(100)).length;
  const speakerOf = async () =>
    ((await app.strapi.db.query('api::statement.statement').findMany({ where: { attribution: 'Petra Lindqvist said' }, populate: { speaker: { select: ['slug'] } } })) as Row[]).map((row) => (row.speaker as Row | null)?.slug ?? null);

  const lines = [
    story('lindqvist-speaks', [{ text: 'Road deaths halved in five years', kind: 'claim', attribution: 'Petra Lindqvist said' }]),
    { type: 'actor', slug: 'petra-lindqvist', name: 'Petra Lindqvist', kind: 'person' },
    { type: 'actor', slug: 'oskar-venn', name: 'Oskar Venn', kind: 'person', aliases: [{ name: 'Venn' }] },
  ].map((raw, index) => {
    const parsed = parseArchiveLine(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(parsed.error);
    return { number: index + 1, line: parsed.line };
  });
  expect((await archive().importLines(lines)).map((outcome) => outcome.outcome)).toEqual(['created', 'created', 'created']);
  await relink.idle();

  const jobs = await relink.recentJobs(100);
  expect(jobs.length - jobsBefore).toBe(1);
  expect(jobs[0]!.reason).toBe('import: 2 actors created or changed');
  // Both versions of the published story's statement (draft and published rows) name the speaker now.
  expect([...new Set(await speakerOf())]).toEqual(['petra-lindqvist']);
});
