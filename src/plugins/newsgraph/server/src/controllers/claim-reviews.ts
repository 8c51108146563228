import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../strapi/get-service';

interface KoaContext {
  params: Record<string, string>;
  type: string;
  body: unknown;
}

/**
 * GET /api/newsgraph/claim-reviews/:statementDocumentId: public schema.org ClaimReview JSON-LD of a
 * rated statement of a published story. Anything else, an unpublished story above all, is a 404
 * that says no more than "not found".
 */
export const claimReviewsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: KoaContext) {
    const review = await getService(strapi, 'claim-reviews').forStatement(ctx.params.statementDocumentId ?? '');
    if (!review) throw new errors.NotFoundError('No published, rated statement with this id');
    ctx.body = review;
    // After the body: Koa types an object body as JSON when it is set.
    ctx.type = 'application/ld+json';
  },
});
