#!/usr/bin/env node
/**
 * `npm run export -- --out FILE.ndjson`: the whole newsroom as a Newsgraph archive
 * (docs/import-export.md), valid ninjs 2.0 items for the stories; `--claim-reviews FILE` also writes
 * the schema.org DataFeed of every rated statement of a published story.
 */
'use strict';

const fs = require('fs');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const inline = args.find((item) => item.startsWith(`${name}=`));
  return inline ? inline.slice(name.length + 1) : undefined;
};
const out = option('--out');
const claimReviews = option('--claim-reviews');
if (!out && !claimReviews) {
  console.error('export: npm run export -- --out FILE.ndjson [--claim-reviews FILE.json]');
  process.exit(1);
}

const { runWithApp } = require('./lib/run-with-app');

runWithApp(async (app) => {
  const plugin = app.plugin('newsgraph');
  if (out) {
    const stream = fs.createWriteStream(`${out}.tmp`);
    let count = 0;
    for await (const line of plugin.service('archive').exportLines()) {
      if (!stream.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
      count += 1;
    }
    await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
    fs.renameSync(`${out}.tmp`, out);
    console.log(`export: ${count} lines written to ${out}`);
  }
  if (claimReviews) {
    const { feed, pagination } = await plugin.service('claim-reviews').feed(1, Number.MAX_SAFE_INTEGER);
    fs.writeFileSync(claimReviews, `${JSON.stringify(feed, null, 2)}\n`);
    console.log(`export: ${pagination.total} ClaimReviews written to ${claimReviews}`);
  }
});
