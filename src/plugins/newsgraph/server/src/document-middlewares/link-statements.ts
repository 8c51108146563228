import { STATEMENT_UID, STORY_UID } from '../constants';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import { withStatementSavepoint, withSavepoint, type DocumentMiddlewareFactory } from '../strapi/types';
import type { LinkPlan, LinkState, StoredStatement } from '../services/statement-linker';

/**
 * Links every statement written through any door (admin form, REST, GraphQL, imports, code) to its
 * speaker, the actors it mentions and its proposals, and keeps Story.actors in step.
 *
 * A failure inside linking never costs the editor the save: the statement is stored as sent, the
 * error is logged with its id, and linkState.status = "failed" marks it for the next relink.
 */
export const linkStatements: DocumentMiddlewareFactory = (strapi) => {
  const linker = () => getService(strapi, 'statement-linker');
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
  function storyActorsWork(
    storyIds: Array<string | null | undefined>,
    stored: StoredStatement | null,
    data: Record<string, unknown>,
    plan: LinkPlan | undefined
  ): { run: () => Promise<void>; singleStatement: boolean } | null {
    const [before, after] = storyIds;
    const linked = plan ? [plan.links.speaker, ...plan.links.mentions].filter((id): id is string => Boolean(id)) : [];
    const storyVersions = plan?.storyVersions;
    const previously = [stored?.speaker?.documentId, ...(stored?.mentions ?? []).map((mention) => mention.documentId)].filter((id): id is string => Boolean(id));
    const removedLinks = previously.some((id) => !linked.includes(id));
    if (after && (!before || before === after) && !removedLinks && data.linkState && (data.linkState as LinkState).status === 'linked') {
      if (plan?.storyActorsPresent) return null;
      return { run: () => storyActors().addStoryActors(after, linked, storyVersions), singleStatement: true };
    }
    return { run: () => syncStories(storyIds), singleStatement: false };
  }

  return async (context, next) => {
    if (context.uid === STORY_UID && context.action === 'publish') {
      // The story's date may have changed in the draft: relink its statements with the published one.
      const result = await next();
      if (context.params.documentId) await getService(strapi, 'relink').relinkStory(context.params.documentId);
      return result;
    }
    if (context.uid !== STATEMENT_UID || strapi.config.get('plugin::newsgraph.linking') === false) return next();

    if (context.action === 'delete') {
      const stored = context.params.documentId ? await linker().loadStored(context.params.documentId) : null;
      const result = await next();
      await syncStories([stored?.story?.documentId]);
      return result;
    }
    if ((context.action !== 'create' && context.action !== 'update') || !isPlainObject(context.params.data)) return next();

    const data = context.params.data;
    const stored = context.action === 'update' && context.params.documentId ? await linker().storedBeforeWrite(context.params, context.params.documentId) : null;
    let failure: Error | null = null;
    const storiesToSync: Array<string | null | undefined> = [stored?.story?.documentId];
    let plan: LinkPlan | undefined;
    try {
      // The plan only reads: its writes go with the statement's own, below.
      plan = await withStatementSavepoint(strapi, async () => {
        const storyId = await linker().storyAfterWrite(data, stored);
        storiesToSync.push(storyId);
        return linker().plan(data, stored, storyId);
      });
      Object.assign(data, plan.patch);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      const linkState: LinkState = { status: 'failed', error: failure.message, linkedAt: new Date().toISOString() };
      data.linkState = linkState;
    }

    const result = (await next()) as { documentId?: string } | null;
    const documentId = result?.documentId ?? context.params.documentId ?? '(unknown)';
    if (failure) strapi.log.error(`[newsgraph] linking statement ${documentId} failed; saved unlinked and marked for relinking: ${failure.message}`);
    try {
      const work = storyActorsWork(storiesToSync, stored, data, plan);
      if (work) await (work.singleStatement ? withStatementSavepoint(strapi, work.run) : withSavepoint(strapi, work.run));
    } catch (error) {
      strapi.log.error(`[newsgraph] keeping Story.actors in step after statement ${documentId} failed: ${(error as Error).message}`);
    }
    return result;
  };
};
