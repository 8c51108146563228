import { STATEMENT_UID, STORY_UID } from '../constants';
import { getService } from '../strapi/get-service';
import { withSavepoint, type DocumentMiddlewareFactory } from '../strapi/types';

const STATEMENT_WRITES = new Set(['create', 'update', 'delete']);
const STORY_WRITES = new Set(['update', 'publish']);

/**
 * Re-evaluates flags after every save of a statement (its own causes) and of a story (the causes
 * that read the story: a quote missing from the body, a missing source). A failure is logged and
 * never costs the editor the save; the next save evaluates again.
 */
export const raiseFlags: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const isStatement = context.uid === STATEMENT_UID && STATEMENT_WRITES.has(context.action);
  const isStory = context.uid === STORY_UID && STORY_WRITES.has(context.action);
  if (!isStatement && !isStory) return next();
  const result = (await next()) as { documentId?: string } | null;
  const documentId = result?.documentId ?? context.params.documentId;
  if (!documentId) return result;
  try {
    const flags = getService(strapi, 'flags');
    await withSavepoint(strapi, () => (isStatement ? flags.syncStatement(documentId) : flags.syncStory(documentId)));
  } catch (error) {
    strapi.log.error(`[newsgraph] evaluating flags after a save of ${context.uid} ${documentId} failed: ${(error as Error).message}`);
  }
  return result;
};
