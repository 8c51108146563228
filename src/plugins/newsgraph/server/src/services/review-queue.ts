import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTOR_UID, FLAG_UID, REVIEW_EVENT_UID, STATEMENT_UID, STORY_UID } from '../constants';
import type { FlagDetail, FlagEvent, QueueFacets, QueueFlag, QueuePagination } from '../contracts/review';
import { scoreClaim } from '../core/claims/claim-scorer';
import { countMatching, summarizeFlagCounts, type FlagCountKey, type FlagCountRow, type FlagCountSummary } from '../core/flags/flag-counts';
import type { FlagListQuery } from '../core/flags/review-input';
import { summarizeOpenFlags, UNRESOLVED_STATUSES, type OpenFlagSummary } from '../core/flags/open-flag-summary';
import type { Severity } from '../core/flags/flag-types';
import { storyContext } from '../core/flags/story-context';
import { workingVersion } from '../core/visibility/story-versions';
import { getService } from '../strapi/get-service';
import { whereInScope, type ReadScope } from './document-permissions';
import { columnOf, joinTableOf, tableOf } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/** What a queue entry carries besides the flag: its statement with speaker, story and assignee. */
export const QUEUE_POPULATE = {
  statement: { select: ['documentId', 'text', 'kind', 'attribution', 'verification', 'checkWorthiness'], populate: { speaker: { select: ['documentId', 'name'] } } },
  story: { select: ['documentId', 'title'] },
  assignee: { select: ['id', 'firstname', 'lastname'] },
};

/** No restriction: API tokens, GraphQL and scripts read the whole queue. */
const EVERYTHING: ReadScope = { kind: 'all' };

/** A flag `where` kept to the flags whose statements are in `statements` (unchanged for `all`). */
const scoped = (where: Record<string, unknown>, statements: ReadScope): Record<string, unknown> =>
  statements.kind === 'all' ? where : { $and: [where, whereInScope('statement', statements)] };

/**
 * Reads the review queue: pages of flags, one flag with its history and context, the desk's filters
 * and counts. The admin routes, the content API's review-queue route and GraphQL's reviewQueue all
 * read through it; the actions that change flags are the review service's.
 *
 * The admin routes pass the user's read scope on statements (document-permissions service): a
 * role whose statement reading has conditions (Strapi's `admin::is-creator`, say) sees only the
 * flags of the statements it may read, and counts only those. Everyone else, the Fact-checker and
 * Editor roles included, reads all statements, and the kept counts answer for them.
 */
