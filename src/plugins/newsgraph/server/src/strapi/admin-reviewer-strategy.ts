import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { NEWSROOM_CONTENT_TYPES } from '../constants';
import { ADMIN_REVIEWER_STRATEGY } from '../core/visibility/request-audience';
import { REVIEW_QUEUE_ACTION } from '../graphql/newsgraph-schema';
import { SUGGEST_STATEMENTS_ACTION } from '../controllers/statement-suggestions';

interface Ability {
  can(action: string, subject?: string): boolean;
}

interface SessionManager {
  (origin: 'admin'): {
    validateAccessToken(token: string): { isValid: boolean; payload?: { userId: string; sessionId: string } };
    isSessionActive(sessionId: string): Promise<boolean>;
  };
}

interface AuthContext {
  request: { header: Record<string, string | undefined> };
  state: Record<string, unknown>;
}

/** What an admin's token may read on the content API: the review queue, and the documents it points at. */
const ADMIN_READ_SCOPES = new Set([REVIEW_QUEUE_ACTION, ...NEWSROOM_CONTENT_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`])]);

/**
 * A content-API auth strategy for admin users' access tokens (the admin panel's Bearer token), so
 * that a fact-checker's tools can ask GraphQL for the review queue with the login they already
 * have. Strapi's content API knows only users-permissions users and API tokens; this strategy comes
 * after them, authenticates a valid admin session, and lets it through only for the review queue
 * and for reading (find, findOne) the four newsroom types its entries point at, when the admin holds
 * `plugin::newsgraph.flags.read`: newsroom staff, who read drafts in the admin panel anyway. Every
 * write and every other content-API route answers 403 to an admin token.
 */
export function adminReviewerStrategy(strapi: Core.Strapi) {
  return {
    name: ADMIN_REVIEWER_STRATEGY,

    async authenticate(ctx: AuthContext) {
      const [scheme, token, ...rest] = (ctx.request.header.authorization ?? '').split(/\s+/);
      if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) return { authenticated: false };
      const sessions = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
      if (!sessions) return { authenticated: false };
      const result = sessions('admin').validateAccessToken(token);
      if (!result.isValid || !result.payload || !(await sessions('admin').isSessionActive(result.payload.sessionId))) return { authenticated: false };
      const user = (await strapi.db.query('admin::user').findOne({ where: { id: Number(result.payload.userId) }, populate: ['roles'] })) as ({ id: number; isActive?: boolean } & Record<string, unknown>) | null;
      if (!user || user.isActive !== true) return { authenticated: false };
      const permission = strapi.admin!.services.permission as { engine: { generateUserAbility(user: unknown): Promise<Ability> } };
      const ability = await permission.engine.generateUserAbility(user);
      ctx.state.user = user;
      return { authenticated: true, credentials: user, ability };
    },

    /** @throws errors.ForbiddenError outside the review queue, or without the review permission */
    verify(auth: { ability?: Ability | null }, config: { scope?: string | string[] } = {}) {
      const scopes = config.scope === undefined ? [] : Array.isArray(config.scope) ? config.scope : [config.scope];
      // Statement suggestions are for whoever writes the story: the right to update stories and
      // create statements, checked again on the story itself by the resolver.
      if (scopes.length === 1 && scopes[0] === SUGGEST_STATEMENTS_ACTION) {
        if (!auth.ability?.can('plugin::content-manager.explorer.update', 'api::story.story') || !auth.ability.can('plugin::content-manager.explorer.create', 'api::statement.statement')) {
          throw new errors.ForbiddenError('Statement suggestions need the rights to update stories and create statements');
        }
        return;
      }
      if (scopes.length === 0 || !scopes.every((scope) => ADMIN_READ_SCOPES.has(scope))) throw new errors.ForbiddenError('Admin tokens reach the content API only for the review queue');
      if (!auth.ability?.can('plugin::newsgraph.flags.read')) throw new errors.ForbiddenError('The review queue needs the plugin::newsgraph.flags.read permission');
    },
  };
}
