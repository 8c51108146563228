#!/usr/bin/env node
/**
 * `npm run bench:linking-accuracy`: how well the linker reads wire copy, on a regression corpus of
 * our own (bench/linking-corpus/*.json, annotated by the rules in its README).
 *
 * For each way of entering a newsroom's actors and proposals, on a throw-away database:
 *   - careful: curated aliases, role descriptors, positions, affiliations, organizations'
 *     descriptions, proposal aliases, and the story's countries given the aliases an editor would add;
 *   - hurried: actors by name, kind and positions (title and dates) only, no aliases; countries
 *     left to the gazetteer; proposals as in careful entry (as in issue 14's measurement, where
 *     only the actors were entered in haste), or by title and kind only with --proposals=titles;
 * it boots the real app, imports the countries as `npm run import:countries` does, creates the actors,
 * proposals, stories and statements through strapi.documents() as an editor would (speaker left
 * empty, for the linker to read from the attribution), then reads the links the plugin stored and
 * compares them with the annotations: speaker accuracy, mention P/R/F1 and proposal P/R/F1,
 * micro-averaged over (statement, actor) and (statement, proposal) pairs, per story and overall,
 * with recall per annotated class and every miss and false link on one line each.
 *
 *   npm run bench:linking-accuracy                       SQLite, both modes
 *   DATABASE_CLIENT=postgres npm run bench:linking-accuracy   PostgreSQL (a server on DATABASE_HOST)
 *   npm run bench:linking-accuracy -- --mode=hurried     one mode
 *   npm run bench:linking-accuracy -- --quiet            figures only, no list of misses
 *   npm run bench:linking-accuracy -- --proposals=titles hurried proposals without aliases
 *   npm run bench:linking-accuracy -- --corpus=held-out  the held-out story (bench/linking-corpus/held-out),
 *                                                        kept apart so that rules are not tuned on it
 *
 * A measurement, not a test: it never fails on low figures.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { withThrowawayApp } = require('../scripts/lib/throwaway-app');

const CORPUS_ROOT = path.join(__dirname, 'linking-corpus');
const ACTOR = 'api::actor.actor';
const PROPOSAL = 'api::proposal.proposal';
const STORY = 'api::story.story';
const STATEMENT = 'api::statement.statement';

const MENTION_CLASSES = [
  'name', 'surname', 'alias', 'descriptor', 'demonym', 'description', 'capital-metonym', 'dotted', 'plural-demonym',
  'seat-of-power', 'org-variant', 'initialism', 'inside-proposal',
];
const PROPOSAL_CLASSES = ['title', 'alias', 'word-form', 'description'];
const SPEAKER_CLASSES = ['name', 'surname', 'descriptor', 'description', 'demonym', 'dotted', 'seat-of-power', 'initialism'];
/** How the attribution names the speaker, when the annotation does not say: by name, or nobody. */
const speakerClass = (statement) => statement.speakerVia ?? (statement.speaker === null ? 'nobody' : 'name');
const STATEMENT_KINDS = ['direct_quote', 'paraphrase', 'claim', 'social_post', 'document'];
const MODES = ['careful', 'hurried'];

const arg = (name) => process.argv.find((item) => item === `--${name}` || item.startsWith(`--${name}=`))?.split('=')[1] ?? (process.argv.includes(`--${name}`) ? true : undefined);
const QUIET = Boolean(arg('quiet'));
const ONLY_MODE = arg('mode');
/** Hurried entry gives proposals their title and kind only (by default both modes give their aliases). */
const TITLE_ONLY_PROPOSALS = arg('proposals') === 'titles';
/** `--corpus=held-out` reads the held-out folder instead of the stories the rules were written against. */
const CORPUS_DIR = arg('corpus') ? path.join(CORPUS_ROOT, String(arg('corpus'))) : CORPUS_ROOT;
const CLIENT = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

/** A two-letter key in capitals is a country, found by its ISO code among the gazetteer's actors. */
const isCountryKey = (key) => /^[A-Z]{2}$/.test(key);

