import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FLAG_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { isRatedVerification, toClaimReview } from '../core/claims/claim-review';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface KoaContext {
  params: Record<string, string>;
  type: string;
  body: unknown;
}

interface StatementRow {
  documentId: string;
  text: string;
  verification: string | null;
  saidAt: string | null;
  sourceUrl: string | null;
  speaker: { name: string; kind: string | null; wikidataId: string | null } | null;
  story: { documentId: string } | null;
}

/**
 * GET /api/newsgraph/claim-reviews/:statementDocumentId: public schema.org ClaimReview JSON-LD of a
 * rated statement of a published story. Anything else, an unpublished story above all, is a 404
 * that says no more than "not found".
 */
export const claimReviewsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: KoaContext) {
    const notFound = () => new errors.NotFoundError('No published, rated statement with this id');
    const statement = (await strapi.db.query(STATEMENT_UID as QueryUid).findOne({
      where: { documentId: ctx.params.statementDocumentId ?? '' },
      select: ['documentId', 'text', 'verification', 'saidAt', 'sourceUrl'],
      populate: { speaker: { select: ['name', 'kind', 'wikidataId'] }, story: { select: ['documentId'] } },
    })) as StatementRow | null;
    if (!statement || !isRatedVerification(statement.verification) || !statement.story) throw notFound();
    const story = (await strapi.db.query(STORY_UID as QueryUid).findOne({
      where: { documentId: statement.story.documentId, publishedAt: { $notNull: true } },
      select: ['title', 'slug', 'sourceUrl', 'storyDate', 'publishedAt'],
    })) as { title: string; slug: string | null; sourceUrl: string | null; storyDate: string | null; publishedAt: string | null } | null;
    if (!story) throw notFound();
    // When the verdict was given: the latest resolution of one of the statement's flags.
    const resolution = (await strapi.db.query(FLAG_UID as QueryUid).findOne({
      where: { key: { $startsWith: `${statement.documentId}|` }, status: 'resolved' },
      orderBy: { updatedAt: 'desc' },
      select: ['updatedAt'],
    })) as { updatedAt: string } | null;
    const newsroom = strapi.config.get('plugin::newsgraph.claimReview') as { name: string; url: string | null };
    ctx.body = toClaimReview({
      statement: { documentId: statement.documentId, text: statement.text, verification: statement.verification!, saidAt: statement.saidAt, sourceUrl: statement.sourceUrl, reviewedAt: resolution ? new Date(resolution.updatedAt).toISOString() : null },
      speaker: statement.speaker,
      story,
      newsroom,
    });
    // After the body: Koa types an object body as JSON when it is set.
    ctx.type = 'application/ld+json';
  },
});
