#!/usr/bin/env node
/**
 * `npm run -s claims:score`: batch triage for transcripts. Reads sentences, one per line, on stdin
 * and prints one check-worthiness score (0..1, three decimals) per line, in the same order; an empty
 * line scores 0. With --reasons, each score is followed by a tab and the reasons, separated by "; ".
 * Streams: memory stays flat however long the transcript.
 */
'use strict';

const readline = require('readline');
const { requireCompiledCore } = require('./lib/compiled-core');

const { scoreClaim } = requireCompiledCore('claims/claim-scorer');
const withReasons = process.argv.includes('--reasons');

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
const flush = () => {
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  out.length = 0;
};
lines.on('line', (line) => {
  const { score, reasons } = scoreClaim(line);
  out.push(withReasons ? `${score.toFixed(3)}\t${reasons.join('; ')}` : score.toFixed(3));
  if (out.length >= 1000) flush();
});
lines.on('close', flush);
