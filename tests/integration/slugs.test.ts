import { startTestApp, type TestApp } from '../helpers/test-app';
import { actorInput, proposalInput, storyInput } from '../fixtures/documents';

let app: TestApp;
const auth = () => ({ Authorization: `Bearer ${app.apiToken}` });

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('Slugs', () => {
  test('REST create - should transliterate accents and lower-case: "Élysée" becomes "elysee"', async () => {
    const response = await app.http().post('/api/actors').set(auth()).send({ data: actorInput({ name: 'Élysée', kind: 'government' }) });
    expect(response.status).toBe(201);
    expect(response.body.data.slug).toBe('elysee');
  });

  test('REST create - should make a unique slug when the title is taken', async () => {
    const title = 'Leaders Agree to Talks on a 30-Day Truce!';
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ title }) });
      expect(response.status).toBe(201);
      slugs.push(response.body.data.slug);
    }
    expect(slugs).toEqual(['leaders-agree-to-talks-on-a-30-day-truce', 'leaders-agree-to-talks-on-a-30-day-truce-2', 'leaders-agree-to-talks-on-a-30-day-truce-3']);
  });

  test('strapi.documents() and GraphQL - should get a slug too (only the admin form fills uid fields by itself)', async () => {
    const proposal = await app.strapi.documents('api::proposal.proposal').create({ data: proposalInput({ title: 'Prisoner Exchange: 1,000 for 1,000' }) as never });
    expect(proposal.slug).toBe('prisoner-exchange-1000-for-1000');
    const viaGraphql = await app.graphql<{ createActor: { slug: string } }>(
      'mutation Create($data: ActorInput!) { createActor(data: $data) { slug } }',
      { data: { name: 'Patriarch Évander II', kind: 'person' } },
      app.apiToken
    );
    expect(viaGraphql.data?.createActor.slug).toBe('patriarch-evander-ii');
  });

  test('REST create - should normalize a chosen slug and refuse one that is taken', async () => {
    const first = await app.http().post('/api/proposals').set(auth()).send({ data: proposalInput({ slug: 'Aubrine Summit' }) });
    expect(first.status).toBe(201);
    expect(first.body.data.slug).toBe('aubrine-summit');

    const second = await app.http().post('/api/proposals').set(auth()).send({ data: proposalInput({ slug: 'aubrine-summit' }) });
    expect(second.status).toBe(400);
    expect(second.body.error.details.errors[0].path).toEqual(['slug']);
  });

  test('REST update - should follow the title while a story is a never-published draft', async () => {
    const draft = await app.http().post('/api/stories?status=draft').set(auth()).send({ data: storyInput({ title: 'Working headline' }) });
    expect(draft.body.data.slug).toBe('working-headline');
    const { documentId } = draft.body.data;

    const renamed = await app.http().put(`/api/stories/${documentId}?status=draft`).set(auth()).send({ data: { title: 'Final headline' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.slug).toBe('final-headline');
  });

  test('REST update - should keep the slug when the title changes after publication', async () => {
    const published = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ title: 'Truce talks begin' }) });
    expect(published.body.data.publishedAt).not.toBeNull();
    const { documentId } = published.body.data;

    const renamed = await app.http().put(`/api/stories/${documentId}`).set(auth()).send({ data: { title: 'Truce talks stall' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.title).toBe('Truce talks stall');
    expect(renamed.body.data.slug).toBe('truce-talks-begin');
  });

  test('REST update - should keep an actor\'s slug when the actor is renamed', async () => {
    const actor = await app.http().post('/api/actors').set(auth()).send({ data: actorInput({ name: 'Teodor Halvyk' }) });
    const renamed = await app.http().put(`/api/actors/${actor.body.data.documentId}`).set(auth()).send({ data: { name: 'Teodor Halvik' } });
    expect(renamed.body.data.slug).toBe('teodor-halvyk');
  });

  test('REST create - should fall back to the type name when nothing of the title can be transliterated', async () => {
    const response = await app.http().post('/api/stories').set(auth()).send({ data: storyInput({ title: '停火谈判' }) });
    expect(response.status).toBe(201);
    expect(response.body.data.slug).toMatch(/^story(-\d+)?$/);
  });
});