function loadCorpus() {
  const files = fs.readdirSync(CORPUS_DIR).filter((file) => file.endsWith('.json')).sort();
  const stories = files.map((file) => ({ id: path.basename(file, '.json'), ...JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')) }));
  for (const story of stories) checkStory(story);
  return stories;
}

/** Fails loudly on an annotation that names nothing, so that a typo never reads as a miss. */
function checkStory(story) {
  const fail = (message) => {
    throw new Error(`linking corpus, ${story.id}: ${message}`);
  };
  const actorKeys = new Set(story.actors.map((actor) => actor.key));
  const proposalKeys = new Set(story.proposals.map((proposal) => proposal.key));
  const knownActor = (key) => actorKeys.has(key) || isCountryKey(key);
  for (const actor of story.actors) {
    if (isCountryKey(actor.key) !== (actor.kind === 'country')) fail(`actor ${actor.key}: country actors, and only they, are keyed by their ISO code`);
    if (actor.kind === 'country' && actor.country !== actor.key) fail(`actor ${actor.key}: its country code must be its key`);
    for (const position of actor.positions ?? []) if (position.organization && !knownActor(position.organization)) fail(`actor ${actor.key}: unknown organization ${position.organization}`);
    if (actor.affiliation && !knownActor(actor.affiliation)) fail(`actor ${actor.key}: unknown affiliation ${actor.affiliation}`);
  }
  story.statements.forEach((statement, index) => {
    const where = `statement ${index + 1}`;
    if (!STATEMENT_KINDS.includes(statement.kind)) fail(`${where}: kind ${statement.kind}`);
    if (statement.speaker !== null && !knownActor(statement.speaker)) fail(`${where}: unknown speaker ${statement.speaker}`);
    if (statement.speakerVia !== undefined && (statement.speaker === null || !SPEAKER_CLASSES.includes(statement.speakerVia))) fail(`${where}: speaker class ${statement.speakerVia}`);
    for (const [key, via] of Object.entries(statement.mentions)) {
      if (!knownActor(key)) fail(`${where}: unknown actor ${key}`);
      if (!MENTION_CLASSES.includes(via)) fail(`${where}: unknown mention class ${via}`);
      if (key === statement.speaker) fail(`${where}: the speaker is not a mention of their own statement`);
    }
    for (const [key, via] of Object.entries(statement.proposals)) {
      if (!proposalKeys.has(key)) fail(`${where}: unknown proposal ${key}`);
      if (!PROPOSAL_CLASSES.includes(via)) fail(`${where}: unknown proposal class ${via}`);
    }
  });
}

/** The newsroom's actors: one per key over all stories, aliases and positions put together. */
function mergedActors(stories) {
  const byKey = new Map();
  for (const story of stories) {
    for (const actor of story.actors) {
      const known = byKey.get(actor.key);
      if (!known) {
        byKey.set(actor.key, { ...actor, aliases: [...(actor.aliases ?? [])], positions: [...(actor.positions ?? [])] });
        continue;
      }
      if (known.name !== actor.name || known.kind !== actor.kind) throw new Error(`linking corpus: actor ${actor.key} is entered differently in two stories`);
      for (const alias of actor.aliases ?? []) if (!known.aliases.includes(alias)) known.aliases.push(alias);
      for (const position of actor.positions ?? []) if (!known.positions.some((other) => other.title === position.title)) known.positions.push(position);
    }
  }
  return [...byKey.values()];
}

/**
 * Enters the newsroom in one mode and returns documentIds by key. Countries come first, from the
 * gazetteer, as in a newsroom that ran `npm run import:countries` (or loaded the demo).
 */
async function enterNewsroom(strapi, stories, mode) {
  const documents = (uid) => strapi.documents(uid);
  await strapi.plugin('newsgraph').service('countries').importAll();

  const actorIds = new Map();
  const countryId = async (code) => {
    const found = await documents(ACTOR).findFirst({ filters: { kind: 'country', country: code }, fields: ['documentId'] });
    if (!found) throw new Error(`no country actor for ${code} after the import`);
    return found.documentId;
  };
  const actorId = async (key) => {
    if (!actorIds.has(key) && isCountryKey(key)) actorIds.set(key, await countryId(key));
    const id = actorIds.get(key);
    if (!id) throw new Error(`unknown actor key ${key}`);
    return id;
  };

  const actors = mergedActors(stories);
  for (const actor of actors.filter((candidate) => candidate.kind === 'country')) {
    const documentId = await actorId(actor.key);
    if (mode !== 'careful' || actor.aliases.length === 0) continue;
    // An editor opens the imported country and adds the names the story uses.
    const current = await documents(ACTOR).findOne({ documentId, populate: { aliases: true } });
    const kept = (current.aliases ?? []).map(({ name, language, automatic }) => ({ name, language, automatic }));
    const have = new Set(kept.map((alias) => alias.name.toLowerCase()));
    const added = actor.aliases.filter((name) => !have.has(name.toLowerCase())).map((name) => ({ name }));
    if (added.length > 0) await documents(ACTOR).update({ documentId, data: { aliases: [...kept, ...added] } });
  }

  const others = actors.filter((actor) => actor.kind !== 'country');
  for (const actor of others) {
    const data = mode === 'careful'
      ? { name: actor.name, kind: actor.kind, description: actor.description ?? null, country: actor.country ?? null, aliases: actor.aliases.map((name) => ({ name })) }
      : { name: actor.name, kind: actor.kind, positions: actor.positions.map((position) => ({ title: position.title, from: position.from ?? null, to: position.to ?? null })) };
    const created = await documents(ACTOR).create({ data });
    actorIds.set(actor.key, created.documentId);
  }
  if (mode === 'careful') {
    // Positions and affiliations point at other actors: filled once every actor exists.
    for (const actor of others) {
      if (actor.positions.length === 0 && !actor.affiliation) continue;
      const positions = [];
      for (const position of actor.positions) {
        positions.push({
          title: position.title,
          descriptors: (position.descriptors ?? []).join('\n'),
          organization: position.organization ? await actorId(position.organization) : null,
          from: position.from ?? null,
          to: position.to ?? null,
        });
      }
      await documents(ACTOR).update({ documentId: await actorId(actor.key), data: { positions, affiliation: actor.affiliation ? await actorId(actor.affiliation) : null } });
    }
  }

  const proposalIds = new Map();
  for (const story of stories) {
    for (const proposal of story.proposals) {
      const data = mode === 'hurried' && TITLE_ONLY_PROPOSALS
        ? { title: proposal.title, kind: proposal.kind }
        : { title: proposal.title, kind: proposal.kind, aliases: (proposal.aliases ?? []).map((name) => ({ name })) };
      proposalIds.set(`${story.id}/${proposal.key}`, (await documents(PROPOSAL).create({ data })).documentId);
    }
  }

  const linked = [];
  for (const story of stories) {
    const { title, storyDate, dateline, outlet, byline } = story.story;
    const created = await documents(STORY).create({
      data: { title, storyDate: `${storyDate}T00:00:00.000Z`, dateline, outlet, byline, proposals: story.proposals.map((proposal) => proposalIds.get(`${story.id}/${proposal.key}`)) },
    });
    const statementIds = [];
    for (const statement of story.statements) {
      const saved = await documents(STATEMENT).create({ data: { text: statement.text, kind: statement.kind, attribution: statement.attribution, story: created.documentId } });
      statementIds.push(saved.documentId);
    }
    linked.push({ story, statementIds });
  }

  // Gold keys to documentIds, and documentIds back to what a reader recognises.
  const names = new Map();
  for (const row of await documents(ACTOR).findMany({ fields: ['documentId', 'name'], limit: 10_000 })) names.set(row.documentId, row.name);
  for (const row of await documents(PROPOSAL).findMany({ fields: ['documentId', 'title'], limit: 10_000 })) names.set(row.documentId, row.title);
  const goldActor = async (key) => actorId(key);
  const goldProposal = (story, key) => proposalIds.get(`${story.id}/${key}`);

  const results = [];
  for (const { story, statementIds } of linked) {
    const statements = [];
    for (const [index, statement] of story.statements.entries()) {
      const stored = await documents(STATEMENT).findOne({
        documentId: statementIds[index],
        fields: ['linkState'],
        populate: { speaker: { fields: ['documentId'] }, mentions: { fields: ['documentId'] }, proposals: { fields: ['documentId'] } },
      });
      const goldMentions = new Map();
      for (const [key, via] of Object.entries(statement.mentions)) goldMentions.set(await goldActor(key), via);
      const goldProposals = new Map();
      for (const [key, via] of Object.entries(statement.proposals)) goldProposals.set(goldProposal(story, key), via);
      statements.push({
        number: index + 1,
        text: statement.text,
        attribution: statement.attribution,
        goldSpeaker: statement.speaker === null ? null : await goldActor(statement.speaker),
        speakerVia: speakerClass(statement),
        speaker: stored.speaker?.documentId ?? null,
        goldMentions,
        mentions: new Set((stored.mentions ?? []).map((actor) => actor.documentId)),
        goldProposals,
        proposals: new Set((stored.proposals ?? []).map((proposal) => proposal.documentId)),
        ambiguous: new Set((stored.linkState?.ambiguous ?? []).flatMap((phrase) => phrase.candidates ?? [])),
      });
    }
    results.push({ story: story.id, statements });
  }
  return { results, names };
}

function prf(pairs) {
  const precision = pairs.found === 0 ? 1 : pairs.correct / pairs.found;
  const recall = pairs.gold === 0 ? 1 : pairs.correct / pairs.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function score(statements) {
  const mentions = { gold: 0, found: 0, correct: 0 };
  const proposals = { gold: 0, found: 0, correct: 0 };
  let speakers = 0;
  for (const statement of statements) {
    if (statement.speaker === statement.goldSpeaker) speakers += 1;
    mentions.gold += statement.goldMentions.size;
    mentions.found += statement.mentions.size;
    for (const id of statement.mentions) if (statement.goldMentions.has(id)) mentions.correct += 1;
    proposals.gold += statement.goldProposals.size;
    proposals.found += statement.proposals.size;
    for (const id of statement.proposals) if (statement.goldProposals.has(id)) proposals.correct += 1;
  }
  return { count: statements.length, speaker: speakers / statements.length, mentions: { ...mentions, ...prf(mentions) }, proposals: { ...proposals, ...prf(proposals) } };
}

/** Speaker accuracy by how the attribution names the speaker. */
function speakerByClass(statements) {
  const classes = new Map();
  for (const statement of statements) {
    const row = classes.get(statement.speakerVia) ?? { gold: 0, found: 0 };
    row.gold += 1;
    if (statement.speaker === statement.goldSpeaker) row.found += 1;
    classes.set(statement.speakerVia, row);
  }
  return [...classes.entries()].sort((a, b) => b[1].gold - a[1].gold).map(([via, row]) => `${via} ${row.found}/${row.gold}`).join(', ');
}

/** Recall by annotated class: which ways of naming the linker finds. */
function recallByClass(statements, field, found) {
  const classes = new Map();
  for (const statement of statements) {
    for (const [id, via] of statement[field]) {
      const row = classes.get(via) ?? { gold: 0, found: 0 };
      row.gold += 1;
      if (statement[found].has(id)) row.found += 1;
      classes.set(via, row);
    }
  }
  return [...classes.entries()].sort((a, b) => b[1].gold - a[1].gold).map(([via, row]) => `${via} ${row.found}/${row.gold}`).join(', ');
}

const f2 = (value) => value.toFixed(2);
const f3 = (value) => value.toFixed(3);
const excerpt = (text, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function report(mode, { results, names }) {
  const name = (id) => (id === null ? '(nobody)' : names.get(id) ?? id);
  const line = (label, s) =>
    `  ${label.padEnd(26)}${String(s.count).padStart(5)}   ${f3(s.speaker).padStart(7)}   ${f2(s.mentions.precision)} / ${f2(s.mentions.recall)} / ${f3(s.mentions.f1)} (${String(s.mentions.gold).padStart(3)})   ${f2(s.proposals.precision)} / ${f2(s.proposals.recall)} / ${f3(s.proposals.f1)} (${String(s.proposals.gold).padStart(2)})`;
  const proposalEntry = mode === 'hurried' && TITLE_ONLY_PROPOSALS ? ', proposals by title only' : '';
  console.log(`\n${mode} entry (${CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite'}${proposalEntry})`);
  console.log(`  ${'story'.padEnd(26)}${'stmts'.padStart(5)}   speaker   mentions P / R / F1 (gold)     proposals P / R / F1 (gold)`);
  const all = [];
  for (const { story, statements } of results) {
    console.log(line(story, score(statements)));
    all.push(...statements);
  }
  const overall = score(all);
  console.log(line('overall', overall));
  console.log(`  speaker right by class:   ${speakerByClass(all)}`);
  console.log(`  mention recall by class:  ${recallByClass(all, 'goldMentions', 'mentions')}`);
  console.log(`  proposal recall by class: ${recallByClass(all, 'goldProposals', 'proposals')}`);
  if (!QUIET) {
    const problems = [];
    for (const { story, statements } of results) {
      for (const statement of statements) {
        const where = `${story}#${statement.number}`;
        if (statement.speaker !== statement.goldSpeaker) problems.push(`speaker ${where}: ${name(statement.speaker)}, not ${name(statement.goldSpeaker)} [${statement.speakerVia}]  <- "${excerpt(statement.attribution)}"`);
        for (const [id, via] of statement.goldMentions) {
          if (!statement.mentions.has(id)) problems.push(`miss    ${where}: ${name(id)} [${via}]${statement.ambiguous.has(id) ? ' (ambiguous)' : ''}  "${excerpt(statement.text)}"`);
        }
        for (const id of statement.mentions) if (!statement.goldMentions.has(id)) problems.push(`false   ${where}: ${name(id)}  "${excerpt(statement.text)}"`);
        for (const [id, via] of statement.goldProposals) if (!statement.proposals.has(id)) problems.push(`miss    ${where}: proposal ${name(id)} [${via}]  "${excerpt(statement.text)}"`);
        for (const id of statement.proposals) if (!statement.goldProposals.has(id)) problems.push(`false   ${where}: proposal ${name(id)}  "${excerpt(statement.text)}"`);
      }
    }
    console.log(`  misses and false links (${problems.length}):`);
    for (const problem of problems) console.log(`    ${problem}`);
  }
  return overall;
}

(async () => {
  const stories = loadCorpus();
  const statements = stories.reduce((sum, story) => sum + story.statements.length, 0);
  console.log(`linking accuracy: ${stories.length} stories, ${statements} annotated statements (${path.relative(path.join(__dirname, '..'), CORPUS_DIR)})`);
  const summary = [];
  for (const mode of MODES.filter((candidate) => !ONLY_MODE || candidate === ONLY_MODE)) {
    const measured = await withThrowawayApp(CLIENT, `bench-linking-${mode}`, (strapi) => enterNewsroom(strapi, stories, mode));
    summary.push([mode, report(mode, measured)]);
  }
  console.log('\nsummary (micro-averaged over all statements)');
  console.log('  | entry | speaker accuracy | mention F1 (P / R) | proposal F1 (P / R) |');
  console.log('  |---|---|---|---|');
  for (const [mode, s] of summary) {
    console.log(`  | ${mode} | ${f3(s.speaker)} | ${f3(s.mentions.f1)} (${f2(s.mentions.precision)} / ${f2(s.mentions.recall)}) | ${f3(s.proposals.f1)} (${f2(s.proposals.precision)} / ${f2(s.proposals.recall)}) |`);
  }
})().catch((error) => {
  console.error(String((error && error.stack) || error).slice(0, 2000));
  process.exit(1);
});
