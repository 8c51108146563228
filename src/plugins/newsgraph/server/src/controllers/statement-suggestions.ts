import type { Core } from '@strapi/strapi';
import { STORY_UID } from '../constants';
import { ADMIN_REVIEWER_STRATEGY } from '../core/visibility/request-audience';
import { getService } from '../strapi/get-service';
import type { UserAbility } from '../services/document-permissions';

interface KoaContext {
  params: Record<string, string>;
  state: { auth?: { strategy?: { name?: string }; ability?: UserAbility } };
  body: unknown;
}

/** The content-API action that asks for suggestions: granted to API tokens, never to Public. */
export const SUGGEST_STATEMENTS_ACTION = 'plugin::newsgraph.statement-suggestions.find';

/**
 * Suggestions for one story on the content API and GraphQL: API tokens granted
 * SUGGEST_STATEMENTS_ACTION read any story's; an admin's token (the newsgraph-admin strategy) only
 * those of stories the admin may update, as in the side panel.
 * @throws errors.ForbiddenError when an admin may not update the story
 * @throws errors.NotFoundError for an unknown story
 */
export async function suggestionsFor(strapi: Core.Strapi, storyDocumentId: string, auth: KoaContext['state']['auth']) {
  if (auth?.strategy?.name === ADMIN_REVIEWER_STRATEGY) await getService(strapi, 'document-permissions').assertCanUpdate(auth.ability, STORY_UID, storyDocumentId);
  return getService(strapi, 'statement-suggestions').suggest(storyDocumentId);
}

/** POST /api/newsgraph/stories/:documentId/suggest-statements */
export const statementSuggestionsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: KoaContext) {
    ctx.body = { data: await suggestionsFor(strapi, ctx.params.documentId ?? '', ctx.state.auth) };
  },
});
