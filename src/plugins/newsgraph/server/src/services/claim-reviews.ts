import type { Core } from '@strapi/strapi';
import type { ClaimReview, DataFeed, WithContext } from 'schema-dts';
import { FLAG_UID, STATEMENT_UID, STORY_UID } from '../constants';
import {
  claimReviewOf,
  compareFeedEntries,
  RATED_VERIFICATIONS,
  toClaimReviewFeed,
  verdictAppliesToText,
  verdictFlagOf,
  withSchemaOrgContext,
  type ClaimReviewConfig,
  type ClaimReviewInput,
  type VerdictFlag,
} from '../core/claims/claim-review';
import { PUBLIC_VISIBILITY_RULES } from '../core/visibility/visibility-rules';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];
type Where = Record<string, unknown>;

/** A rated statement of a published story whose verdict applies to its words, ready to be placed. */
interface FeedEntry {
  id: number;
  documentId: string;
  text: string;
  verification: string;
  /** When the verdict was given: its flag's resolution, else the statement's last change. */
  reviewedAt: string;
  updatedAt: string;
  reviewBody: string | null;
}

interface CandidateRow {
  id: number;
  documentId: string;
  text: string;
  verification: string;
  verifiedText: string | null;
  updatedAt: unknown;
}

interface FlagRow {
  status: string;
  verdict: string | null;
  note: string | null;
  updatedAt: unknown;
  textAtResolution: string | null;
  statement: { id: number } | null;
}

interface DetailRow {
  id: number;
  saidAt: unknown;
  sourceUrl: string | null;
  speaker: { name: string; kind: string | null; wikidataId: string | null } | null;
  story: { documentId: string; title: string; slug: string | null; sourceUrl: string | null; storyDate: unknown; publishedAt: unknown } | null;
}

