#!/usr/bin/env node
/**
 * `npm run seed`: loads the demo newsroom into the configured database, idempotently (only what is
 * missing is created). In development, an empty database also gets the development admin.
 */
'use strict';

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  const appContext = await compileStrapi();
  const app = await createStrapi(appContext).load();
  try {
    const { seedDemoNewsroom } = require(path.join(appContext.distDir, 'src', 'demo', 'seed.js'));
    const report = await seedDemoNewsroom(app);
    console.log(
      `seed: created ${report.stories} stories, ${report.statements} statements, ${report.actors} actors, ${report.proposals} proposals, ${report.countries} countries` +
        (report.stories + report.actors + report.proposals + report.countries === 0 ? ' (the demo newsroom was already there)' : '')
    );
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
