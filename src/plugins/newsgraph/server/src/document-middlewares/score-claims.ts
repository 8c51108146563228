import { STATEMENT_UID } from '../constants';
import { scoreClaim, storedCheckWorthiness } from '../core/claims/claim-scorer';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import type { DocumentMiddlewareFactory } from '../strapi/types';

/**
 * Gives every statement its checkWorthiness (core/claims/claim-scorer.ts) on every save that sets its
 * text, through any door. A save without text (a relink, a verdict) scores the stored text only when
 * the statement has no score yet, e.g. one written before scoring existed: `npm run relink -- --all`
 * fills them in.
 */
export const scoreClaims: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== STATEMENT_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = context.params.data;
  if (!isPlainObject(data)) return next();
  if (typeof data.text === 'string') {
    data.checkWorthiness = storedCheckWorthiness(scoreClaim(data.text).score);
  } else if (context.action === 'update' && context.params.documentId) {
    // The same read as linking's and the verdict binding's for this write.
    const stored = await getService(strapi, 'statement-linker').storedBeforeWrite(context.params, context.params.documentId);
    if (stored && stored.checkWorthiness === null) data.checkWorthiness = storedCheckWorthiness(scoreClaim(stored.text ?? '').score);
  }
  return next();
};
