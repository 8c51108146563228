import type { Core } from '@strapi/strapi';
import { ACTOR_UID, PROPOSAL_UID, STATEMENT_UID } from '../constants';
import { positionOn, type HeldPosition } from '../core/graph/actor-positions';
import { actorTimeline, type TimelineEntry, type TimelineStatement } from '../core/graph/actor-timeline';
import { proposalParties, type ProposalParty } from '../core/graph/proposal-parties';
import { buildStoryGraph, type GraphProposal, type GraphStatement, type StoryGraph } from '../core/graph/story-graph';

type DocumentsUid = Parameters<Core.Strapi['documents']>[0];
type QueryUid = Parameters<Core.Strapi['db']['query']>[0];
type Row = { id: number; documentId: string } & Record<string, unknown>;

/** The most statements one timeline reads; a timeline page holds at most the GraphQL maxLimit. */
export const TIMELINE_READ_LIMIT = 5000;

const NAMED = { fields: ['documentId', 'name'] };

/**
 * The data behind the GraphQL fields that answer developers' questions (Story.graph,
 * Proposal.parties, actorTimeline, Actor.positionOn). Reads go through `strapi.documents()`, so the
 * visibility rules of restrictPublicReads apply to them exactly as to REST: a public reader's graph
 * or timeline holds nothing of an unpublished story. The shaping is in core/graph.
 */
export const graphService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (uid: string) => strapi.documents(uid as DocumentsUid) as unknown as {
    findMany(params: Record<string, unknown>): Promise<Row[]>;
    findFirst(params: Record<string, unknown>): Promise<Row | null>;
  };

  return {
    /**
     * `storyRowId` is the row GraphQL resolved (the draft or the published version).
     * `readableStatements`, when given, keeps only those statements (an admin user's read scope).
     */
    async storyGraph(storyRowId: number, readableStatements?: ReadonlySet<string>): Promise<StoryGraph> {
      const [statements, proposals] = await Promise.all([
        documents(STATEMENT_UID).findMany({
          filters: { story: { id: storyRowId } },
          fields: ['documentId', 'text'],
          populate: { speaker: NAMED, mentions: NAMED, proposals: { fields: ['documentId', 'title'] } },
          sort: ['id:asc'],
        }),
        documents(PROPOSAL_UID).findMany({
          filters: { stories: { id: storyRowId } },
          fields: ['documentId', 'title'],
          populate: { proposedBy: NAMED, supporters: NAMED, opponents: NAMED },
          sort: ['id:asc'],
        }),
      ]);
      const kept = readableStatements ? statements.filter((statement) => readableStatements.has(statement.documentId)) : statements;
      return buildStoryGraph(kept as unknown as GraphStatement[], proposals as unknown as GraphProposal[]);
    },

    async proposalParties(proposalDocumentId: string): Promise<Array<ProposalParty<Row, Row & { speaker?: { documentId: string } | null }>>> {
      const [proposal, statements] = await Promise.all([
        documents(PROPOSAL_UID).findFirst({ filters: { documentId: proposalDocumentId }, fields: ['documentId'], populate: { proposedBy: true, supporters: true, opponents: true } }),
        documents(STATEMENT_UID).findMany({ filters: { proposals: { documentId: proposalDocumentId } }, populate: { speaker: { fields: ['documentId'] } }, sort: ['id:asc'] }),
      ]);
      if (!proposal) return [];
      return proposalParties(proposal as { proposedBy?: Row[]; supporters?: Row[]; opponents?: Row[] }, statements as Array<Row & { speaker?: { documentId: string } | null }>);
    },

    /**
     * `status` is the version of the stories to read, as in Strapi's own queries: `published` (the
     * default, and all a public reader can have) lists only statements of published stories, with
     * their published story; `draft` lists every statement, with its story's latest version.
     */
    async actorTimeline(actor: string, range: { from?: string | null; to?: string | null }, limit: number, status: 'draft' | 'published' = 'published'): Promise<Array<TimelineEntry<Row & TimelineStatement>>> {
      // By documentId or slug; an actor the reader may not see has no timeline.
      const found = await documents(ACTOR_UID).findFirst({ filters: { $or: [{ documentId: actor }, { slug: actor }] }, fields: ['documentId'] });
      if (!found) return [];
      const actorDocumentId = found.documentId;
      // The date range is applied in the database too (said within it, or undated and in a story
      // dated within it), so that a long career reads only the statements of the range.
      const bounds = { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lte: range.to } : {}) };
      const dated = range.from || range.to ? [{ $or: [{ saidAt: bounds }, { saidAt: { $null: true }, story: { storyDate: bounds } }] }] : [];
      const statements = await documents(STATEMENT_UID).findMany({
        filters: {
          $and: [{ $or: [{ speaker: { documentId: actorDocumentId } }, { mentions: { documentId: actorDocumentId } }] }, ...dated, ...(status === 'published' ? [{ story: { publishedAt: { $notNull: true } } }] : [])],
        },
        populate: { speaker: { fields: ['documentId'] }, mentions: { fields: ['documentId'] }, story: true },
        // A statement belongs to both versions of its story; the status picks which one comes back.
        status,
        sort: ['id:asc'],
        limit: TIMELINE_READ_LIMIT,
      });
      return actorTimeline(actorDocumentId, statements as Array<Row & TimelineStatement>, range).slice(0, limit);
    },

    /** `actorRowId` is the actor GraphQL resolved; the position is a component row. */
    async positionOn(actorRowId: number, date: string): Promise<(HeldPosition & Row) | null> {
      const actor = (await strapi.db.query(ACTOR_UID as QueryUid).findOne({ where: { id: actorRowId }, select: ['id'], populate: { positions: true } })) as { positions?: Array<HeldPosition & Row> } | null;
      return positionOn(actor?.positions, date);
    },
  };
};
