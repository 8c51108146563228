#!/usr/bin/env node
/**
 * `npm run import:claim-reviews -- FILE`: imports fact-checks published elsewhere from schema.org
 * ClaimReview JSON-LD (one item, an array, a DataFeed, or JSON lines of these), with a progress bar.
 * Idempotent by url: a fact-check already there is updated when it changed and left alone when not.
 * Bad items are reported by position (and line) and skipped; the exit code is then 2. A file over
 * 50 MB, or one that is not JSON at all, is refused before anything is written (exit code 1).
 */
'use strict';

const fs = require('fs');
const path = require('path');

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const file = process.argv.slice(2).find((item) => !item.startsWith('--'));

function refuse(message) {
  console.error(`import:claim-reviews: ${message}`);
  process.exit(1);
}

if (!file) refuse('name the file to import: npm run import:claim-reviews -- FILE');
let size;
try {
  size = fs.statSync(file).size;
} catch (error) {
  refuse(`cannot read ${file}: ${error.code ?? error.message}`);
}
if (size > MAX_FILE_BYTES) refuse(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB, over the 50 MB limit: split it (JSON lines split anywhere between lines); nothing was imported`);

const { ClaimReviewFormatError, describeProblem, parseClaimReviewText } = require(path.join(__dirname, '..', 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'claims', 'claim-review-import.js'));

// Parse before booting Strapi: a malformed file is refused in a second, and nothing is written.
let parsed;
try {
  parsed = parseClaimReviewText(fs.readFileSync(file, 'utf8'));
} catch (error) {
  if (error instanceof ClaimReviewFormatError) refuse(`${file}: ${error.message}; nothing was imported`);
  throw error;
}
const { factChecks, problems } = parsed;
for (const problem of problems.slice(0, 50)) console.error(`skipped ${describeProblem(problem)}`);
if (problems.length > 50) console.error(`... and ${problems.length - 50} more skipped`);
if (factChecks.length === 0) refuse(`${file}: no valid ClaimReview item; nothing was imported`);

const cliProgress = require('cli-progress');
const { runWithApp } = require('./lib/run-with-app');

runWithApp(async (app) => {
  const bar = new cliProgress.SingleBar({ format: 'fact-checks [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(factChecks.length, 0);
  const report = await app.plugin('newsgraph').service('fact-checks').upsert(factChecks, (done) => bar.update(done));
  bar.stop();
  console.log(`fact-checks: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${problems.length} skipped`);
  if (problems.length > 0) process.exitCode = 2;
});
