import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FLAG_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { getService } from '../strapi/get-service';
import { workingVersion } from '../core/story-versions';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface KoaContext {
  params: Record<string, string>;
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
 * re-evaluates their flags now, instead of waiting for the next save.
 */
export const storiesController = ({ strapi }: { strapi: Core.Strapi }) => {
  async function overview(documentId: string) {
    const versions = (await strapi.db.query(STORY_UID as QueryUid).findMany({
      where: { documentId },
      select: ['documentId', 'publishedAt'],
      populate: { actors: { select: ['documentId', 'name'] }, proposals: { select: ['documentId', 'title'] } },
    })) as StoryRow[];
    // The draft is what the editor is looking at; a published-only story has just its published version.
    const story = workingVersion(versions);
    if (!story) throw new errors.NotFoundError(`No story ${documentId}`);
    const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where: { story: { documentId } },
      select: ['documentId', 'text', 'kind', 'verification'],
      populate: { speaker: { select: ['documentId', 'name'] } },
      orderBy: [{ id: 'asc' }],
    })) as Array<{ documentId: string }>;
    const unique = [...new Map(statements.map((statement) => [statement.documentId, statement])).values()];
    const openFlags = (await strapi.db.query(FLAG_UID as QueryUid).findMany({
      where: { storyDocumentId: documentId, status: { $in: ['open', 'in_review'] } },
      select: ['documentId', 'kind', 'severity', 'status', 'reason'],
      populate: { statement: { select: ['documentId', 'text'] } },
      orderBy: [{ id: 'asc' }],
    })) as Array<{ severity: 'low' | 'medium' | 'high' }>;
    const bySeverity = { high: 0, medium: 0, low: 0 };
    for (const flag of openFlags) bySeverity[flag.severity] += 1;
    return { statements: unique, actors: story.actors ?? [], proposals: story.proposals ?? [], openFlags: { bySeverity, flags: openFlags } };
  }

  return {
    /** @throws errors.NotFoundError for an unknown story */
    async overview(ctx: KoaContext) {
      ctx.body = { data: await overview(ctx.params.documentId ?? '') };
    },

    /** @throws errors.NotFoundError for an unknown story */
    async check(ctx: KoaContext) {
      const documentId = ctx.params.documentId ?? '';
      await overview(documentId);
      await getService(strapi, 'relink').relinkStory(documentId);
      ctx.body = { data: await overview(documentId) };
    },
  };
};
