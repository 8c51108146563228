import { STATEMENT_UID } from '../constants';
import { getService } from '../strapi/get-service';
import { withStatementSavepoint, withSavepoint, type DocumentMiddlewareFactory } from '../strapi/types';
import type { LinkState } from '../services/statement-linker';
import { linkingOf, type StatementLinking } from './link-statements';

/**
 * Keeps Story.actors (the union of its statements' speakers and mentions) in step with every
 * statement write, inside the save's transaction, so that a story never lists an actor its
 * statements no longer name, nor misses one they do.
 */
export const keepStoryActors: DocumentMiddlewareFactory = (strapi) => {
  const storyActors = () => getService(strapi, 'story-actors');

  async function syncStories(storyIds: Array<string | null | undefined>): Promise<void> {
    for (const storyId of new Set(storyIds)) if (storyId) await storyActors().syncStoryActors(storyId);
  }

  /**
   * A save that stays in its story and only adds links adds them to Story.actors (nothing to do when
   * they are there; one statement otherwise); anything else (links removed, a statement moved to
   * another story) recomputes the union from the statements.
   * @returns the work to do and whether it is a single statement, or null when Story.actors is already in step
   */
  function storyActorsWork(linking: StatementLinking, data: Record<string, unknown>): { run: () => Promise<void>; singleStatement: boolean } | null {
    const { stored, plan, storyIds } = linking;
    const [before, after] = storyIds;
    const linked = plan ? [plan.links.speaker, ...plan.links.mentions].filter((id): id is string => Boolean(id)) : [];
    const previously = [stored?.speaker?.documentId, ...(stored?.mentions ?? []).map((mention) => mention.documentId)].filter((id): id is string => Boolean(id));
    const removedLinks = previously.some((id) => !linked.includes(id));
    if (after && (!before || before === after) && !removedLinks && data.linkState && (data.linkState as LinkState).status === 'linked') {
      if (plan?.storyActorsPresent) return null;
      return { run: () => storyActors().addStoryActors(after, linked, plan?.storyVersions), singleStatement: true };
    }
    return { run: () => syncStories(storyIds), singleStatement: false };
  }

  return async (context, next) => {
    if (context.uid !== STATEMENT_UID || strapi.config.get('plugin::newsgraph.linking') === false) return next();

    if (context.action === 'delete') {
      const stored = context.params.documentId ? await getService(strapi, 'statement-linker').loadStored(context.params.documentId) : null;
      const result = await next();
      await syncStories([stored?.story?.documentId]);
      return result;
    }
    // Set only by a create or update whose data linking planned for.
    const linking = linkingOf(context);
    if (!linking) return next();

    const result = (await next()) as { documentId?: string } | null;
    try {
      const work = storyActorsWork(linking, context.params.data as Record<string, unknown>);
      if (work) await (work.singleStatement ? withStatementSavepoint(strapi, work.run) : withSavepoint(strapi, work.run));
    } catch (error) {
      const documentId = result?.documentId ?? context.params.documentId ?? '(unknown)';
      strapi.log.error(`[newsgraph] keeping Story.actors in step after statement ${documentId} failed: ${(error as Error).message}`);
    }
    return result;
  };
};
