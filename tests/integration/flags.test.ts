import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';

/** Flags follow their causes on every save of a statement or its story, never twice, with an audit trail. */

const FLAG = 'plugin::newsgraph.flag';
const EVENT = 'plugin::newsgraph.review-event';

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

interface FlagRow {
  id: number;
  documentId: string;
  key: string;
  kind: string;
  status: string;
  severity: string;
  version: number;
}

async function flagsOf(statementDocumentId: string): Promise<FlagRow[]> {
  return (await app.strapi.db.query(FLAG).findMany({ where: { key: { $startsWith: `${statementDocumentId}|` } }, orderBy: { kind: 'asc' } })) as FlagRow[];
}
const statusByKind = (flags: FlagRow[]) => Object.fromEntries(flags.map((flag) => [flag.kind, flag.status]));
async function eventsOf(flag: FlagRow): Promise<Array<{ from: string | null; to: string; note: string }>> {
  return (await app.strapi.db.query(EVENT).findMany({ where: { flag: { id: flag.id } }, orderBy: { id: 'asc' } })) as Array<{ from: string | null; to: string; note: string }>;
}

async function createStory(overrides: Record<string, unknown> = {}) {
  const story = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ sourceUrl: null, body: 'KESSA - "The border stays open," the minister said on Monday.', ...overrides }) });
  expect(story.status).toBe(201);
  return story.body.data.documentId as string;
}

async function createStatement(data: Record<string, unknown>) {
  const created = await app.http().post('/api/statements').set(auth()).send({ data });
  expect(created.status).toBe(201);
  return created.body.data.documentId as string;
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

test('a save - should raise a flag for each cause, with its severity', async () => {
  const story = await createStory();
  const statement = await createStatement({ story, kind: 'direct_quote', text: 'We will close the border on Friday', attribution: 'officials said' });
  const flags = await flagsOf(statement);
  expect(statusByKind(flags)).toEqual({ anonymous_source: 'open', missing_source: 'open', quote_mismatch: 'open', unknown_speaker: 'open' });
  expect(flags.find((flag) => flag.kind === 'quote_mismatch')!.severity).toBe('high');
  expect(await eventsOf(flags[0]!)).toMatchObject([{ from: null, to: 'open' }]);
});

test('saving again, and five saves at once - should never duplicate a flag', async () => {
  const story = await createStory();
  const statement = await createStatement({ story, kind: 'direct_quote', text: 'We will close the border on Friday', attribution: 'officials said' });
  const before = (await flagsOf(statement)).map((flag) => flag.key);
  await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { medium: null } });
  await Promise.all(Array.from({ length: 5 }, (_, index) => app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { attribution: `officials said (${index})` } })));
  const after = await flagsOf(statement);
  expect(after.map((flag) => flag.key).sort()).toEqual(before.sort());
  expect(after.every((flag) => flag.status === 'open')).toBe(true);
});

test('a cause that goes away - should make its flag obsolete, and opening again when it comes back', async () => {
  const story = await createStory();
  const statement = await createStatement({ story, kind: 'paraphrase', text: 'The border stays open', attribution: 'Dana Voss said' });
  expect(statusByKind(await flagsOf(statement)).missing_source).toBe('open');

  await app.http().put(`/api/stories/${story}`).set(auth()).send({ data: { sourceUrl: 'https://example.org/wire/1' } });
  const missing = (await flagsOf(statement)).find((flag) => flag.kind === 'missing_source')!;
  expect(missing.status).toBe('obsolete');
  expect((await eventsOf(missing)).map((event) => `${event.from}->${event.to}`)).toEqual(['null->open', 'open->obsolete']);

  await app.http().put(`/api/stories/${story}`).set(auth()).send({ data: { sourceUrl: null } });
  const back = (await flagsOf(statement)).find((flag) => flag.kind === 'missing_source')!;
  expect(back.status).toBe('open');
  expect(back.version).toBe(missing.version + 1);
});

