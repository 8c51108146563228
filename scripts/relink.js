#!/usr/bin/env node
/**
 * `npm run relink`: relinks statements with a progress bar.
 *   npm run relink                 statements never linked, or whose linking failed
 *   npm run relink -- --all        every statement (after a bulk import with linking off)
 *   npm run relink -- --actor ID   the statements that could name one actor
 * Idempotent: relinking a statement twice gives the same links.
 */
'use strict';

const cliProgress = require('cli-progress');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const STATEMENT = 'api::statement.statement';

async function chooseStatements(app, args) {
  const relink = app.plugin('newsgraph').service('relink');
  const actorFlag = args.indexOf('--actor');
  if (actorFlag !== -1) {
    const actor = args[actorFlag + 1];
    if (!actor) throw new Error('--actor needs an actor documentId');
    return relink.statementsAffectedByActor(actor);
  }
  const rows = await app.db.query(STATEMENT).findMany({ select: ['documentId', 'linkState'] });
  const wanted = args.includes('--all') ? rows : rows.filter((row) => !row.linkState || row.linkState.status !== 'linked');
  return [...new Set(wanted.map((row) => row.documentId))];
}

async function main() {
  const args = process.argv.slice(2);
  process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'warn';
  const appContext = await compileStrapi();
  const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  try {
    const statementIds = await chooseStatements(app, args);
    const relink = app.plugin('newsgraph').service('relink');
    const bar = new cliProgress.SingleBar({ format: 'relink [{bar}] {value}/{total} statements, {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(statementIds.length, 0, { failed: 0 });
    let failed = 0;
    for (const documentId of statementIds) {
      try {
        await relink.relinkStatement(documentId);
      } catch (error) {
        failed += 1;
        app.log.error(`relinking ${documentId} failed: ${error.message}`);
      }
      bar.increment(1, { failed });
    }
    bar.stop();
    console.log(`relink: ${statementIds.length - failed} statements relinked, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
