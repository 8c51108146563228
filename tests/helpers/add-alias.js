/**
 * A second Strapi instance for the coherence test: boots the compiled app on the same database as
 * the test (same environment), adds an alias to an actor through strapi.documents(), and exits.
 * Usage: node tests/helpers/add-alias.js <actorDocumentId> <alias>
 */
const { createStrapi } = require('@strapi/strapi');
const { APP_DIR, TEST_DIST_DIR } = require('../setup/paths');

(async () => {
  const [documentId, alias] = process.argv.slice(2);
  const app = await createStrapi({ appDir: APP_DIR, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
  const actor = await app.documents('api::actor.actor').findOne({ documentId, populate: ['aliases'] });
  const aliases = actor.aliases.map((existing) => ({ name: existing.name, language: existing.language }));
  await app.documents('api::actor.actor').update({ documentId, data: { aliases: [...aliases, { name: alias }] } });
  await app.plugin('newsgraph').service('relink').idle();
  await app.destroy();
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
