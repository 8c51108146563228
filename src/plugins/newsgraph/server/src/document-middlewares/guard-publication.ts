import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FLAG_UID, STORY_UID } from '../constants';
import { getService } from '../strapi/get-service';
import type { DocumentMiddlewareFactory } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface BlockingFlag {
  documentId: string;
  kind: string;
  reason: string | null;
  statement: { documentId: string; text: string | null } | null;
}

/**
 * Publishing a story whose statements hold open or in-review high-severity flags is refused with a
 * 400 that lists them, whichever door the publish came through (config `flags.publishGuard`).
 */
export const guardPublication: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== STORY_UID || context.action !== 'publish' || !context.params.documentId) return next();
  if (!getService(strapi, 'flags').config().publishGuard) return next();
  const blocking = (await strapi.db.query(FLAG_UID as QueryUid).findMany({
    // The story's documentId kept on the flag: an indexed column instead of a join.
    where: { storyDocumentId: context.params.documentId, status: { $in: ['open', 'in_review'] }, severity: 'high' },
    select: ['documentId', 'kind', 'reason'],
    populate: { statement: { select: ['documentId', 'text'] } },
  })) as BlockingFlag[];
  if (blocking.length > 0) {
    throw new errors.ValidationError(`This story has ${blocking.length} open high-severity flag(s); resolve or dismiss them before publishing`, {
      errors: blocking.map((flag) => ({
        path: ['flags', flag.documentId],
        message: `${flag.kind}: ${flag.reason ?? ''}${flag.statement?.text ? ` ("${flag.statement.text.slice(0, 80)}")` : ''}`,
        name: 'ValidationError',
      })),
      flags: blocking.map((flag) => ({ documentId: flag.documentId, kind: flag.kind, statement: flag.statement?.documentId ?? null })),
    });
  }
  return next();
};
