import type { Core } from '@strapi/strapi';
import { readFlagListQuery } from '../core/flags/review-input';
import { ADMIN_REVIEWER_STRATEGY } from '../core/visibility/request-audience';
import { getService } from '../strapi/get-service';
import { checkedInput } from '../strapi/checked-input';
import { queuePageBody } from './flags';

interface KoaContext {
  query: Record<string, unknown>;
  state: { user?: { id?: number } | null; auth?: { strategy?: { name?: string } } };
  body: unknown;
}

/**
 * GET /api/newsgraph/review-queue: the review queue on the content API, for API tokens granted
 * `plugin::newsgraph.review-queue.find` (a newsroom's own tools) and for admins with the review
 * permission. Read only: decisions go through the admin routes, which name the flag's version.
 * The same filters as GET /newsgraph/flags; GraphQL's reviewQueue is the same query.
 */
export const reviewQueueController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: KoaContext) {
    const query = checkedInput(() => readFlagListQuery(ctx.query));
    const me = ctx.state.auth?.strategy?.name === ADMIN_REVIEWER_STRATEGY ? (ctx.state.user?.id ?? null) : null;
    ctx.body = queuePageBody(await getService(strapi, 'review-queue').page(query, me));
  },
});
