#!/usr/bin/env node
/**
 * `npm run relink`: relinks statements with a progress bar.
 *   npm run relink                 statements never linked, or whose linking failed
 *   npm run relink -- --all        every statement (after a bulk import with linking off)
 *   npm run relink -- --actor ID   the statements that could name one actor
 * Idempotent: relinking a statement twice gives the same links. The run is a stored relink job; if
 * the process is stopped, the job resumes at the next start of the app (or of this script).
 */
'use strict';

const cliProgress = require('cli-progress');
const { runWithApp } = require('./lib/run-with-app');

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

runWithApp(async (app) => {
  const args = process.argv.slice(2);
  const statementIds = await chooseStatements(app, args);
  const relink = app.plugin('newsgraph').service('relink');
  // A stored job like any other: its progress shows at the admin route too, and on PostgreSQL every
  // running Strapi instance helps with its batches.
  const subject = args.includes('--all') ? { kind: 'all' } : { kind: 'unlinked' };
  const job = await relink.start(statementIds, `npm run relink ${args.join(' ')}`.trim(), subject);
  const bar = new cliProgress.SingleBar({ format: 'relink [{bar}] {value}/{total} statements, {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(job.total, 0, { failed: 0 });
  let progress = job;
  while (progress.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    progress = await relink.job(job.id);
    bar.update(progress.done, { failed: progress.failed });
  }
  bar.stop();
  console.log(`relink job ${job.id}: ${progress.done - progress.failed} statements relinked, ${progress.failed} failed`);
  if (progress.failed > 0 || progress.status !== 'done') process.exitCode = 1;
});
