import { startTestApp, type TestApp } from '../helpers/test-app';
import { loggedInAdmin } from '../helpers/admin-users';

/**
 * The Fact-check page's trends (GET /newsgraph/flags/trends): numbers from flags raised by saving
 * statements and resolved or dismissed through the review routes, the route's permission, and a
 * role that reads only its own statements seeing only their flags.
 */

const STORY = 'api::story.story';
const STATEMENT = 'api::statement.statement';
const FLAG = 'plugin::newsgraph.flag';
const HOUR = 3_600_000;

type Person = 'chief' | 'factChecker' | 'editor' | 'stringer' | 'otherStringer';
let app: TestApp;
const tokens = {} as Record<Person, string>;
const as = (who: Person) => ({ Authorization: `Bearer ${tokens[who]}` });
const claims = {} as Record<'stringer' | 'otherStringer', string[]>;

interface Trends {
  window: { from: string; to: string; days: number; utcOffset: number };
  days: Array<{ date: string; opened: number; resolved: number; dismissed: number }>;
  totals: { opened: number; resolved: number; dismissed: number };
  resolution: { medianMs: number | null; resolved: number };
  speakers: Array<{ documentId: string | null; name: string | null; total: number; verdicts: Record<string, number> }>;
}

async function customRole(name: string, permissions: Array<Record<string, unknown>>): Promise<string> {
  const created = await app.http().post('/admin/roles').set(as('chief')).send({ name, description: `${name} (tests)` });
  expect(created.status).toBe(201);
  expect((await app.http().put(`/admin/roles/${created.body.data.id}/permissions`).set(as('chief')).send({ permissions })).status).toBe(200);
  return created.body.data.code as string;
}

/** Claims said by `speaker` in a story, written by `who` through the content manager; answers each claim's unverified_claim flag. */
async function claimsBy(who: Person, speaker: string, count: number): Promise<string[]> {
  const story = await app.http().post(`/content-manager/collection-types/${STORY}`).set(as(who)).send({
    title: `${who}: envoys meet in Aubrine`, storyDate: '2026-04-21T09:00:00.000Z', body: 'AUBRINE - Envoys met on Tuesday.', sourceUrl: 'https://example.org/wire',
  });
  expect(story.status).toBe(201);
  const flags: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const statement = await app.http().post(`/content-manager/collection-types/${STATEMENT}`).set(as(who)).send({
      story: { connect: [{ documentId: story.body.data.documentId }] }, kind: 'claim', text: `Grain exports fell by ${40 + index} percent in March, the lowest level since 2019 (${who})`, attribution: `${speaker} said`, sourceUrl: 'https://example.org/q',
    });
    expect(statement.status).toBe(201);
    const flag = (await app.strapi.db.query(FLAG).findOne({ where: { statement: { documentId: statement.body.data.documentId }, kind: 'unverified_claim' }, select: ['documentId'] })) as { documentId: string } | null;
    expect(flag).not.toBeNull();
    flags.push(flag!.documentId);
  }
  return flags;
}

async function review(flag: string, action: 'resolve' | 'dismiss', extra: Record<string, unknown>): Promise<void> {
  const version = () => app.strapi.db.query(FLAG).findOne({ where: { documentId: flag }, select: ['version'] }).then((row) => (row as { version: number }).version);
  expect((await app.http().post(`/newsgraph/flags/${flag}/claim`).set(as('factChecker')).send({ version: await version() })).status).toBe(200);
  const answer = await app.http().post(`/newsgraph/flags/${flag}/${action}`).set(as('factChecker')).send({ version: await version(), note: 'checked', evidence: [], ...extra });
  expect(answer.status).toBe(200);
}

/** Moves a flag's creation back, as if it had been raised `hours` before its review. */
async function raisedHoursBefore(flag: string, hours: number): Promise<void> {
  const row = (await app.strapi.db.query(FLAG).findOne({ where: { documentId: flag }, select: ['id', 'closedAt'] })) as { id: number; closedAt: string };
  await app.strapi.db.query(FLAG).update({ where: { id: row.id }, data: { createdAt: new Date(Date.parse(row.closedAt) - hours * HOUR) } });
}

/** The flags raised per UTC day, counted in JavaScript from every flag of `statements` (or all). */
async function openedPerDay(flagIds?: Set<string>): Promise<Record<string, number>> {
  const flags = (await app.strapi.db.query(FLAG).findMany({ select: ['documentId', 'createdAt'] })) as Array<{ documentId: string; createdAt: string }>;
  const perDay: Record<string, number> = {};
  for (const flag of flags) {
    if (flagIds && !flagIds.has(flag.documentId)) continue;
    const day = new Date(flag.createdAt).toISOString().slice(0, 10);
    perDay[day] = (perDay[day] ?? 0) + 1;
  }
  return perDay;
}

