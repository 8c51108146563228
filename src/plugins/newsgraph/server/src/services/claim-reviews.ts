import type { Core } from '@strapi/strapi';
import type { ClaimReview, WithContext } from 'schema-dts';
import { FLAG_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { isRatedVerification, toClaimReview } from '../core/claims/claim-review';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

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
 * The ClaimReview JSON-LD of a rated statement of a published story, or null: the REST route and
 * `Statement.claimReview` in GraphQL publish the same document under the same rule.
 */
export const claimReviewsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async forStatement(statementDocumentId: string): Promise<WithContext<ClaimReview> | null> {
    const statement = (await strapi.db.query(STATEMENT_UID as QueryUid).findOne({
      where: { documentId: statementDocumentId },
      select: ['documentId', 'text', 'verification', 'saidAt', 'sourceUrl'],
      populate: { speaker: { select: ['name', 'kind', 'wikidataId'] }, story: { select: ['documentId'] } },
    })) as StatementRow | null;
    if (!statement || !isRatedVerification(statement.verification) || !statement.story) return null;
    const story = (await strapi.db.query(STORY_UID as QueryUid).findOne({
      where: { documentId: statement.story.documentId, publishedAt: { $notNull: true } },
      select: ['title', 'slug', 'sourceUrl', 'storyDate', 'publishedAt'],
    })) as { title: string; slug: string | null; sourceUrl: string | null; storyDate: string | null; publishedAt: string | null } | null;
    if (!story) return null;
    // When the verdict was given: the latest resolution of one of the statement's flags.
    const resolution = (await strapi.db.query(FLAG_UID as QueryUid).findOne({
      where: { key: { $startsWith: `${statement.documentId}|` }, status: 'resolved' },
      orderBy: { updatedAt: 'desc' },
      select: ['updatedAt'],
    })) as { updatedAt: string } | null;
    const newsroom = strapi.config.get('plugin::newsgraph.claimReview') as { name: string; url: string | null };
    return toClaimReview({
      statement: { documentId: statement.documentId, text: statement.text, verification: statement.verification!, saidAt: statement.saidAt, sourceUrl: statement.sourceUrl, reviewedAt: resolution ? new Date(resolution.updatedAt).toISOString() : null },
      speaker: statement.speaker,
      story,
      newsroom,
    });
  },
});
