/**
 * A second Strapi instance for the public cache's coherence test: boots the compiled app on the same
 * database as the test (same environment), prints READY, waits for a line on stdin, then changes a
 * statement's text through strapi.documents(), prints DONE and exits. Booting lays the triggers and
 * moves the data version on by itself, so the write waits until the test has filled its cache.
 * Usage: node tests/helpers/write-statement.js <statementDocumentId> <text>
 */
const readline = require('readline');
const { createStrapi } = require('@strapi/strapi');
const { APP_DIR, TEST_DIST_DIR } = require('../setup/paths');

(async () => {
  const [documentId, text] = process.argv.slice(2);
  const app = await createStrapi({ appDir: APP_DIR, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
  process.stdout.write('READY\n');
  await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
  await app.documents('api::statement.statement').update({ documentId, data: { text } });
  await app.plugin('newsgraph').service('relink').idle();
  process.stdout.write('DONE\n');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await app.destroy();
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