const nonZero = (trends: Trends, series: 'opened' | 'resolved' | 'dismissed') => Object.fromEntries(trends.days.filter((day) => day[series] > 0).map((day) => [day.date, day[series]]));
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  tokens.chief = (await app.http().post('/admin/register-admin').send({ email: 'chief@newsgraph.test', password: 'Chief-Passw0rd', firstname: 'Chief', lastname: 'Editor' })).body.data.token;
  const explorer = (action: string, subject: string, conditions: string[] = []) => ({ action: `plugin::content-manager.explorer.${action}`, subject, properties: {}, conditions });
  const stringer = await customRole('Stringer', [
    ...[STORY, STATEMENT].flatMap((subject) => [explorer('create', subject), explorer('read', subject, ['admin::is-creator']), explorer('update', subject, ['admin::is-creator'])]),
    { action: 'plugin::newsgraph.flags.read', subject: null, properties: {}, conditions: [] },
  ]);
  const people: Array<[Person, string]> = [['factChecker', 'newsgraph-fact-checker'], ['editor', 'strapi-editor'], ['stringer', stringer], ['otherStringer', stringer]];
  for (const [who, role] of people) tokens[who] = await loggedInAdmin(app, `${who.toLowerCase()}@newsgraph.test`, role);
  for (const name of ['Dana Voss', 'Ines Marr']) await app.strapi.documents('api::actor.actor').create({ data: { name, kind: 'person' } as never });

  claims.stringer = await claimsBy('stringer', 'Dana Voss', 3);
  claims.otherStringer = await claimsBy('otherStringer', 'Ines Marr', 3);
  await review(claims.stringer[0]!, 'resolve', { verdict: 'false' });
  await review(claims.stringer[1]!, 'resolve', { verdict: 'false' });
  await review(claims.stringer[2]!, 'resolve', { verdict: 'accurate' });
  await review(claims.otherStringer[0]!, 'resolve', { verdict: 'misleading' });
  await review(claims.otherStringer[1]!, 'dismiss', {});
  // Raised 2, 4 and 10 hours (Dana Voss's claims) and 6 hours (Ines Marr's) before their verdicts.
  await raisedHoursBefore(claims.stringer[0]!, 2);
  await raisedHoursBefore(claims.stringer[1]!, 4);
  await raisedHoursBefore(claims.stringer[2]!, 10);
  await raisedHoursBefore(claims.otherStringer[0]!, 6);
  // And one still open, raised three days ago.
  const open = (await app.strapi.db.query(FLAG).findOne({ where: { documentId: claims.otherStringer[2]! }, select: ['id'] })) as { id: number };
  await app.strapi.db.query(FLAG).update({ where: { id: open.id }, data: { createdAt: new Date(Date.now() - 3 * 24 * HOUR) } });
});
afterAll(async () => {
  await app?.stop();
});

test('GET /newsgraph/flags/trends - should count flags opened, resolved and dismissed per day, with the median time to resolution and the verdicts by speaker', async () => {
  const answer = await app.http().get('/newsgraph/flags/trends').set(as('factChecker'));
  expect(answer.status).toBe(200);
  const trends = answer.body.data as Trends;
  expect(trends.window).toMatchObject({ days: 30, utcOffset: 0, to: today() });
  expect(trends.days).toHaveLength(30);
  expect(trends.days.map((day) => day.date)).toEqual([...trends.days.map((day) => day.date)].sort());
  expect(nonZero(trends, 'opened')).toEqual(await openedPerDay());
  expect(nonZero(trends, 'resolved')).toEqual({ [today()]: 4 });
  expect(nonZero(trends, 'dismissed')).toEqual({ [today()]: 1 });
  expect(trends.resolution.resolved).toBe(4);
  // Ages 2, 4, 6 and 10 hours: the median is 5 hours.
  expect(Math.abs(trends.resolution.medianMs! - 5 * HOUR)).toBeLessThan(60_000);
  expect(trends.speakers.map((speaker) => [speaker.name, speaker.total])).toEqual([['Dana Voss', 3], ['Ines Marr', 1]]);
  expect(trends.speakers[0]!.verdicts).toMatchObject({ false: 2, accurate: 1, misleading: 0 });
  expect(trends.speakers[1]!.verdicts).toMatchObject({ misleading: 1 });
});