test('a resolved flag - should open again when the statement text changes, and not otherwise', async () => {
  const story = await createStory({ sourceUrl: 'https://example.org/wire/2' });
  const text = 'Ninety percent of the grain left through the port last year, the highest share on record';
  const statement = await createStatement({ story, kind: 'claim', text, attribution: 'Dana Voss said', sourceUrl: 'https://example.org/q' });
  const claim = (await flagsOf(statement)).find((flag) => flag.kind === 'unverified_claim')!;
  expect(claim.status).toBe('open');
  await app.strapi.db.query(FLAG).update({ where: { id: claim.id }, data: { status: 'resolved', textAtResolution: text } });

  await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { medium: 'press briefing' } });
  expect((await flagsOf(statement)).find((flag) => flag.kind === 'unverified_claim')!.status).toBe('resolved');

  await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { text: `${text}, officials added` } });
  const reopened = (await flagsOf(statement)).find((flag) => flag.kind === 'unverified_claim')!;
  expect(reopened.status).toBe('open');
  expect((await eventsOf(reopened)).pop()).toMatchObject({ from: 'resolved', to: 'open', note: 'text changed after the verdict', judgedText: text, changedText: `${text}, officials added` });
});

test('a statement moved to another story - should take its flags to that story, and out of the first one\'s publish guard', async () => {
  const first = await createStory();
  const second = await createStory();
  const statement = await createStatement({ story: first, kind: 'direct_quote', text: 'Words nobody printed', attribution: 'Dana Voss said' });
  expect((await flagsOf(statement)).find((flag) => flag.kind === 'quote_mismatch')).toMatchObject({ status: 'open', severity: 'high' });
  await expect(app.strapi.documents('api::story.story').publish({ documentId: first })).rejects.toThrow(/high-severity/);

  expect((await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { story: second } })).status).toBe(200);
  const moved = (await app.strapi.db.query(FLAG).findMany({ where: { key: { $startsWith: `${statement}|` } }, populate: { story: { select: ['documentId'] } } })) as Array<{ storyDocumentId: string; story: { documentId: string } | null }>;
  expect(moved.length).toBeGreaterThan(0);
  expect(moved.every((flag) => flag.storyDocumentId === second && flag.story?.documentId === second)).toBe(true);
  await expect(app.strapi.documents('api::story.story').publish({ documentId: first })).resolves.toBeDefined();
  await expect(app.strapi.documents('api::story.story').publish({ documentId: second })).rejects.toThrow(/high-severity/);
});

test('a deleted statement - should retire its open flags', async () => {
  const story = await createStory();
  const statement = await createStatement({ story, kind: 'direct_quote', text: 'Nothing like the body', attribution: 'officials said' });
  expect((await flagsOf(statement)).length).toBeGreaterThan(0);
  expect((await app.http().delete(`/api/statements/${statement}`).set(auth())).status).toBe(204);
  expect((await flagsOf(statement)).every((flag) => flag.status === 'obsolete')).toBe(true);
});

test('flags written before they recorded their statement - should still be found by its saves, and get it from their key at start', async () => {
  const story = await createStory();
  const statement = await createStatement({ story, kind: 'direct_quote', text: 'We will reopen the border in May', attribution: 'officials said' });
  const opened = (await app.strapi.db.query(FLAG).findMany({ where: { statementDocumentId: statement }, populate: { statement: { select: ['documentId'] } } })) as Array<FlagRow & { statement: { documentId: string } | null }>;
  expect(opened.length).toBeGreaterThan(0);
  expect(opened.map((flag) => flag.key).sort()).toEqual((await flagsOf(statement)).map((flag) => flag.key).sort());
  expect(opened.every((flag) => flag.statement?.documentId === statement)).toBe(true);

  // As a flag of an earlier version stands in the table: no statementDocumentId. Its statement's save
  // still finds it by its key: the cause that went away retires it, nothing is opened twice.
  await app.strapi.db.query(FLAG).updateMany({ where: { id: { $in: opened.map((flag) => flag.id) } }, data: { statementDocumentId: null } });
  expect((await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { attribution: 'Dana Voss said' } })).status).toBe(200);
  expect((await flagsOf(statement)).length).toBe(opened.length);
  expect(statusByKind(await flagsOf(statement))).toMatchObject({ anonymous_source: 'obsolete', quote_mismatch: 'open' });

  const backfilled = await app.strapi.plugin('newsgraph').service('flags').backfillStatementDocumentIds();
  expect(backfilled).toBeGreaterThanOrEqual(opened.length);
  expect(await app.strapi.db.query(FLAG).count({ where: { statementDocumentId: statement } })).toBe(opened.length);
  expect((await app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { attribution: 'officials said' } })).status).toBe(200);
  expect((await flagsOf(statement)).length).toBe(opened.length);
  expect(statusByKind(await flagsOf(statement))).toMatchObject({ anonymous_source: 'open', quote_mismatch: 'open' });
});

