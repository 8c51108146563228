import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTOR_UID, STORY_UID } from '../constants';
import { readFlagListQuery } from '../core/flags/review-input';
import { checkedInput } from '../strapi/checked-input';
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES } from '../core/flags/flag-types';
import { ADMIN_REVIEWER_STRATEGY, isPublicContentApiRequest } from '../core/visibility/request-audience';
import { currentRequest } from '../strapi/types';
import { getService } from '../strapi/get-service';
import { suggestionsFor } from '../controllers/statement-suggestions';

type DocumentsUid = Parameters<Core.Strapi['documents']>[0];
type Parent = { id: number; documentId: string };
interface ResolverContext {
  state: { user?: { id?: number } | null; auth?: { strategy?: { name?: string }; ability?: object } };
}

/** The content-API action that reads the review queue: granted to API tokens, never to Public. */
export const REVIEW_QUEUE_ACTION = 'plugin::newsgraph.review-queue.find';

const enumOf = (name: string, values: readonly string[]) => `enum ${name} { ${values.join(' ')} }`;

/**
 * The fields and queries Newsgraph adds to Strapi's generated schema (docs/graphql.md documents
 * each with an example). Descriptions become the schema's documentation in any GraphQL client.
 */
export const NEWSGRAPH_TYPE_DEFS = /* GraphQL */ `
  ${enumOf('StoryGraphNodeType', ['actor', 'statement', 'proposal'])}
  ${enumOf('StoryGraphEdgeType', ['said', 'mentions', 'proposed', 'supports', 'opposes'])}
  ${enumOf('ProposalStance', ['proposed', 'supports', 'opposes'])}
  ${enumOf('ActorTimelineRole', ['said', 'mentioned'])}
  ${enumOf('ReviewFlagStatus', FLAG_STATUSES)}
  ${enumOf('ReviewFlagKind', FLAG_KINDS)}
  ${enumOf('ReviewFlagSeverity', SEVERITIES)}
  ${enumOf('ReviewQueueSort', ['score', 'age'])}

  "A node of a story's network: an actor, a statement or a proposal."
  type StoryGraphNode {
    "'<type>:<documentId>', unique within the graph"
    id: ID!
    type: StoryGraphNodeType!
    documentId: ID!
    "The actor's name, the proposal's title, or the statement's first 80 characters"
    label: String!
  }

  "A typed edge: an actor said a statement; a statement mentions an actor or a proposal; an actor proposed, supports or opposes a proposal."
  type StoryGraphEdge {
    source: ID!
    target: ID!
    type: StoryGraphEdgeType!
  }

  type StoryGraph {
    nodes: [StoryGraphNode!]!
    edges: [StoryGraphEdge!]!
  }

  "An actor's stance on a proposal, with the proposal's statements that actor made."
  type ProposalParty {
    actor: Actor!
    stance: ProposalStance!
    statements: [Statement!]!
  }

  type ActorTimelineEntry {
    "When it was said: the statement's saidAt, else its story's date"
    date: DateTime
    role: ActorTimelineRole!
    statement: Statement!
    story: Story
  }

  type ReviewEvent {
    from: ReviewFlagStatus
    to: ReviewFlagStatus!
    note: String
    "A resolution's verdict, or the verdict standing when its words changed"
    verdict: String
    "The words a verdict judged"
    judgedText: String
    "For 'text changed after the verdict': the words that replaced the judged ones"
    changedText: String
    "The fact-checker's name; empty for the plugin's own changes"
    by: String
    createdAt: DateTime!
  }

  "A flag of the fact-checkers' review queue."
  type ReviewFlag {
    documentId: ID!
    kind: ReviewFlagKind!
    severity: ReviewFlagSeverity!
    status: ReviewFlagStatus!
    reason: String
    score: Float
    version: Int!
    verdict: String
    note: String
    evidence: JSON
    "The statement's words the verdict was given on; when they differ from the statement's text, the verdict is on earlier text"
    textAtResolution: String
    "repeats_checked_claim: the earlier verdicts on the same claim, best first"
    earlierVerdicts: JSON
    createdAt: DateTime
    updatedAt: DateTime
    assignee: String
    statement: Statement
    story: Story
    events: [ReviewEvent!]!
  }

  type ReviewQueuePage {
    nodes: [ReviewFlag!]!
    pageInfo: Pagination!
    "Flags per status, whatever the filter"
    byStatus: JSON!
  }

  input ReviewQueueFilter {
    status: ReviewFlagStatus
    kind: ReviewFlagKind
    severity: ReviewFlagSeverity
    "A story's documentId"
    story: ID
    "An actor's documentId: flags of statements it said or is mentioned in"
    actor: ID
    "An admin user id, or 'me'"
    assignee: ID
    minScore: Float
  }

  extend type Story {
    "The story's actors, statements and proposals as nodes and typed edges, ready for a network drawing"
    graph: StoryGraph!
  }

  extend type Proposal {
    "Each actor that proposed, supports or opposes the proposal, with the statements that show it"
    parties: [ProposalParty!]!
  }

  extend type Actor {
    "The position the actor held on a date (the latest begun, when terms overlap)"
    positionOn(date: Date!): ComponentNewsgraphPosition
  }

  extend type Statement {
    "schema.org ClaimReview JSON-LD of a rated statement of a published story; null otherwise"
    claimReview: JSON
  }

  extend type Query {
    "A story by its slug; the published version unless status says otherwise (API tokens only)"
    storyBySlug(slug: String!, status: PublicationStatus = PUBLISHED): Story
    actorBySlug(slug: String!): Actor
    "What an actor said and where it was mentioned, oldest first, within an optional date range; statements of published stories unless status says otherwise (API tokens only)"
    actorTimeline(
      "The actor's documentId or slug"
      actor: ID!, from: DateTime, to: DateTime, limit: Int = 25, status: PublicationStatus = PUBLISHED): [ActorTimelineEntry!]!
    "The fact-checkers' review queue: API tokens granted plugin::newsgraph.review-queue.find, or admins with the review permission"
    reviewQueue(filter: ReviewQueueFilter, sort: ReviewQueueSort = score, pagination: PaginationArg): ReviewQueuePage!
    "Statements suggested from a story's body (its draft): API tokens granted plugin::newsgraph.statement-suggestions.find, or admins who may update the story"
    suggestStatements(storyDocumentId: ID!): [StatementSuggestion!]!
  }

  "Where a part of a suggestion stands in its sentence: UTF-16 offsets, end exclusive"
  type TextSpan {
    start: Int!
    end: Int!
  }

  "A statement the story's body holds, not yet in the story"
  type StatementSuggestion {
    "The folded text: the key to reject it by"
    key: String!
    text: String!
    kind: String!
    attribution: String!
    "The sentence holding it"
    sentence: String!
    content: TextSpan!
    cue: TextSpan
    source: TextSpan
    sourceText: String
    "The actor the linker resolves the source to on the story's date"
    speaker: StatementSuggestionSpeaker
  }

  type StatementSuggestionSpeaker {
    documentId: ID!
    name: String!
  }
`;

