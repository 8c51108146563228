import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFlagListQuery, ReviewInputError } from '../core/flags/review-input';
import { ADMIN_REVIEWER_STRATEGY } from '../core/request-audience';
import { getService } from '../strapi/get-service';

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
    let query;
    try {
      query = readFlagListQuery(ctx.query);
    } catch (error) {
      if (error instanceof ReviewInputError) throw new errors.ValidationError(error.message);
      throw error;
    }
    const me = ctx.state.auth?.strategy?.name === ADMIN_REVIEWER_STRATEGY ? (ctx.state.user?.id ?? null) : null;
    const page = await getService(strapi, 'flags').queue(query, me);
    ctx.body = {
      data: page.rows,
      meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(page.total / query.pageSize), total: page.total }, byStatus: page.byStatus },
    };
  },
});
