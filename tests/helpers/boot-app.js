/**
 * Boots the compiled app in a child process with the environment it is given, reports what the
 * bootstrap did as one JSON line on stdout, and shuts down. Used to test start-up behaviour that
 * depends on NODE_ENV (the development demo and admin, the production secret check), which cannot
 * change inside the Jest process.
 */
const { createStrapi } = require('@strapi/strapi');

const { APP_DIR: appDir, TEST_DIST_DIR } = require('../setup/paths');

// An installed app carries a telemetry uuid in its package.json (create-strapi-app writes one), and
// Strapi treats an app without one as opted out whatever it says. NEWSGRAPH_BOOT_UUID lends the app
// one, in the copy of package.json that Strapi's configuration loader reads (the require cache), so
// that a test sees what the app's own settings do.
if (process.env.NEWSGRAPH_BOOT_UUID) {
  const packageJson = require(require('path').join(appDir, 'package.json'));
  packageJson.strapi = { ...packageJson.strapi, uuid: process.env.NEWSGRAPH_BOOT_UUID };
}

(async () => {
  const app = await createStrapi({ appDir, distDir: TEST_DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
  const count = (uid) => app.db.query(uid).count();
  const report = {
    stories: await count('api::story.story'),
    statements: await count('api::statement.statement'),
    actors: await count('api::actor.actor'),
    proposals: await count('api::proposal.proposal'),
    admins: await count('admin::user'),
    telemetryDisabled: app.telemetry.isDisabled,
    environment: app.config.get('environment'),
  };
  await app.destroy();
  process.stdout.write(`BOOT-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`BOOT-FAILED ${error && error.message}\n`);
  process.exit(1);
});
