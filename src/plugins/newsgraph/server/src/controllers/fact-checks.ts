import type { Core } from '@strapi/strapi';
import { getService } from '../strapi/get-service';

interface KoaContext {
  request: { body?: unknown };
  body: unknown;
}

/** POST /newsgraph/fact-checks/import: ClaimReview JSON-LD uploaded from the admin. */
export const factChecksController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** @throws errors.ValidationError (400) for a bad, hostile or unknown-rating item; nothing is written then */
  async import(ctx: KoaContext) {
    ctx.body = { data: await getService(strapi, 'fact-checks').importDocument(ctx.request.body) };
  },
});
