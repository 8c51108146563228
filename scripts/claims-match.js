#!/usr/bin/env node
/**
 * `npm run -s claims:match -- --against FILE`: batch matching of claims against known fact-checks,
 * without Strapi. FILE holds JSON lines {"id", "text", "title"} (title optional); stdin holds one
 * query a line; stdout gets one line per query, in order: up to 5 ids, best first, tab-separated,
 * or an empty line when nothing matches. --min=0.3 drops answers below that similarity (default:
 * none, every ranked answer, as evaluation wants).
 */
'use strict';

const fs = require('fs');
const readline = require('readline');
const { requireCompiledCore } = require('./lib/compiled-core');

function fail(message) {
  console.error(`claims:match: ${message}`);
  process.exit(1);
}

const argv = process.argv.slice(2);
const againstAt = argv.findIndex((item) => item === '--against' || item.startsWith('--against='));
const against = againstAt === -1 ? null : argv[againstAt].includes('=') ? argv[againstAt].split('=').slice(1).join('=') : argv[againstAt + 1];
if (!against) fail('name the known claims: --against FILE (JSON lines {"id", "text", "title"})');
const minArgument = argv.find((item) => item.startsWith('--min='));
const minSimilarity = minArgument ? Number(minArgument.split('=')[1]) : 0;
if (!(minSimilarity >= 0 && minSimilarity <= 1)) fail('--min must be a number from 0 to 1');

const { ClaimMatcher } = requireCompiledCore('claims/claim-matching');

const matcher = new ClaimMatcher();
let text;
try {
  text = fs.readFileSync(against, 'utf8');
} catch (error) {
  fail(`cannot read ${against}: ${error.code ?? error.message}`);
}
text.split(/\r?\n/).forEach((line, index) => {
  if (line.trim() === '') return;
  let claim;
  try {
    claim = JSON.parse(line);
  } catch (error) {
    fail(`${against} line ${index + 1}: not JSON (${error.message})`);
  }
  const id = typeof claim?.id === 'number' ? String(claim.id) : claim?.id;
  if (typeof id !== 'string' || id === '' || typeof claim.text !== 'string') fail(`${against} line ${index + 1}: needs "id" and "text"`);
  // Ids go out tab-separated, one query a line: a tab or line break inside one would break the output.
  if (/[\t\r\n]/.test(id)) fail(`${against} line ${index + 1}: an id may not hold tabs or line breaks`);
  matcher.add({ id, text: claim.text, title: typeof claim.title === 'string' ? claim.title : null });
});

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
const flush = () => {
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  out.length = 0;
};
lines.on('line', (query) => {
  out.push(
    matcher
      .match(query, { limit: 5, minSimilarity })
      .map((match) => match.id)
      .join('\t')
  );
  if (out.length >= 100) flush();
});
lines.on('close', flush);
