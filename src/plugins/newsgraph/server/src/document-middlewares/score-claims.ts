import type { Core } from '@strapi/strapi';
import { STATEMENT_UID } from '../constants';
import { scoreClaim, storedCheckWorthiness } from '../core/claims/claim-scorer';
import { isPlainObject } from '../core/model-spec';
import type { DocumentMiddlewareFactory } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

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
    const stored = (await strapi.db.query(STATEMENT_UID as QueryUid).findOne({ where: { documentId: context.params.documentId }, select: ['text', 'checkWorthiness'] })) as {
      text: string | null;
      checkWorthiness: number | string | null;
    } | null;
    if (stored && stored.checkWorthiness === null) data.checkWorthiness = storedCheckWorthiness(scoreClaim(stored.text ?? '').score);
  }
  return next();
};
