import type { Core } from '@strapi/strapi';
import { ACTOR_UID, STATEMENT_UID, STORY_UID } from '../constants';
import type { StoryVersion } from './statement-linker';

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
  /**
   * Adds actors to Story.actors without reading the story's statements: the common case of a save
   * that only adds links. A save that removes links calls syncStoryActors instead.
   */
  async addStoryActors(storyDocumentId: string, actorDocumentIds: string[], knownVersions?: StoryVersion[]): Promise<void> {
    if (actorDocumentIds.length === 0) return;
    const versions =
      knownVersions ??
      ((await strapi.db.query(STORY_UID as QueryUid).findMany({
        where: { documentId: storyDocumentId },
        select: ['id'],
        populate: { actors: { select: ['id', 'documentId'] } },
      })) as StoryVersion[]);
    const lacking = versions.filter((version) => actorDocumentIds.some((id) => !(version.actors ?? []).some((actor) => actor.documentId === id)));
    if (lacking.length === 0) return;
    const rows = (await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { documentId: { $in: actorDocumentIds } }, select: ['id', 'documentId'] })) as Array<{ id: number; documentId: string }>;
    for (const version of lacking) {
      const present = new Set((version.actors ?? []).map((actor) => actor.id));
      const missing = rows.filter((row) => !present.has(row.id)).map((row) => ({ id: row.id }));
      // connect, not set: the cost follows what is added, not the size of the story.
      if (missing.length > 0) await strapi.db.query(STORY_UID as QueryUid).update({ where: { id: version.id }, data: { actors: { connect: missing } } });
    }
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
