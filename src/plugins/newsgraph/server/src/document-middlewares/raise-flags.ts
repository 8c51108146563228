import { STATEMENT_UID, STORY_UID } from '../constants';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import { withSavepoint, type DocumentMiddlewareContext, type DocumentMiddlewareFactory } from '../strapi/types';
import type { CreatedStatement, StatementRow } from '../services/flags';
import { linkingOf } from './link-statements';

const STATEMENT_WRITES = new Set(['create', 'update', 'delete']);
const STORY_WRITES = new Set(['update', 'publish']);

/** The statement's own columns the flags read, all of which a create returns unless `fields` narrows it. */
const OWN_COLUMNS = ['id', 'documentId', 'text', 'kind', 'attribution', 'verification', 'checkWorthiness', 'sourceUrl', 'medium', 'linkState'] as const;

/**
 * A statement this save created, from what the save holds: the create's result, linking's plan and
 * the story read with it. Undefined when any of it is missing (linking off or failed, no story, a
 * result narrowed by `fields`): the flags then read the statement back, as for any other save.
 */
function createdStatement(context: DocumentMiddlewareContext, result: unknown): CreatedStatement | undefined {
  if (context.action !== 'create' || !isPlainObject(result) || !isPlainObject(context.params.data)) return undefined;
  const linking = linkingOf(context);
  const plan = linking?.plan;
  const storyId = linking?.storyIds.at(-1);
  if (!plan?.storyPage || !storyId || !OWN_COLUMNS.every((column) => column in result)) return undefined;
  const evidence = context.params.data.evidence;
  const own = result as unknown as Omit<StatementRow, 'speaker' | 'story' | 'evidenceCount'>;
  return {
    statement: {
      ...Object.fromEntries(OWN_COLUMNS.map((column) => [column, own[column]])),
      id: Number(own.id),
      speaker: plan.links.speaker === null ? null : { documentId: plan.links.speaker, name: plan.links.speakerName },
      story: { documentId: storyId },
      evidenceCount: Array.isArray(evidence) ? evidence.length : 0,
    } as StatementRow,
    versions: plan.storyPage.versions,
    signatures: plan.storyPage.matcherSignatures,
  };
}

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
    const created = isStatement ? createdStatement(context, result) : undefined;
    await withSavepoint(strapi, () => (isStatement ? flags.syncStatement(documentId, created) : flags.syncStory(documentId)));
  } catch (error) {
    strapi.log.error(`[newsgraph] evaluating flags after a save of ${context.uid} ${documentId} failed: ${(error as Error).message}`);
  }
  return result;
};
