/** What Newsgraph needs to know about who is asking, read from a Koa context's state. */
export interface RequestLike {
  state?: {
    route?: { info?: { type?: string } };
    auth?: { strategy?: { name?: string }; credentials?: unknown };
  };
}

/**
 * The content-API auth strategies of API tokens: `content-api-token` in Strapi 5.54, `api-token`
 * before it. Anything else on the content API (users-permissions' public or logged-in readers) is a
 * public reader.
 */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/**
 * The strategy through which admins with the review permission read GraphQL's review queue
 * (strapi/admin-reviewer-strategy.ts): newsroom staff, who see drafts in the admin panel anyway.
 */
export const ADMIN_REVIEWER_STRATEGY = 'newsgraph-admin-reviewer';

/**
 * True for a content-API request (REST or GraphQL) that does not carry an API token: the Public
 * role, or a reader logged in through users-permissions. Such requests see only what belongs to
 * published stories. API tokens are issued by the newsroom's admins and see everything their type
 * allows; admin-panel requests are governed by admin permissions instead.
 */
export function isPublicContentApiRequest(request: RequestLike | undefined): boolean {
  if (!request) return false;
  if (request.state?.route?.info?.type !== 'content-api') return false;
  const strategy = request.state?.auth?.strategy?.name ?? '';
  return !API_TOKEN_STRATEGIES.has(strategy) && strategy !== ADMIN_REVIEWER_STRATEGY;
}

/**
 * True for the Public role itself: a content-API request that users-permissions let in without
 * credentials. A logged-in reader is public too (isPublicContentApiRequest) but may hold a role of
 * its own, so answers kept for every reader are kept for this one only.
 */
export function isAnonymousPublicRequest(request: RequestLike | undefined): boolean {
  if (!isPublicContentApiRequest(request)) return false;
  const auth = request?.state?.auth;
  return auth?.strategy?.name === 'users-permissions' && (auth.credentials === null || auth.credentials === undefined);
}
