import { ACTOR_UID } from '../constants';
import { isPlainObject } from '../core/model-spec';
import { getService } from '../strapi/get-service';
import type { DocumentMiddlewareFactory } from '../strapi/types';

/**
 * Fields of an actor that change what the linker finds. The description counts: its opening words may
 * make a group "the paramilitaries" (core/linking/actor-descriptions.ts).
 */
const LINKING_FIELDS = ['name', 'description', 'aliases', 'positions', 'kind', 'country', 'affiliation'];

/**
 * When an actor is created, or its name, aliases or positions change, the statements that could
 * name it are relinked in the background, so that a new alias links the statements already written.
 * During an archive import the actor is only noted: the import starts one job per run of actors.
 */
export const relinkOnActorChange: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (context.uid !== ACTOR_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = context.params.data;
  const touchesLinking = context.action === 'create' || (isPlainObject(data) && LINKING_FIELDS.some((field) => field in data));
  const result = (await next()) as { documentId?: string; name?: string } | null;
  if (touchesLinking && result?.documentId) {
    const relink = getService(strapi, 'relink');
    const change = context.action === 'create' ? ('created' as const) : ('changed' as const);
    // An archive import relinks once per run of actors (before its next story, or at the batch's end).
    if (relink.gatherActorChange(result.documentId, result.name ?? result.documentId, change)) return result;
    try {
      const affected = await relink.statementsAffectedByActor(result.documentId);
      const subject = { kind: 'actor' as const, documentId: result.documentId, name: result.name ?? result.documentId, change };
      if (affected.length > 0) await relink.start(affected, `actor ${result.documentId} ${change}`, subject);
    } catch (error) {
      // The actor is saved; failing the request now would tell the editor otherwise.
      strapi.log.error(`[newsgraph] could not start relinking for actor ${result.documentId}: ${(error as Error).message}; run npm run relink -- --actor ${result.documentId}`);
    }
  }
  return result;
};
