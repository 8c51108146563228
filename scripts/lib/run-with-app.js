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
    const appContext = await compileStrapi();
    const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
    try {
      await work(app);
    } finally {
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
