#!/usr/bin/env node
/**
 * `npm run import:countries`: creates or enriches an actor of kind country for every country of
 * world-countries, with a progress bar. Idempotent: run it again and nothing changes; aliases an
 * editor deleted are not added back.
 */
'use strict';

const cliProgress = require('cli-progress');
const { runWithApp } = require('./lib/run-with-app');

runWithApp(async (app) => {
  const bar = new cliProgress.SingleBar({ format: 'countries [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(1, 0);
  const report = await app.plugin('newsgraph').service('countries').importAll((done, total) => {
    bar.setTotal(total);
    bar.update(done);
  });
  bar.stop();
  console.log(`countries: ${report.created} created, ${report.enriched} enriched, ${report.unchanged} already complete`);
});