export interface ClaimReviewFeedPage {
  feed: WithContext<DataFeed>;
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

/** Dates come back as Date objects, ISO strings or (SQLite) epoch milliseconds, by database. */
function toIso(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * ClaimReview JSON-LD of the rated statements of published stories: one statement (the REST route
 * and `Statement.claimReview` in GraphQL) or the paginated feed. Both go through `entries`, so a
 * statement is in the feed exactly when its single item is served.
 */
export const claimReviewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsgraph.claimReview') as ClaimReviewConfig;

  /**
   * Rated statements matching `where` that a public reader may see (the same visibility rule as every
   * public read: the statement's story is published) and whose verdict was given on their words,
   * newest verdict first. Two queries whatever their number: the statements' short columns, and the
   * resolved flags of all of them at once.
   */
  async function entries(where: Where): Promise<FeedEntry[]> {
    const statementWhere: Where = { $and: [where, { verification: { $in: RATED_VERIFICATIONS } }, PUBLIC_VISIBILITY_RULES[STATEMENT_UID]] };
    const candidates = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where: statementWhere,
      select: ['id', 'documentId', 'text', 'verification', 'verifiedText', 'updatedAt'],
    })) as CandidateRow[];
    if (candidates.length === 0) return [];
    const flagRows = (await strapi.db.query(FLAG_UID as QueryUid).findMany({
      where: { status: 'resolved', verdict: { $in: RATED_VERIFICATIONS }, statement: statementWhere },
      select: ['status', 'verdict', 'note', 'updatedAt', 'textAtResolution'],
      populate: { statement: { select: ['id'] } },
    })) as FlagRow[];
    const flagsByStatement = new Map<number, VerdictFlag[]>();
    for (const row of flagRows) {
      if (!row.statement) continue;
      const flag: VerdictFlag = { status: row.status, verdict: row.verdict, note: row.note, updatedAt: toIso(row.updatedAt) ?? '', textAtResolution: row.textAtResolution };
      flagsByStatement.set(row.statement.id, [...(flagsByStatement.get(row.statement.id) ?? []), flag]);
    }

    const placed: FeedEntry[] = [];
    for (const candidate of candidates) {
      const flag = verdictFlagOf(candidate.verification, flagsByStatement.get(candidate.id) ?? []);
      // A verdict older than verifiedText recorded no words on the statement, but its flag did: a
      // statement whose words moved away from them must not keep the verdict either.
      const verifiedText = candidate.verifiedText ?? flag?.textAtResolution ?? null;
      if (!verdictAppliesToText({ verification: candidate.verification, text: candidate.text, verifiedText })) continue;
      const updatedAt = toIso(candidate.updatedAt) ?? new Date(0).toISOString();
      placed.push({
        id: candidate.id,
        documentId: candidate.documentId,
        text: candidate.text,
        verification: candidate.verification,
        reviewedAt: flag?.updatedAt || updatedAt,
        updatedAt,
        reviewBody: flag?.note ?? null,
      });
    }
    return placed.sort(compareFeedEntries);
  }

  /** The ClaimReviews of some entries, in their order: one query for their sources, speakers and stories. */
  async function render(page: FeedEntry[]): Promise<ClaimReview[]> {
    if (page.length === 0) return [];
    const details = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where: { id: { $in: page.map((entry) => entry.id) } },
      select: ['id', 'saidAt', 'sourceUrl'],
      populate: {
        speaker: { select: ['name', 'kind', 'wikidataId'] },
        // Statement.story links both rows of its story: the published one is what readers see.
        story: { select: ['documentId', 'title', 'slug', 'sourceUrl', 'storyDate', 'publishedAt'], where: { publishedAt: { $notNull: true } } },
      },
    })) as DetailRow[];
    const byId = new Map(details.map((row) => [row.id, row]));
    const settings = config();
    const reviews: ClaimReview[] = [];
    for (const entry of page) {
      const detail = byId.get(entry.id);
      // Unpublished or deleted between the two reads: it is not public any more.
      if (!detail?.story) continue;
      const input: ClaimReviewInput = {
        statement: {
          documentId: entry.documentId,
          text: entry.text,
          verification: entry.verification,
          saidAt: toIso(detail.saidAt),
          sourceUrl: detail.sourceUrl,
          reviewedAt: entry.reviewedAt,
          reviewBody: entry.reviewBody,
        },
        speaker: detail.speaker,
        story: { ...detail.story, storyDate: toIso(detail.story.storyDate), publishedAt: toIso(detail.story.publishedAt) },
        config: settings,
      };
      reviews.push(claimReviewOf(input));
    }
    return reviews;
  }

  return {
    /**
     * The ClaimReview JSON-LD of a statement, or null when it is not public (its story is a draft or
     * unpublished), not rated, or rated on words it no longer holds.
     */
    async forStatement(statementDocumentId: string): Promise<WithContext<ClaimReview> | null> {
      const [entry] = await entries({ documentId: statementDocumentId });
      if (!entry) return null;
      const [review] = await render([entry]);
      return review ? withSchemaOrgContext(review) : null;
    },

    /**
     * One page of the schema.org DataFeed of every ClaimReview, newest verdict first. A page past the
     * last one is empty, as Strapi's own lists are.
     */
    async feed(page: number, pageSize: number): Promise<ClaimReviewFeedPage> {
      const all = await entries({});
      const reviews = await render(all.slice((page - 1) * pageSize, page * pageSize));
      // When the feed as a whole last changed: a verdict, a statement, or a story (re)published.
      const latestStory = (await strapi.db.query(STORY_UID as QueryUid).findOne({
        where: { publishedAt: { $notNull: true }, statements: { verification: { $in: RATED_VERIFICATIONS } } },
        orderBy: { publishedAt: 'desc' },
        select: ['publishedAt'],
      })) as { publishedAt: unknown } | null;
      const changes = [...all.flatMap((entry) => [entry.reviewedAt, entry.updatedAt]), toIso(latestStory?.publishedAt)].filter((date): date is string => Boolean(date));
      const dateModified = all.length === 0 ? null : changes.reduce((latest, date) => (date > latest ? date : latest));
      return {
        feed: toClaimReviewFeed(reviews, { dateModified, config: config() }),
        pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length },
      };
    },
  };
};