export const reviewQueueService = ({ strapi }: { strapi: Core.Strapi }) => {
  const flagQuery = () => strapi.db.query(FLAG_UID as QueryUid);

  /**
   * The counts of the flags in scope, counted from the flags themselves: the kept counts are global.
   * Costs a read of the flags the user may see, which a conditional role keeps small.
   */
  async function scopedCountRows(statements: ReadScope): Promise<FlagCountRow[]> {
    const flags = (await flagQuery().findMany({ where: scoped({}, statements), select: ['status', 'kind', 'severity'] })) as FlagCountKey[];
    return flags.map((flag) => ({ ...flag, count: 1 }));
  }

  /**
   * What a fact-checker reads beside a flag: the sentence of the story holding the statement
   * (with the statement's span, when its words are there), the statement's mentions, the reasons
   * behind its check-worthiness, and the last verdicts given on its speaker's other statements.
   */
  async function reviewContext(flagDocumentId: string, statements: ReadScope): Promise<FlagDetail['context']> {
    const flag = (await flagQuery().findOne({
      where: { documentId: flagDocumentId },
      select: ['storyDocumentId'],
      populate: { statement: { select: ['documentId', 'text'], populate: { speaker: { select: ['documentId'] }, mentions: { select: ['documentId', 'name'] } } } },
    })) as { storyDocumentId: string | null; statement: { documentId: string; text: string; speaker: { documentId: string } | null; mentions: Array<{ documentId: string; name: string }> } | null } | null;
    const statement = flag?.statement;
    if (!statement) return { story: null, mentions: [], scoreReasons: [], speakerVerdicts: [] };
    const versions = flag.storyDocumentId
      ? ((await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: flag.storyDocumentId }, select: ['body', 'publishedAt'] })) as Array<{ body: string | null; publishedAt: string | null }>)
      : [];
    const body = workingVersion(versions)?.body ?? null;
    const earlier = statement.speaker
      ? ((await flagQuery().findMany({
          where: scoped({ status: 'resolved', verdict: { $notNull: true }, statement: { speaker: { documentId: statement.speaker.documentId }, documentId: { $ne: statement.documentId } } }, statements),
          orderBy: [{ updatedAt: 'desc' }],
          limit: 5,
          select: ['verdict', 'updatedAt'],
          populate: { statement: { select: ['text'] } },
        })) as Array<{ verdict: string; updatedAt: string; statement: { text: string } | null }>)
      : [];
    return {
      story: storyContext(statement.text, body),
      mentions: statement.mentions ?? [],
      scoreReasons: scoreClaim(statement.text).reasons,
      speakerVerdicts: earlier.map((item) => ({ verdict: item.verdict, text: item.statement?.text ?? '', resolvedAt: new Date(item.updatedAt).toISOString() })),
    };
  }

  return {
    /**
     * One page of the review queue. `me` is the caller's admin user id, for `assignee: 'me'`;
     * `statements` the statements whose flags the caller may see.
     */
    async page(query: FlagListQuery, me: number | null, statements: ReadScope = EVERYTHING): Promise<{ rows: QueueFlag[]; pagination: QueuePagination; byStatus: FlagCountSummary['byStatus'] }> {
      const where: Record<string, unknown> = {};
      if (query.status) where.status = query.status;
      if (query.kind) where.kind = query.kind;
      if (query.severity) where.severity = query.severity;
      if (query.minScore !== undefined) where.score = { $gte: query.minScore };
      // The story's documentId is kept on the flag itself: an indexed column, not a join per row.
      if (query.story) where.storyDocumentId = query.story;
      if (query.actor) where.statement = { $or: [{ speaker: { documentId: query.actor } }, { mentions: { documentId: query.actor } }] };
      // "me" without a user (an API token) matches nobody rather than everybody.
      if (query.assignee) where.assignee = { id: query.assignee === 'me' ? (me ?? -1) : Number(query.assignee) };
      const orderBy = query.sort === 'score' ? [{ score: 'desc' }, { id: 'asc' }] : [{ createdAt: 'asc' }, { id: 'asc' }];
      const countRows = statements.kind === 'all' ? await getService(strapi, 'flag-counts').rows() : await scopedCountRows(statements);
      // Filters on status, kind and severity alone are answered by the counts; the others
      // (story, actor, assignee, score) count their matches, which their indexes keep small.
      const kept = countMatching(countRows, { status: query.status, kind: query.kind, severity: query.severity, story: query.story, actor: query.actor, assignee: query.assignee, minScore: query.minScore });
      const inScope = scoped(where, statements);
      const [rows, total] = await Promise.all([
        flagQuery().findMany({ where: inScope, orderBy, offset: (query.page - 1) * query.pageSize, limit: query.pageSize, populate: QUEUE_POPULATE }) as Promise<QueueFlag[]>,
        kept ?? flagQuery().count({ where: inScope }),
      ]);
      const count = Number(total);
      return {
        rows,
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(count / query.pageSize), total: count },
        byStatus: summarizeFlagCounts(countRows).byStatus,
      };
    },

    /**
     * The unresolved flags of each listed statement or story (count and worst severity), for the
     * content manager's list views. Only flags of statements in `statements` count.
     */
    async openFlagsByDocument(type: 'statement' | 'story', documentIds: string[], statements: ReadScope = EVERYTHING, stories: ReadScope = EVERYTHING): Promise<Record<string, OpenFlagSummary>> {
      if (documentIds.length === 0) return {};
      // A document the user may not read gets no entry (the list shows a dash), not a "0" that
      // would tell something about it.
      const scope = type === 'story' ? stories : statements;
      let asked = documentIds;
      if (scope.kind !== 'all') {
        const uid = type === 'story' ? STORY_UID : STATEMENT_UID;
        const readable = (await strapi.db.query(uid as QueryUid).findMany({ where: { $and: [{ documentId: { $in: documentIds } }, whereInScope(null, scope)] }, select: ['documentId'] })) as Array<{ documentId: string }>;
        asked = [...new Set(readable.map((document) => document.documentId))];
      }
      if (asked.length === 0) return {};
      const unresolved = { status: { $in: [...UNRESOLVED_STATUSES] } };
      // Flags keep their story's documentId themselves (indexed); a statement's is one join away.
      const where = type === 'story' ? { ...unresolved, storyDocumentId: { $in: asked } } : { ...unresolved, statement: { documentId: { $in: asked } } };
      // `id` in the selection: a filter through a relation selects DISTINCT, which would fold two flags of one severity.
      const flags = (await flagQuery().findMany({ where: scoped(where, statements), select: ['id', 'severity', 'storyDocumentId'], populate: type === 'statement' ? { statement: { select: ['documentId'] } } : {} })) as Array<{ severity: Severity; storyDocumentId: string | null; statement?: { documentId: string } | null }>;
      const rows = flags.flatMap((flag) => {
        const documentId = type === 'story' ? flag.storyDocumentId : flag.statement?.documentId;
        return documentId ? [{ documentId, severity: flag.severity }] : [];
      });
      return summarizeOpenFlags(asked, rows);
    },

    /** The queue's counts per status, kind and severity, of the flags whose statements are in scope. */
    async counts(statements: ReadScope = EVERYTHING): Promise<FlagCountSummary> {
      return statements.kind === 'all' ? getService(strapi, 'flag-counts').summary() : summarizeFlagCounts(await scopedCountRows(statements));
    },

    /**
     * @throws errors.NotFoundError for an unknown flag
     * @throws errors.ForbiddenError when the flag's statement is out of `statements`
     */
    async entry(documentId: string, statements: ReadScope = EVERYTHING): Promise<QueueFlag> {
      const flag = (await flagQuery().findOne({ where: { documentId }, populate: QUEUE_POPULATE })) as QueueFlag | null;
      if (!flag) throw new errors.NotFoundError(`No flag ${documentId}`);
      if (statements.kind !== 'all' && (await flagQuery().count({ where: scoped({ documentId }, statements) })) === 0) {
        throw new errors.ForbiddenError("You may not read this flag's statement");
      }
      return flag;
    },

    /**
     * One flag with its history (every review event, oldest first) and what a fact-checker reads
     * beside it.
     * @throws errors.NotFoundError for an unknown flag
     * @throws errors.ForbiddenError when the flag's statement is out of `statements`
     */
    async detail(documentId: string, statements: ReadScope = EVERYTHING): Promise<FlagDetail> {
      const flag = await this.entry(documentId, statements);
      const events = (await strapi.db.query(REVIEW_EVENT_UID as QueryUid).findMany({
        where: { flag: { documentId: flag.documentId } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: ['from', 'to', 'note', 'verdict', 'judgedText', 'changedText', 'createdAt'],
        populate: { actor: { select: ['id', 'firstname', 'lastname'] } },
      })) as FlagEvent[];
      return { ...flag, events, context: await reviewContext(flag.documentId, statements) };
    },

    /**
     * What the desk's filters offer: the stories that have flags and the admin users flags are
     * assigned to (read from the flags' own columns, not from every story or user), and, with `q`,
     * the actors whose name contains it. `stories` keeps the stories offered to those the caller may read.
     */
    async facets(q: string, stories: ReadScope = EVERYTHING): Promise<QueueFacets> {
      const knex = strapi.db.connection;
      const flags = tableOf(strapi, FLAG_UID);
      const storyIds = (await knex(flags).distinct(columnOf(strapi, FLAG_UID, 'storyDocumentId')).whereNotNull(columnOf(strapi, FLAG_UID, 'storyDocumentId')).limit(500)).map((row: Record<string, string>) => Object.values(row)[0]!);
      const storyRows = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: { $in: storyIds }, ...whereInScope(null, stories) }, select: ['documentId', 'title', 'publishedAt'], orderBy: [{ id: 'desc' }] })) as Array<{ documentId: string; title: string }>;
      const joinTable = joinTableOf(strapi, FLAG_UID, 'assignee');
      const assigneeIds = (await knex(joinTable.name).distinct(joinTable.inverseJoinColumn.name)).map((row: Record<string, number>) => Object.values(row)[0]!);
      const assignees = (await strapi.db.query('admin::user' as QueryUid).findMany({ where: { id: { $in: assigneeIds } }, select: ['id', 'firstname', 'lastname'] })) as Array<{ id: number; firstname: string | null; lastname: string | null }>;
      const actors = q ? ((await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { name: { $containsi: q } }, select: ['documentId', 'name'], orderBy: [{ name: 'asc' }], limit: 20 })) as QueueFacets['actors']) : [];
      return {
        stories: [...new Map(storyRows.map((story) => [story.documentId, { documentId: story.documentId, title: story.title }])).values()],
        assignees: assignees.map((user) => ({ id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') })),
        actors,
      };
    },
  };
};
