import { STATEMENT_UID, STORY_UID } from '../constants';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import { withStatementSavepoint, type DocumentMiddlewareContext, type DocumentMiddlewareFactory } from '../strapi/types';
import type { LinkPlan, LinkState, StoredStatement } from '../services/statement-linker';

/** What linking decided for one write, for the middlewares that finish its work inside the transaction. */
export interface StatementLinking {
  stored: StoredStatement | null;
  /** The statement's story before and after the write (either may be absent). */
  storyIds: Array<string | null | undefined>;
  /** Absent when linking failed: the statement is then stored as sent and marked for the next relink. */
  plan?: LinkPlan;
}

const linkingOfWrite = new WeakMap<DocumentMiddlewareContext, StatementLinking>();

/** Linking's decision for this write (the same context object travels the whole middleware chain). */
export function linkingOf(context: DocumentMiddlewareContext): StatementLinking | undefined {
  return linkingOfWrite.get(context);
}

/**
 * Links every statement written through any door (admin form, REST, GraphQL, imports, code) to its
 * speaker, the actors it mentions and its proposals.
 *
 * It runs before the save's transaction opens (see the list in index.ts): the plan only reads, and
 * a read that fails outside a transaction costs nothing else, where inside one PostgreSQL would
 * refuse the rest of the transaction and the plan needed a savepoint (two round trips per save).
 * Inside an outer transaction (a relink batch, an import) it still runs behind one.
 *
 * A failure inside linking never costs the editor the save: the statement is stored as sent, the
 * error is logged with its id, and linkState.status = "failed" marks it for the next relink.
 */
export const linkStatements: DocumentMiddlewareFactory = (strapi) => {
  const linker = () => getService(strapi, 'statement-linker');

  return async (context, next) => {
    if (context.uid === STORY_UID && context.action === 'publish') {
      // The story's date may have changed in the draft: relink its statements with the published one.
      const result = await next();
      if (context.params.documentId) await getService(strapi, 'relink').relinkStory(context.params.documentId);
      return result;
    }
    if (context.uid !== STATEMENT_UID || strapi.config.get('plugin::newsgraph.linking') === false) return next();
    if ((context.action !== 'create' && context.action !== 'update') || !isPlainObject(context.params.data)) return next();

    const data = context.params.data;
    const stored = context.action === 'update' && context.params.documentId ? await linker().storedBeforeWrite(context.params, context.params.documentId) : null;
    let failure: Error | null = null;
    const linking: StatementLinking = { stored, storyIds: [stored?.story?.documentId] };
    try {
      // The plan only reads: its writes go with the statement's own.
      linking.plan = await withStatementSavepoint(strapi, async () => {
        const storyId = await linker().storyAfterWrite(data, stored);
        linking.storyIds.push(storyId);
        return linker().plan(data, stored, storyId);
      });
      Object.assign(data, linking.plan.patch);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      const linkState: LinkState = { status: 'failed', error: failure.message, linkedAt: new Date().toISOString() };
      data.linkState = linkState;
    }
    linkingOfWrite.set(context, linking);

    const result = (await next()) as { documentId?: string } | null;
    if (failure) {
      const documentId = result?.documentId ?? context.params.documentId ?? '(unknown)';
      strapi.log.error(`[newsgraph] linking statement ${documentId} failed; saved unlinked and marked for relinking: ${failure.message}`);
    }
    return result;
  };
};
