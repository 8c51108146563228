import { STATEMENT_UID } from '../constants';
import { bindVerdict, type StoredVerdict } from '../core/flags/review-workflow';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import type { DocumentMiddlewareFactory } from '../strapi/types';

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
  // The same read as linking's and scoring's for this write (statement-linker's storedBeforeWrite).
  const before = context.action === 'update' && context.params.documentId ? await getService(strapi, 'statement-linker').storedBeforeWrite(context.params, context.params.documentId) : null;
  // text is required: a stored statement has one.
  const stored: StoredVerdict | null = before ? { text: before.text ?? '', verification: before.verification, verifiedText: before.verifiedText } : null;
  const binding = bindVerdict(stored, incoming);
  if (binding) Object.assign(data, binding);
  return next();
};
