import type { Core } from '@strapi/strapi';
import { createDevAdmin } from './demo/dev-admin';
import { seedDemoNewsroom } from './demo/seed';
import { trackHttpRequests } from './server/http-drain';

/**
 * How long a shutdown waits for the requests in flight. Below an orchestrator's grace period
 * (Kubernetes gives 30 s before SIGKILL), leaving time for the relink batch in hand and the rest.
 */
const DRAIN_TIMEOUT_MS = 15_000;

/** How long a shutdown then waits for the database work the answered requests left behind. */
const DATABASE_SETTLE_MS = 2_000;

/**
 * Strapi emits entry events after a commit without awaiting them, and each reads the entry back:
 * after the last answer, such reads may still wait for or hold a pooled connection, and closing the
 * pool would abort them (an unhandled "aborted" rejection). Waits until the pool has been idle for
 * two checks in a row (one read's event may start the next), or DATABASE_SETTLE_MS passed.
 */
async function databaseSettled(strapi: Core.Strapi): Promise<void> {
  const pool = (strapi.db?.connection?.client as { pool?: { numUsed(): number; numPendingAcquires(): number } } | undefined)?.pool;
  if (!pool) return;
  const deadline = Date.now() + DATABASE_SETTLE_MS;
  let idleChecks = 0;
  while (idleChecks < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    idleChecks = pool.numUsed() + pool.numPendingAcquires() === 0 ? idleChecks + 1 : 0;
  }
}

export default {
  /**
   * Every start: a shutdown (SIGTERM, or any strapi.destroy()) first lets the HTTP server answer the
   * requests it has taken and the database finish what they left, then runs Strapi's own, which stops
   * the plugins and closes every connection (see server/http-drain.ts).
   */
  register({ strapi }: { strapi: Core.Strapi }) {
    const http = trackHttpRequests(strapi.server.httpServer);
    const destroy = strapi.destroy.bind(strapi);
    strapi.destroy = async () => {
      const unanswered = await http.drain(DRAIN_TIMEOUT_MS);
      if (unanswered > 0) strapi.log.warn(`[newsgraph] shutting down with ${unanswered} request(s) still unanswered after ${DRAIN_TIMEOUT_MS / 1000} s`);
      await databaseSettled(strapi);
      // Strapi stops the plugins before it closes the pool, and the relink batch the plugin's destroy
      // lets finish saves statements whose entry events read them back after the commit: settle again
      // right before the pool closes.
      const database = strapi.db as unknown as { destroy(): Promise<void> } | undefined;
      if (database) {
        const closePool = database.destroy.bind(database);
        database.destroy = async () => {
          await databaseSettled(strapi);
          await closePool();
        };
      }
      await destroy();
    };
  },

  /**
   * Every start: the Fact-checker admin role, once.
   * First start in development on an empty database: load the demo newsroom and create the
   * development admin, so `npm run develop` on a fresh clone opens on a working newsroom.
   * NEWSGRAPH_DEMO=false skips the demo content.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Here rather than in the plugin's bootstrap: Strapi bootstraps plugins before the admin, which
    // creates its default roles (Super Admin first) only on a database with no role at all.
    // Absent when the plugin is switched off (NEWSGRAPH_ENABLED=false, the baseline of bench:save).
    if (!strapi.plugin('newsgraph')) return;
    const factCheckerRole = strapi.plugin('newsgraph').service('fact-checker-role') as { ensureFactCheckerRole(): Promise<boolean> };
    if (await factCheckerRole.ensureFactCheckerRole()) strapi.log.info('[newsgraph] created the Fact-checker admin role');

    if (process.env.NODE_ENV !== 'development') return;

    if (process.env.NEWSGRAPH_DEMO !== 'false') {
      const isEmpty = (await strapi.db.query('api::story.story').count()) === 0 && (await strapi.db.query('api::actor.actor').count()) === 0;
      if (isEmpty) {
        const report = await seedDemoNewsroom(strapi);
        strapi.log.info(`[newsgraph] demo newsroom loaded: ${report.stories} stories, ${report.statements} statements, ${report.actors} actors, ${report.proposals} proposals, ${report.countries} real countries`);
      }
    }

    const login = await createDevAdmin(strapi);
    if (login) {
      const url = `${strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port')}`}/admin`;
      strapi.log.info(
        [
          '',
          '┌─ Newsgraph development admin ─────────────────────────────',
          `│  ${url}`,
          `│  email:    ${login.email}`,
          `│  password: ${login.password}   (from .env, NEWSGRAPH_DEV_ADMIN_PASSWORD)`,
          '└───────────────────────────────────────────────────────────',
        ].join('\n')
      );
    }
  },
};
