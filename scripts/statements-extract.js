#!/usr/bin/env node
/**
 * `npm run -s statements:extract`: reads one article as plain text on stdin and prints what it
 * attributes to someone, one JSON object a line:
 *   {"content": [start, end], "cue": [start, end] | null, "source": [start, end] | null, "kind", "text", "attribution"}
 * Offsets are UTF-16 code units of the input (JavaScript string indices), end exclusive. An article
 * with no attribution prints nothing. Exits 0 on any article: should the extractor fail on one, the
 * failure goes to stderr and stdout stays empty (a batch of articles is not stopped by one of them).
 */
'use strict';

const fs = require('fs');
const { requireCompiledCore } = require('./lib/compiled-core');

const { commandLines } = requireCompiledCore('extraction/index');

let article = '';
try {
  // Decoded as UTF-8; a byte order mark is part of the input as given and keeps its code unit.
  article = fs.readFileSync(0, 'utf8');
} catch (error) {
  process.stderr.write(`statements:extract: could not read stdin: ${error.message}\n`);
  process.exit(0);
}
let lines = [];
try {
  lines = commandLines(article);
} catch (error) {
  process.stderr.write(`statements:extract: no attributions for this article (${error && error.message})\n`);
}
if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
