import type { Core } from '@strapi/strapi';
import { createDevAdmin } from './demo/dev-admin';
import { seedDemoNewsroom } from './demo/seed';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  /**
   * First start in development on an empty database: load the demo newsroom and create the
   * development admin, so `npm run develop` on a fresh clone opens on a working newsroom.
   * NEWSGRAPH_DEMO=false skips the demo content.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.NODE_ENV !== 'development') return;

    if (process.env.NEWSGRAPH_DEMO !== 'false') {
      const isEmpty = (await strapi.db.query('api::story.story').count()) === 0 && (await strapi.db.query('api::actor.actor').count()) === 0;
      if (isEmpty) {
        const report = await seedDemoNewsroom(strapi);
        strapi.log.info(`[newsgraph] demo newsroom loaded: ${report.stories} stories, ${report.statements} statements, ${report.actors} actors, ${report.proposals} proposals`);
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
