'use strict';

/**
 * Runs a command-line script against the app and its own database (.env): compiles the app, loads
 * Strapi without serving it, runs `work(app)`, and always shuts Strapi down. The process exits with
 * process.exitCode (set by `work` on a partial failure), or 1 on an error.
 * @param {(app: import('@strapi/strapi').Core.Strapi) => Promise<void>} work
 */
function runWithApp(work) {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'warn';
  const run = async () => {
    // NEWSGRAPH_DIST_DIR names an app already compiled there (the tests' copy), so a script run by a
    // test boots it instead of compiling the app again into dist/.
    const appContext = process.env.NEWSGRAPH_DIST_DIR ? { appDir: process.cwd(), distDir: process.env.NEWSGRAPH_DIST_DIR } : await compileStrapi();
    const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
    try {
      await work(app);
    } finally {
      // Strapi emits entry events after commits without awaiting them (as in throwaway-app.js): on
      // PostgreSQL, destroying the pool under them fails the exit with "aborted". Let them finish first.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await app.destroy();
    }
  };
  run().then(
    () => process.exit(process.exitCode ?? 0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}

module.exports = { runWithApp };