test('flags and review events - should not be reachable through the content APIs', async () => {
  expect((await app.http().get('/api/flags').set(auth())).status).toBe(404);
  expect((await app.http().get('/api/review-events').set(auth())).status).toBe(404);
  const introspection = await app.graphql<{ __schema: { queryType: { fields: Array<{ name: string }> } } }>('{ __schema { queryType { fields { name } } } }', {}, app.apiToken);
  expect(introspection.data!.__schema.queryType.fields.map((field) => field.name).filter((name) => /flag|reviewEvent/i.test(name))).toEqual([]);
});

test('concurrent saves that open and retire flags - should keep the queue counts equal to the flags themselves', async () => {
  const story = await createStory();
  const statements = await Promise.all([0, 1, 2].map((index) => createStatement({ story, kind: 'direct_quote', text: `We will close the border on day ${index}`, attribution: 'officials said' })));
  // Each save adds or takes away the missing_source cause, and the saves race one another.
  await Promise.all(
    statements.flatMap((statement) => Array.from({ length: 6 }, (_, index) => app.http().put(`/api/statements/${statement}`).set(auth()).send({ data: { medium: index % 2 === 0 ? 'radio interview' : null } })))
  );
  const afresh = await countedAfresh();
  expect(await keptCounts()).toEqual(afresh);
  expect(afresh.size).toBeGreaterThan(1);
});

test('flags changed while the count triggers were gone (a rebuilt table) - should be counted again at the next start', async () => {
  const knex = app.strapi.db.connection;
  const flagsTable = app.strapi.db.metadata.get(FLAG).tableName;
  if (app.strapi.db.dialect.client === 'postgres') await knex.raw('DROP TRIGGER newsgraph_flag_counts_change ON ??', [flagsTable]);
  else for (const name of ['insert', 'update', 'delete']) await knex.raw(`DROP TRIGGER newsgraph_flag_counts_${name}`);
  await knex(flagsTable).where('status', 'open').update({ status: 'dismissed' });
  expect(await keptCounts()).not.toEqual(await countedAfresh());

  await app.strapi.plugin('newsgraph').service('flag-counts').ensureCounting();
  expect(await keptCounts()).toEqual(await countedAfresh());
  await knex(flagsTable).where('status', 'dismissed').update({ status: 'open' });
  expect(await keptCounts()).toEqual(await countedAfresh());
});

/** Flags per status, kind and severity, counted from the flags table itself. */
async function countedAfresh(): Promise<Map<string, number>> {
  const flags = (await app.strapi.db.query(FLAG).findMany({ select: ['status', 'kind', 'severity'] })) as Array<{ status: string; kind: string; severity: string }>;
  const counts = new Map<string, number>();
  for (const flag of flags) counts.set(`${flag.status}|${flag.kind}|${flag.severity}`, (counts.get(`${flag.status}|${flag.kind}|${flag.severity}`) ?? 0) + 1);
  return counts;
}

/** The counts the plugin keeps for the review queue. */
async function keptCounts(): Promise<Map<string, number>> {
  const kept = (await app.strapi.plugin('newsgraph').service('flag-counts').rows()) as Array<{ status: string; kind: string; severity: string; count: number }>;
  return new Map(kept.map((row) => [`${row.status}|${row.kind}|${row.severity}`, row.count]));
}

