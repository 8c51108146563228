import type { Core } from '@strapi/strapi';
import { STATEMENT_UID } from '../constants';
import { bindVerdict, type StoredVerdict } from '../core/flags/review-workflow';
import { isPlainObject } from '../core/model-spec';
import type { DocumentMiddlewareFactory } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/**
 * Keeps every statement's verdict bound to the words it judged (core/flags/review-workflow.ts), on
 * every write through any door: a verdict records the text it was given on (`verifiedText`), and a
 * change of the words under a standing verdict sends `verification` back to `unverified` in the same
 * write, so REST, GraphQL and ClaimReview never show a verdict on words nobody checked. The flags
 * service then reopens the resolved flag with both texts in its history.
 */
export const bindVerdicts: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== STATEMENT_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = context.params.data;
  if (!isPlainObject(data)) return next();
  // Newsgraph alone writes verifiedText: whatever a caller sent is replaced below or dropped.
  delete data.verifiedText;
  const incoming = {
    ...(typeof data.text === 'string' ? { text: data.text } : {}),
    ...(typeof data.verification === 'string' || data.verification === null ? { verification: data.verification as string | null } : {}),
  };
  if (incoming.text === undefined && incoming.verification === undefined) return next();
  const stored =
    context.action === 'update' && context.params.documentId
      ? ((await strapi.db.query(STATEMENT_UID as QueryUid).findOne({ where: { documentId: context.params.documentId }, select: ['text', 'verification', 'verifiedText'] })) as StoredVerdict | null)
      : null;
  const binding = bindVerdict(stored, incoming);
  if (binding) Object.assign(data, binding);
  return next();
};
