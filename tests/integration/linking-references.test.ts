import { startTestApp, type TestApp } from '../helpers/test-app';
import { storyInput } from '../fixtures/documents';

/*
 * Issue 14 through REST, on whichever database the run uses: a newsroom entered in a hurry (countries
 * and organizations by name and kind) still links names inside proposals, capitals that act but not
 * where things happen, "U.S.", plural demonyms, seats of power, initialisms, possessive forms,
 * proposals by other word forms, and "the talks". One app, one story, a few statements: kept fast.
 */

let app: TestApp;
let storyId: string;
const ids = new Map<string, string>();
const keyOf = new Map<string, string>();
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

interface Linked {
  documentId: string;
  mentions: Array<{ documentId: string }>;
  proposals: Array<{ documentId: string }>;
  linkState: { ambiguousProposals?: Array<{ phrase: string; candidates: string[] }> } | null;
}

const keys = (items: Array<{ documentId: string }>) => items.map((item) => keyOf.get(item.documentId) ?? item.documentId).sort();

async function create(type: 'actors' | 'proposals', key: string, data: Record<string, unknown>): Promise<void> {
  const created = await app.http().post(`/api/${type}`).set(auth()).send({ data });
  expect(created.status).toBe(201);
  ids.set(key, created.body.data.documentId);
  keyOf.set(created.body.data.documentId, key);
}

async function say(text: string, story = storyId): Promise<Linked> {
  const created = await app.http().post('/api/statements').set(auth()).send({ data: { story, kind: 'paraphrase', text } });
  expect(created.status).toBe(201);
  const read = await app.http().get(`/api/statements/${created.body.data.documentId}`).query({ populate: ['mentions', 'proposals'] }).set(auth());
  return read.body.data;
}

beforeAll(async () => {
  app = await startTestApp();
  await create('actors', 'fr', { name: 'France', kind: 'country' });
  await create('actors', 'us', { name: 'United States', kind: 'country' });
  await create('actors', 'cn', { name: 'China', kind: 'country' });
  await create('actors', 'gb', { name: 'United Kingdom', kind: 'country' });
  await create('actors', 'eu', { name: 'European Union', kind: 'organization' });
  await create('actors', 'fr-navy', { name: 'French Navy', kind: 'organization' });
  await create('proposals', 'tariffs', { title: 'tariffs on China', kind: 'sanction' });
  await create('proposals', 'blockade', { title: 'Harbour relief plan', kind: 'other', aliases: [{ name: 'end to the blockade' }] });
  await create('proposals', 'geneva', { title: 'Geneva talks', kind: 'negotiation' });
  await create('proposals', 'doha', { title: 'Doha negotiations', kind: 'negotiation' });
  storyId = (await app.http().post('/api/stories').set(auth()).send({ data: storyInput() })).body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

test('actors entered by name - should be found inside a proposal, by dotted initialism, plural demonym, seat of power and initialism', async () => {
  const first = await say('The U.S. will keep tariffs on China, the White House said, as the French and the EU pushed back.');
  expect(keys(first.mentions)).toEqual(['cn', 'eu', 'fr', 'us']);
  expect(keys(first.proposals)).toEqual(['tariffs']);
  expect(keys((await say("France's navy escorted the convoy; let us see what Downing Street does.")).mentions)).toEqual(['fr-navy', 'gb']);
});

test('a capital - should name its country when it acts, not where something happens', async () => {
  expect(keys((await say('Paris rejected the offer after envoys met in London and Beijing.')).mentions)).toEqual(['fr']);
});

test('a proposal - should be found by other word forms, and "the talks" by the one negotiation of the story', async () => {
  expect(keys((await say('Mediators pushed for ending the blockade.')).proposals)).toEqual(['blockade']);
  expect(keys((await say('The Geneva talks opened on Monday.')).proposals)).toEqual(['geneva']);
  expect(keys((await say('The talks could resume this week.')).proposals)).toEqual(['geneva']);

  // A second negotiation in the story: "the talks" could be either, so it links neither.
  expect(keys((await say('Doha negotiations were announced.')).proposals)).toEqual(['doha']);
  const ambiguous = await say('Those talks ended without agreement.');
  expect(ambiguous.proposals).toEqual([]);
  expect(ambiguous.linkState?.ambiguousProposals?.[0]?.phrase).toBe('Those talks');
  expect([...(ambiguous.linkState?.ambiguousProposals?.[0]?.candidates ?? [])].map((id) => keyOf.get(id)).sort()).toEqual(['doha', 'geneva']);
});

test('an automatic initialism an editor deletes - should stay deleted, and "EU" then names nobody', async () => {
  const read = async () => (await app.http().get(`/api/actors/${ids.get('eu')}`).query({ populate: 'aliases' }).set(auth())).body.data as { aliases: Array<{ name: string; automatic: boolean }> };
  expect((await read()).aliases).toEqual([expect.objectContaining({ name: 'EU', automatic: true })]);
  expect((await app.http().put(`/api/actors/${ids.get('eu')}`).set(auth()).send({ data: { aliases: [] } })).status).toBe(200);
  expect((await app.http().put(`/api/actors/${ids.get('eu')}`).set(auth()).send({ data: { name: 'European Union' } })).status).toBe(200);
  expect((await read()).aliases).toEqual([]);
  expect(keys((await say('The EU said nothing.')).mentions)).toEqual([]);
});