interface FlagRow {
  documentId: string;
  assignee?: { firstname?: string | null; lastname?: string | null } | null;
  evidence?: unknown;
  [key: string]: unknown;
}

const fullName = (user: { firstname?: string | null; lastname?: string | null } | null | undefined) => (user ? [user.firstname, user.lastname].filter(Boolean).join(' ') : null);

export function buildNewsgraphResolvers(strapi: Core.Strapi) {
  const graph = () => getService(strapi, 'graph');
  const maxLimit = () => Number(strapi.config.get('plugin::graphql.maxLimit') ?? 100);
  const documents = (uid: string) => strapi.documents(uid as DocumentsUid) as unknown as { findFirst(params: Record<string, unknown>): Promise<unknown> };

  return {
    Story: {
      graph: (parent: Parent) => graph().storyGraph(parent.id),
    },
    Proposal: {
      parties: (parent: Parent) => graph().proposalParties(parent.documentId),
    },
    Actor: {
      positionOn: (parent: Parent, args: { date: string }) => graph().positionOn(parent.id, args.date),
    },
    Statement: {
      claimReview: (parent: Parent) => getService(strapi, 'claim-reviews').forStatement(parent.documentId),
    },
    ActorTimelineEntry: {
      story: (entry: { statement: { story?: unknown } }) => entry.statement.story ?? null,
    },
    ReviewFlag: {
      assignee: (flag: FlagRow) => fullName(flag.assignee),
      events: async (flag: FlagRow) => {
        const events = (await strapi.db.query('plugin::newsgraph.review-event' as Parameters<Core.Strapi['db']['query']>[0]).findMany({
          where: { flag: { documentId: flag.documentId } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          populate: { actor: { select: ['firstname', 'lastname'] } },
        })) as Array<{ actor?: { firstname?: string; lastname?: string } | null } & Record<string, unknown>>;
        return events.map((event) => ({ ...event, by: fullName(event.actor) }));
      },
    },
    Query: {
      storyBySlug: (_: unknown, args: { slug: string; status?: string }) => documents(STORY_UID).findFirst({ filters: { slug: args.slug }, status: args.status ?? 'published' }),
      actorBySlug: (_: unknown, args: { slug: string }) => documents(ACTOR_UID).findFirst({ filters: { slug: args.slug } }),
      actorTimeline: (_: unknown, args: { actor: string; from?: string | null; to?: string | null; limit?: number | null; status?: 'draft' | 'published' }) => {
        const limit = args.limit ?? 25;
        if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit()) throw new errors.ValidationError(`actorTimeline limit must be from 1 to ${maxLimit()}`);
        // A public reader has the published stories only, whatever it asks (as storyBySlug).
        const status = isPublicContentApiRequest(currentRequest(strapi)) ? 'published' : (args.status ?? 'published');
        return graph().actorTimeline(args.actor, { from: args.from, to: args.to }, limit, status);
      },
      suggestStatements: (_: unknown, args: { storyDocumentId: string }, context: ResolverContext) => suggestionsFor(strapi, args.storyDocumentId, context.state.auth),
      reviewQueue: async (_: unknown, args: { filter?: Record<string, unknown> | null; sort?: string; pagination?: { page?: number; pageSize?: number } | null }, context: ResolverContext) => {
        const asQuery = Object.fromEntries(
          Object.entries({ ...(args.filter ?? {}), sort: args.sort, page: args.pagination?.page, pageSize: args.pagination?.pageSize })
            .filter(([, value]) => value !== undefined && value !== null)
            .map(([key, value]) => [key, String(value)])
        );
        const query = checkedInput(() => readFlagListQuery(asQuery));
        // Admins reach the queue through the newsgraph-admin strategy, whose user is an admin user.
        const me = context.state.auth?.strategy?.name === ADMIN_REVIEWER_STRATEGY ? (context.state.user?.id ?? null) : null;
        const page = await getService(strapi, 'review-queue').page(query, me);
        return { nodes: page.rows, pageInfo: page.pagination, byStatus: page.byStatus };
      },
    },
  };
}