test('a save\'s newsgraph.flag.opened events - should carry what a read after the commit finds: the flag, the statement with its speaker, the story', async () => {
  const speaker = await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Karel Dvorak', kind: 'person' } });
  expect(speaker.status).toBe(201);
  const received: Array<Record<string, unknown>> = [];
  const listener = async (payload: Record<string, unknown>): Promise<void> => {
    received.push(payload);
  };
  app.strapi.eventHub.on('newsgraph.flag.opened', listener);
  try {
    const story = await createStory();
    const statement = await createStatement({ story, kind: 'claim', text: 'Exports through the harbour fell 12.5 percent in March', attribution: 'Karel Dvorak said on Monday' });
    const deadline = Date.now() + 5_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const opened = (await flagsOf(statement)).filter((flag) => flag.status === 'open');
    expect(received.map((payload) => (payload.flag as { kind: string }).kind).sort()).toEqual(opened.map((flag) => flag.kind).sort());
    expect(opened.length).toBeGreaterThan(0);
    // What the events carried before they were built from the save's own data: a read of each flag.
    const read = (await app.strapi.db.query(FLAG).findMany({
      where: { documentId: { $in: opened.map((flag) => flag.documentId) } },
      select: ['documentId', 'kind', 'severity', 'status', 'reason', 'score', 'version', 'verdict', 'note', 'evidence'],
      populate: {
        statement: { select: ['documentId', 'text', 'kind', 'attribution', 'verification'], populate: { speaker: { select: ['documentId', 'name'] } } },
        story: { select: ['documentId', 'title', 'slug'] },
      },
    })) as Array<Record<string, unknown>>;
    const asAnnounced = read.map(({ statement: statementRow, story: storyRow, ...flag }) => ({ flag, statement: statementRow, story: storyRow }));
    const byDocumentId = (payload: Record<string, unknown>) => (payload.flag as { documentId: string }).documentId;
    expect([...received].sort((a, b) => byDocumentId(a).localeCompare(byDocumentId(b)))).toEqual(asAnnounced.sort((a, b) => byDocumentId(a).localeCompare(byDocumentId(b))));
    expect(received[0]).toMatchObject({ statement: { documentId: statement, speaker: { name: 'Karel Dvorak' } }, story: { documentId: story } });
  } finally {
    app.strapi.eventHub.off('newsgraph.flag.opened', listener);
  }
});

test('a new statement\'s flags, raised from what its save held - should be what evaluating it again from the database finds', async () => {
  // A statement's create evaluates its flags without reading it back (middleware raise-flags); a
  // later evaluation reads everything. Any difference between the two would show as a change here.
  await app.strapi.documents('plugin::newsgraph.fact-check' as never).create({
    data: { claimReviewed: 'Grain exports through the northern port fell by 30 percent last winter', rating: 'False', verdict: 'false', url: 'https://factcheck.example/grain-exports', publisher: 'Harbour Checks' } as never,
  });
  const speaker = await app.http().post('/api/actors').set(auth()).send({ data: { name: 'Ilse Marten', kind: 'person' } });
  expect(speaker.status).toBe(201);
  const story = await createStory({ sourceUrl: 'https://example.org/wire/port', body: 'KESSA - Ilse Marten said grain exports fell. "We kept the port open," she said.' });
  const created = [
    await createStatement({ story, kind: 'direct_quote', text: 'We kept the port open', attribution: 'Ilse Marten said' }),
    await createStatement({ story, kind: 'direct_quote', text: 'We closed the port for a week', attribution: 'a port official said' }),
    await createStatement({ story, kind: 'claim', text: 'Grain exports through the northern port fell by 30 percent last winter', attribution: 'Ilse Marten said', sourceUrl: 'https://example.org/q' }),
    await createStatement({ story, kind: 'claim', text: 'Exports rose 12 percent in March', attribution: 'Ilse Marten said', evidence: [{ url: 'https://example.org/customs', title: 'Customs figures' }] }),
    await createStatement({ story, kind: 'paraphrase', text: 'The port will reopen on Monday', attribution: 'the ministry said' }),
  ];
  const flags = app.strapi.plugin('newsgraph').service('flags') as { syncStatement(documentId: string): Promise<void> };
  const kinds = new Set<string>();
  for (const statement of created) {
    const atCreation = await flagsOf(statement);
    atCreation.forEach((flag) => kinds.add(flag.kind));
    await flags.syncStatement(statement);
    expect(await flagsOf(statement)).toEqual(atCreation);
  }
  // The statements raise flags of every kind that reads the statement, its speaker, evidence or story.
  expect([...kinds].sort()).toEqual(expect.arrayContaining(['anonymous_source', 'quote_mismatch', 'repeats_checked_claim', 'unverified_claim']));
});
