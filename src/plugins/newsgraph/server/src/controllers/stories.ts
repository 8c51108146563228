import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FLAG_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { getService } from '../strapi/get-service';
import { checkedInput } from '../strapi/checked-input';
import { readRejectedSuggestion } from '../core/extraction';
import { workingVersion } from '../core/visibility/story-versions';
import { whereInScope, type ReadScope, type UserAbility } from '../services/document-permissions';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface KoaContext {
  params: Record<string, string>;
  state?: { userAbility?: UserAbility };
  body: unknown;
}

interface StoryRow {
  documentId: string;
  publishedAt: string | null;
  actors: Array<{ documentId: string; name: string }>;
  proposals: Array<{ documentId: string; title: string }>;
}

/**
 * The story edit view's side panel: GET /newsgraph/stories/:documentId/overview (its statements
 * with speakers and verification, its actors and proposals, its open flags by severity) and
 * POST /newsgraph/stories/:documentId/check, which relinks every statement of the story and
 * re-evaluates their flags now, instead of waiting for the next save. Both ask about the story
 * itself (an Author's condition), and the overview lists only the statements the user may read.
 */
export const storiesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const permissions = () => getService(strapi, 'document-permissions');

  async function overview(documentId: string, statementScope: ReadScope) {
    const versions = (await strapi.db.query(STORY_UID as QueryUid).findMany({
      where: { documentId },
      select: ['documentId', 'publishedAt'],
      populate: { actors: { select: ['documentId', 'name'] }, proposals: { select: ['documentId', 'title'] } },
    })) as StoryRow[];
    // The draft is what the editor is looking at; a published-only story has just its published version.
    const story = workingVersion(versions);
    if (!story) throw new errors.NotFoundError(`No story ${documentId}`);
    const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where: { story: { documentId }, ...whereInScope(null, statementScope) },
      select: ['documentId', 'text', 'kind', 'verification'],
      populate: { speaker: { select: ['documentId', 'name'] } },
      orderBy: [{ id: 'asc' }],
    })) as Array<{ documentId: string }>;
    const unique = [...new Map(statements.map((statement) => [statement.documentId, statement])).values()];
    const openFlags = (await strapi.db.query(FLAG_UID as QueryUid).findMany({
      where: { storyDocumentId: documentId, status: { $in: ['open', 'in_review'] }, ...whereInScope('statement', statementScope) },
      select: ['documentId', 'kind', 'severity', 'status', 'reason'],
      populate: { statement: { select: ['documentId', 'text'] } },
      orderBy: [{ id: 'asc' }],
    })) as Array<{ severity: 'low' | 'medium' | 'high' }>;
    const bySeverity = { high: 0, medium: 0, low: 0 };
    for (const flag of openFlags) bySeverity[flag.severity] += 1;
    return { statements: unique, actors: story.actors ?? [], proposals: story.proposals ?? [], openFlags: { bySeverity, flags: openFlags } };
  }

  return {
    /**
     * @throws errors.NotFoundError for an unknown story
     * @throws errors.ForbiddenError when the user may not read this story
     */
    async overview(ctx: KoaContext) {
      const documentId = ctx.params.documentId ?? '';
      await permissions().assertCanRead(ctx.state?.userAbility, STORY_UID, documentId);
      ctx.body = { data: await overview(documentId, await permissions().readScope(ctx.state?.userAbility, STATEMENT_UID)) };
    },

    /**
     * The story as a picture (the panel's and the full page's graph): the working version's
     * statements the user may read, with their actors and proposals, and typed edges.
     * @throws errors.NotFoundError for an unknown story
     * @throws errors.ForbiddenError when the user may not read this story
     */
    async graph(ctx: KoaContext) {
      const documentId = ctx.params.documentId ?? '';
      await permissions().assertCanRead(ctx.state?.userAbility, STORY_UID, documentId);
      const versions = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId }, select: ['id', 'documentId', 'title', 'publishedAt'] })) as Array<{ id: number; documentId: string; title: string; publishedAt: string | null }>;
      const story = workingVersion(versions);
      if (!story) throw new errors.NotFoundError(`No story ${documentId}`);
      const scope = await permissions().readScope(ctx.state?.userAbility, STATEMENT_UID);
      let readable: Set<string> | undefined;
      if (scope.kind !== 'all') {
        const rows = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { $and: [{ story: { documentId } }, whereInScope(null, scope)] }, select: ['id', 'documentId'] })) as Array<{ documentId: string }>;
        readable = new Set(rows.map((row) => row.documentId));
      }
      const graph = await getService(strapi, 'graph').storyGraph(story.id, readable);
      ctx.body = { data: { story: { documentId, title: story.title }, graph } };
    },

    /**
     * Statements suggested from the story's body. Asking needs the right to update the story (the
     * suggestions are for whoever writes it) and to create statements, as accepting one does.
     * @throws errors.NotFoundError for an unknown story
     * @throws errors.ForbiddenError when the user may not update this story
     */
    async suggestStatements(ctx: KoaContext) {
      const documentId = ctx.params.documentId ?? '';
      await permissions().assertCanUpdate(ctx.state?.userAbility, STORY_UID, documentId);
      ctx.body = { data: await getService(strapi, 'statement-suggestions').suggest(documentId) };
    },

    /**
     * `{ text }`: the suggestion an editor rejected; it is not suggested again for this story.
     * @throws errors.ValidationError when text is missing or too long
     * @throws errors.ForbiddenError when the user may not update this story
     */
    async rejectSuggestion(ctx: KoaContext & { request: { body?: unknown }; state?: { user?: { id: number } } }) {
      const documentId = ctx.params.documentId ?? '';
      const rejected = checkedInput(() => readRejectedSuggestion(ctx.request.body));
      await permissions().assertCanUpdate(ctx.state?.userAbility, STORY_UID, documentId);
      ctx.body = { data: await getService(strapi, 'statement-suggestions').reject(documentId, rejected, ctx.state?.user?.id ?? null) };
    },

    /**
     * @throws errors.NotFoundError for an unknown story
     * @throws errors.ForbiddenError when the user may not update this story
     */
    async check(ctx: KoaContext) {
      const documentId = ctx.params.documentId ?? '';
      await permissions().assertCanUpdate(ctx.state?.userAbility, STORY_UID, documentId);
      const statementScope = await permissions().readScope(ctx.state?.userAbility, STATEMENT_UID);
      await overview(documentId, statementScope);
      await getService(strapi, 'relink').relinkStory(documentId);
      ctx.body = { data: await overview(documentId, statementScope) };
    },
  };
};
