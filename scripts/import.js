#!/usr/bin/env node
/**
 * `npm run import -- FILE.ndjson`: imports a Newsgraph archive (docs/import-export.md), one actor,
 * proposal or ninjs story a line, with a progress bar. Lines go in batches of about 1,000 statements
 * (`--batch-statements=N`): new stories of a batch are written in one transaction, in bulk; actors,
 * proposals and stories already stored one line at a time, compared with what is stored first, so a
 * second run changes nothing. Bad lines are reported with their line number and skipped (exit code
 * 2). After each batch the position is kept in FILE.ndjson.import-state.json (with the file's hash):
 * a run that was killed continues from there; `--restart` starts from the top.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const file = args.find((item) => !item.startsWith('--'));
if (!file) {
  console.error('import: name the archive: npm run import -- FILE.ndjson');
  process.exit(1);
}
const { parseArchiveLine } = require(path.join(__dirname, '..', 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'archive', 'archive-format.js'));

const text = fs.readFileSync(file, 'utf8');
const hash = crypto.createHash('sha256').update(text).digest('hex');
const lines = text.split('\n');
if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
const stateFile = `${file}.import-state.json`;
const option = (name, fallback) => Number((args.find((item) => item.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1]);
/** Statements a batch holds, about: a story's line is never split. */
const BATCH_STATEMENTS = option('batch-statements', 1000);
/** Lines a batch holds at most (actors and proposals count as one statement each). */
const BATCH_LINES = 500;

function readState() {
  if (args.includes('--restart')) return null;
  try {
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    return state.hash === hash ? state : null;
  } catch {
    return null;
  }
}

function writeState(state) {
  // Written whole and renamed, so that a kill never leaves half a state file.
  fs.writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
  fs.renameSync(`${stateFile}.tmp`, stateFile);
}

const cliProgress = require('cli-progress');
const { runWithApp } = require('./lib/run-with-app');

runWithApp(async (app) => {
  const archive = app.plugin('newsgraph').service('archive');
  const state = readState() ?? { hash, done: 0, counts: { created: 0, updated: 0, unchanged: 0 }, skipped: [] };
  if (state.done > 0) console.log(`import: continuing after line ${state.done} of ${lines.length}`);
  const bar = new cliProgress.SingleBar({ format: 'import [{bar}] {value}/{total} lines | {rate} lines/s', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(lines.length, state.done, { rate: 0 });
  const started = Date.now();
  const firstLine = state.done;
  const describe = (error) => {
    const details = error.details && Array.isArray(error.details.errors) ? `: ${error.details.errors.map((item) => `${(item.path || []).join('.')} ${item.message}`).join('; ')}` : '';
    return `${error.message}${details}`;
  };
  while (state.done < lines.length) {
    const batch = [];
    let statements = 0;
    let end = state.done;
    while (end < lines.length && batch.length < BATCH_LINES && (batch.length === 0 || statements < BATCH_STATEMENTS)) {
      const number = end + 1;
      const text = lines[end];
      end += 1;
      if (text.trim() === '') continue;
      const parsed = parseArchiveLine(text);
      if (!parsed.ok) {
        state.skipped.push({ line: number, error: parsed.error });
        continue;
      }
      batch.push({ number, line: parsed.line });
      statements += parsed.line.type === 'story' ? Math.max(1, (parsed.line.newsgraph.statements || []).length) : 1;
    }
    for (const result of batch.length > 0 ? await archive.importLines(batch) : []) {
      if (result.error) state.skipped.push({ line: result.number, error: describe(result.error) });
      else state.counts[result.outcome] += 1;
    }
    // The batch has committed: a kill from here on continues after it.
    state.skipped.sort((a, b) => a.line - b.line);
    state.done = end;
    writeState(state);
    bar.update(end, { rate: Math.round((end - firstLine) / Math.max((Date.now() - started) / 1000, 0.001)) });
  }
  bar.stop();
  for (const skipped of state.skipped) console.error(`line ${skipped.line}: ${skipped.error}; skipped`);
  const { created, updated, unchanged } = state.counts;
  console.log(`import: ${created} created, ${updated} updated, ${unchanged} unchanged, ${state.skipped.length} skipped`);
  fs.rmSync(stateFile, { force: true });
  if (state.skipped.length > 0) process.exitCode = 2;
});
