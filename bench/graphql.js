#!/usr/bin/env node
/**
 * `npm run bench:graphql`: a story page through GraphQL, as ratios against baselines measured in
 * the same run (not a timed test; the machine is shared).
 *
 * Boots the app on a throw-away database with a published story of 200 statements, each with a
 * speaker, two mentions and a proposal, and serves it on a local port. Then:
 *   1. the latency of the 200-statement query with Newsgraph's batched relations, and of the same
 *      query through Strapi's stock resolvers (batching off), and the ratio between them, as an
 *      API token;
 *   2. requests per second for storyBySlug (a story page's usual query, as the public) under autocannon with 20
 *      connections for 10 s, against `{ __typename }` (the server's floor) in the same way, with the
 *      public page cache (graphql.publicCache) on and off; every answer is compared with the
 *      expected body, so an error or a wrong answer counts.
 *
 *   npm run bench:graphql                     SQLite
 *   npm run bench:graphql -- --db=postgres    PostgreSQL on 127.0.0.1:5432
 */
'use strict';

const autocannon = require('autocannon');
const { withThrowawayApp } = require('../scripts/lib/throwaway-app');

const arg = (name, fallback) => (process.argv.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1];
const CLIENT = arg('db', 'sqlite');
const STATEMENTS = 200;
const PEOPLE = ['Karel Dvorak', 'Lena Sorensen', 'Piet Maas', 'Ana Ruiz', 'Omar Haddad'];

const STORY_200 = `query($slug: String!) {
  storyBySlug(slug: $slug) {
    title
    statements(pagination: { limit: ${STATEMENTS} }) { text verification speaker { name slug } mentions { name slug } proposals { title } }
  }
}`;
const STORY_PAGE = `query($slug: String!) {
  storyBySlug(slug: $slug) {
    title standfirst storyDate
    statements { text kind verification speaker { name slug } mentions { name slug } }
  }
}`;

async function seed(strapi) {
  for (const name of PEOPLE) await strapi.documents('api::actor.actor').create({ data: { name, kind: 'person' } });
  await strapi.documents('api::proposal.proposal').create({ data: { title: 'Harbour accord', kind: 'agreement', status: 'under_negotiation' } });
  const story = await strapi.documents('api::story.story').create({ data: { title: 'Harbour talks, day by day', storyDate: '2026-05-02T09:00:00.000Z', body: 'Talks went on.' } });
  for (let index = 0; index < STATEMENTS; index += 1) {
    const [speaker, first, second] = [PEOPLE[index % 5], PEOPLE[(index + 1) % 5], PEOPLE[(index + 2) % 5]];
    await strapi.documents('api::statement.statement').create({
      data: { story: story.documentId, kind: 'paraphrase', text: `${first} and ${second} discussed the Harbour accord, round ${index}`, attribution: `${speaker} said` },
    });
  }
  await strapi.documents('api::story.story').publish({ documentId: story.documentId });
  return story.slug;
}

async function post(url, query, variables, token) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  const body = JSON.parse(text);
  if (response.status !== 200 || body.errors) throw new Error(`${response.status}: ${text.slice(0, 300)}`);
  return { body, text };
}

async function medianMs(work, runs) {
  for (let i = 0; i < Math.min(3, runs); i += 1) await work();
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

function cannon(url, query, variables, expectBody) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', connections: 20, duration: 10, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), expectBody },
      (error, result) => (error ? reject(error) : resolve(result))
    );
  });
}

withThrowawayApp(
  CLIENT,
  'bench-graphql',
  async (strapi) => {
    process.stdout.write(`${CLIENT}: seeding a story of ${STATEMENTS} statements... `);
    const slug = await seed(strapi);
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${strapi.server.httpServer.address().port}/graphql`;
    // A 200-statement list is over the public page limit (100); this bench asks for it in one list.
    strapi.config.set('plugin::graphql.maxLimit', STATEMENTS);
    // The latency comparison runs as an API token: it measures the resolvers, not the public
    // visibility rules, which both paths apply to the statements list alike.
    const { accessKey: token } = await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null });
    const { body: batchedBody } = await post(url, STORY_200, { slug }, token);
    if (batchedBody.data.storyBySlug.statements.length !== STATEMENTS) throw new Error('the story lost statements');
    console.log('done');

    const batched = await medianMs(() => post(url, STORY_200, { slug }, token), 30);
    const setting = strapi.config.get('plugin::newsgraph.graphql');
    strapi.config.set('plugin::newsgraph.graphql', { ...setting, batchRelations: false });
    const { body: stockBody } = await post(url, STORY_200, { slug }, token);
    if (JSON.stringify(stockBody) !== JSON.stringify(batchedBody)) throw new Error('the stock resolvers answered differently');
    // Seconds per request: a few runs give a stable median.
    const stock = await medianMs(() => post(url, STORY_200, { slug }, token), 5);
    strapi.config.set('plugin::newsgraph.graphql', setting);
    console.log(`  ${STATEMENTS}-statement story, median latency: batched ${batched.toFixed(1)} ms, Strapi's stock resolvers ${stock.toFixed(1)} ms: ${(stock / batched).toFixed(1)}x faster batched`);

    const { text: pageText } = await post(url, STORY_PAGE, { slug });
    const { text: floorText } = await post(url, '{ __typename }', {});
    const floor = await cannon(url, '{ __typename }', {}, floorText);
    const page = await cannon(url, STORY_PAGE, { slug }, pageText);
    strapi.config.set('plugin::newsgraph.graphql', { ...setting, publicCache: { ...setting.publicCache, enabled: false } });
    const uncached = await cannon(url, STORY_PAGE, { slug }, pageText);
    strapi.config.set('plugin::newsgraph.graphql', setting);
    const errors = (result) => result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
    const statements = JSON.parse(pageText).data.storyBySlug.statements.length;
    console.log(`  autocannon, 20 connections, 10 s: { __typename } ${Math.round(floor.requests.average).toLocaleString('en')} req/s (${errors(floor)} errors)`);
    for (const [label, result] of [['public cache on', page], ['public cache off', uncached]]) {
      console.log(
        `  autocannon, 20 connections, 10 s: storyBySlug (a page of ${statements} statements, ${label}) ${Math.round(result.requests.average).toLocaleString('en')} req/s, p99 ${result.latency.p99} ms, ${errors(result)} errors: ${(result.requests.average / floor.requests.average).toFixed(2)}x the floor`
      );
    }
  },
  { mount: true }
).catch((error) => {
  console.error(error);
  process.exit(1);
});
