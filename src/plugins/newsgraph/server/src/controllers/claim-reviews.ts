import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFeedPageQuery } from '../core/claims/claim-review';
import { getService } from '../strapi/get-service';

interface KoaContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  path: string;
  type: string;
  body: unknown;
  set(field: Record<string, string>): void;
}

/**
 * The feed's pages, as RFC 8288 links (the paging RFC 5005 describes for feeds): relative to the
 * request, with its pageSize.
 */
function pageLinks(path: string, page: number, pageSize: number, pageCount: number): string {
  const link = (target: number, rel: string) => `<${path}?page=${target}&pageSize=${pageSize}>; rel="${rel}"`;
  const last = Math.max(pageCount, 1);
  return [link(1, 'first'), ...(page > 1 ? [link(Math.min(page - 1, last), 'prev')] : []), ...(page < pageCount ? [link(page + 1, 'next')] : []), link(last, 'last')].join(', ');
}

/**
 * Public schema.org JSON-LD of the fact checks of published stories: one ClaimReview, or the feed of
 * them. Anything not public, an unpublished story above all, is a 404 that says no more than
 * "not found", and is never in the feed.
 */
export const claimReviewsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/newsgraph/claim-reviews/:statementDocumentId */
  async findOne(ctx: KoaContext) {
    const review = await getService(strapi, 'claim-reviews').forStatement(ctx.params.statementDocumentId ?? '');
    if (!review) throw new errors.NotFoundError('No published, rated statement with this id');
    ctx.body = review;
    // After the body: Koa types an object body as JSON when it is set.
    ctx.type = 'application/ld+json';
  },

  /**
   * GET /api/newsgraph/claim-reviews?page=&pageSize=: a schema.org DataFeed, newest verdict first.
   * Pagination travels in headers (X-Total-Count, X-Page-Count, Link) because a key beside
   * `dataFeedElement` would not be schema.org, and validators reading the body would flag it.
   * @throws errors.ValidationError for a page or pageSize that is not a whole number in range
   */
  async find(ctx: KoaContext) {
    const query = readFeedPageQuery(ctx.query);
    if ('problem' in query) throw new errors.ValidationError(query.problem, { errors: [{ path: [query.path], message: query.problem, name: 'ValidationError' }] });
    const { feed, pagination } = await getService(strapi, 'claim-reviews').feed(query.page, query.pageSize);
    ctx.set({
      'X-Total-Count': String(pagination.total),
      'X-Page-Count': String(pagination.pageCount),
      Link: pageLinks(ctx.path, pagination.page, pagination.pageSize, pagination.pageCount),
    });
    ctx.body = feed;
    ctx.type = 'application/ld+json';
  },
});
