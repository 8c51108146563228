import type { Core } from '@strapi/strapi';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { STORY_UID } from '../constants';
import { answerKey, isCachedOperation, PublicAnswerCache } from '../core/visibility/public-answer-cache';
import { isAnonymousPublicRequest, type RequestLike } from '../core/visibility/request-audience';
import { getService } from '../strapi/get-service';

interface CacheSettings {
  enabled: boolean;
  maxEntries: number;
}

type GraphqlContext = RequestLike & { state?: RequestLike['state'] & { auth?: unknown } };

/** The scope Strapi checks before it runs storyBySlug (register.ts): checked again on every answer served. */
const STORY_PAGE_SCOPE = { scope: [`${STORY_UID}.find`] };

/**
 * An Apollo plugin that keeps the Public role's answers to story pages (queries made only of
 * `storyBySlug`, see core/visibility/public-answer-cache.ts) and serves them again while the data
 * version (services/public-read-version.ts) has not moved.
 *
 * The version is read before the operation runs, and the answer is stored under that version: a
 * write committed while the answer was being computed has moved the version on, so that answer is
 * never served. API tokens, admins and logged-in readers never read or fill the cache. A kept answer
 * is served only to a request that Strapi's own check of the field's scope still lets through.
 */
export function publicAnswerCachePlugin(strapi: Core.Strapi, settings: () => CacheSettings): ApolloServerPlugin<GraphqlContext> {
  let cache: PublicAnswerCache<Record<string, unknown>> | undefined;
  const cacheFor = (maxEntries: number) => {
    if (!cache || cache.maxEntries !== maxEntries) cache = new PublicAnswerCache(maxEntries);
    return cache;
  };
  const mayReadStories = async (auth: unknown) => {
    try {
      await strapi.auth.verify(auth as Parameters<Core.Strapi['auth']['verify']>[0], STORY_PAGE_SCOPE);
      return true;
    } catch {
      return false; // not served from the cache: Strapi's resolver answers with its own Forbidden error
    }
  };

  return {
    async requestDidStart() {
      let pending: { key: string; version: string; cache: PublicAnswerCache<Record<string, unknown>> } | undefined;
      return {
        async responseForOperation(requestContext) {
          const { enabled, maxEntries } = settings();
          const { operation, contextValue, queryHash } = requestContext;
          if (!enabled || !operation || !queryHash || !isAnonymousPublicRequest(contextValue) || !isCachedOperation(operation)) return null;
          const version = await getService(strapi, 'public-read-version').current();
          if (version === '') return null;
          const answers = cacheFor(maxEntries);
          const key = answerKey(queryHash, requestContext.operationName, requestContext.request.variables);
          const kept = answers.get(key, version);
          if (kept !== undefined) {
            if (!(await mayReadStories(contextValue.state?.auth))) return null;
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: kept } } };
          }
          pending = { key, version, cache: answers };
          return null;
        },
        async willSendResponse(requestContext) {
          const { body } = requestContext.response;
          if (!pending || body.kind !== 'single') return;
          const { data, errors } = body.singleResult;
          // Only whole answers are kept: a partial one may carry a passing failure.
          if ((errors && errors.length > 0) || !data) return;
          pending.cache.set(pending.key, pending.version, data);
        },
      };
    },
  };
}
