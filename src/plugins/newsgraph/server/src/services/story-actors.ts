import type { Core } from '@strapi/strapi';
import { STATEMENT_UID, STORY_UID } from '../constants';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface StatementLinks {
  speaker?: { id: number } | null;
  mentions?: Array<{ id: number }>;
}

/**
 * Story.actors is derived data: the union of its statements' speakers and mentions. It is written
 * on every version of the story (draft and published) through the query engine, so that keeping it
 * in step neither marks a published story as modified nor waits for its next publication.
 */
export const storyActorsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** @returns the actor documentIds of the story's statements other than `exceptStatement` */
  async actorsOfStory(storyDocumentId: string, exceptStatement?: string): Promise<string[]> {
    const where: Record<string, unknown> = { story: { documentId: storyDocumentId } };
    if (exceptStatement) where.documentId = { $ne: exceptStatement };
    const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where,
      populate: { speaker: { select: ['documentId'] }, mentions: { select: ['documentId'] } },
    })) as Array<{ speaker?: { documentId: string } | null; mentions?: Array<{ documentId: string }> }>;
    const ids = new Set<string>();
    for (const statement of statements) {
      if (statement.speaker) ids.add(statement.speaker.documentId);
      for (const mention of statement.mentions ?? []) ids.add(mention.documentId);
    }
    return [...ids];
  },

  async syncStoryActors(storyDocumentId: string): Promise<void> {
    const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where: { story: { documentId: storyDocumentId } },
      populate: { speaker: { select: ['id'] }, mentions: { select: ['id'] } },
    })) as StatementLinks[];
    const actorIds = new Set<number>();
    for (const statement of statements) {
      if (statement.speaker) actorIds.add(statement.speaker.id);
      for (const mention of statement.mentions ?? []) actorIds.add(mention.id);
    }
    const versions = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: storyDocumentId }, select: ['id'] })) as Array<{ id: number }>;
    for (const version of versions) {
      await strapi.db.query(STORY_UID as QueryUid).update({ where: { id: version.id }, data: { actors: [...actorIds] } });
    }
  },
});