test("GET /newsgraph/flags/trends - should count only the flags of a conditional role's own statements", async () => {
  const answer = await app.http().get('/newsgraph/flags/trends').set(as('stringer'));
  expect(answer.status).toBe(200);
  const trends = answer.body.data as Trends;
  const own = (await app.strapi.db.query(FLAG).findMany({ where: { statement: { createdBy: { email: 'stringer@newsgraph.test' } } }, select: ['documentId'] })) as Array<{ documentId: string }>;
  expect(own.length).toBeGreaterThanOrEqual(3);
  expect(nonZero(trends, 'opened')).toEqual(await openedPerDay(new Set(own.map((flag) => flag.documentId))));
  expect(nonZero(trends, 'resolved')).toEqual({ [today()]: 3 });
  expect(nonZero(trends, 'dismissed')).toEqual({});
  // Ages 2, 4 and 10 hours.
  expect(Math.abs(trends.resolution.medianMs! - 4 * HOUR)).toBeLessThan(60_000);
  expect(trends.speakers.map((speaker) => speaker.name)).toEqual(['Dana Voss']);
});

test('GET /newsgraph/flags/trends - should answer 403 without the permission to read flags', async () => {
  const refused = await app.http().get('/newsgraph/flags/trends').set(as('editor'));
  expect(refused.status).toBe(403);
  expect((await app.http().get('/newsgraph/flags/trends')).status).toBe(401);
});

test('GET /newsgraph/flags/trends - should take a window and a time zone, and refuse bad ones with a 400 naming them', async () => {
  const week = await app.http().get('/newsgraph/flags/trends?days=7&utcOffset=840').set(as('factChecker'));
  expect(week.status).toBe(200);
  expect(week.body.data.days).toHaveLength(7);
  expect(week.body.data.window).toMatchObject({ days: 7, utcOffset: 840 });
  for (const query of ['days=0', 'days=365', 'days=abc', 'utcOffset=1000']) {
    const refused = await app.http().get(`/newsgraph/flags/trends?${query}`).set(as('factChecker'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual([query.split('=')[0]]);
  }
});

test('Reopen - should take a flag out of the resolved ones, and a new verdict counts it again', async () => {
  const flag = claims.otherStringer[0]!;
  const version = async () => ((await app.strapi.db.query(FLAG).findOne({ where: { documentId: flag }, select: ['version'] })) as { version: number }).version;
  expect((await app.http().post(`/newsgraph/flags/${flag}/reopen`).set(as('factChecker')).send({ version: await version(), note: 'new figures' })).status).toBe(200);
  const reopened = (await app.http().get('/newsgraph/flags/trends').set(as('factChecker'))).body.data as Trends;
  expect(reopened.totals.resolved).toBe(3);
  expect(reopened.speakers.map((speaker) => speaker.name)).toEqual(['Dana Voss']);
  await review(flag, 'resolve', { verdict: 'unsupported' });
  const again = (await app.http().get('/newsgraph/flags/trends').set(as('factChecker'))).body.data as Trends;
  expect(again.totals.resolved).toBe(4);
  expect(again.speakers[1]).toMatchObject({ name: 'Ines Marr', verdicts: expect.objectContaining({ unsupported: 1, misleading: 0 }) });
});

test('Backfill - should give flags closed before closedAt existed the time of their last resolve or dismiss event, once', async () => {
  const flag = claims.stringer[0]!;
  const row = (await app.strapi.db.query(FLAG).findOne({ where: { documentId: flag }, select: ['id', 'closedAt'] })) as { id: number; closedAt: string };
  const events = (await app.strapi.db.query('plugin::newsgraph.review-event').findMany({ where: { flag: { documentId: flag }, to: 'resolved' }, select: ['createdAt'] })) as Array<{ createdAt: string }>;
  expect(events).toHaveLength(1);
  await app.strapi.db.query(FLAG).update({ where: { id: row.id }, data: { closedAt: null } });
  const store = app.strapi.store({ type: 'plugin', name: 'newsgraph' });
  await store.delete({ key: 'closedAtBackfilled' });
  const trends = app.strapi.plugin('newsgraph').service('flag-trends') as { backfillClosedAt(): Promise<number> };
  expect(await trends.backfillClosedAt()).toBe(1);
  const after = (await app.strapi.db.query(FLAG).findOne({ where: { id: row.id }, select: ['closedAt'] })) as { closedAt: string };
  expect(after.closedAt).toBe(events[0]!.createdAt);
  // Done once: a later start does not look again.
  await app.strapi.db.query(FLAG).update({ where: { id: row.id }, data: { closedAt: null } });
  expect(await trends.backfillClosedAt()).toBe(0);
  await app.strapi.db.query(FLAG).update({ where: { id: row.id }, data: { closedAt: row.closedAt } });
});
