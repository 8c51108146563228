import type { Core } from '@strapi/strapi';
import { getService } from '../strapi/get-service';

interface KoaContext {
  request: { body?: unknown };
  body: unknown;
}

/** GET and PUT /newsgraph/settings: the flag rules and review guards, for Settings > Newsgraph. */
export const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: KoaContext) {
    ctx.body = { data: { flags: getService(strapi, 'settings').flags() } };
  },

  /** @throws errors.ValidationError for a wrong value, naming it */
  async update(ctx: KoaContext) {
    const body = (ctx.request.body ?? {}) as { flags?: unknown };
    ctx.body = { data: { flags: await getService(strapi, 'settings').updateFlags(body.flags) } };
  },
});
