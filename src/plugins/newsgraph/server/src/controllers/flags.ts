import type { Core } from '@strapi/strapi';
import type { QueuePage } from '../contracts/review';
import { isPlainObject } from '../core/model-spec';
import { readFlagListQuery, readOpenFlagsQuery, readReviewDecision } from '../core/flags/review-input';
import { checkedInput } from '../strapi/checked-input';
import { readTrendsQuery } from '../core/flags/flag-trends';
import type { ReviewAction } from '../core/flags/review-workflow';
import { getService } from '../strapi/get-service';
import { STATEMENT_UID, STORY_UID } from '../constants';
import type { UserAbility } from '../services/document-permissions';

/** A CASL ability, as much of it as the type-level questions below need. */
interface Ability extends UserAbility {
  can(action: string, subject?: string): boolean;
}

interface ReviewContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user?: { id: number }; userAbility?: Ability };
  body: unknown;
  conflict(message: string, details?: Record<string, unknown>): void;
}

/** A queue page in the routes' answer shape (docs/domain.md "The plugin's routes"). */
export const queuePageBody = (page: { rows: QueuePage['data']; pagination: QueuePage['meta']['pagination']; byStatus: QueuePage['meta']['byStatus'] }): QueuePage => ({
  data: page.rows,
  meta: { pagination: page.pagination, byStatus: page.byStatus },
});

/**
 * The fact-checkers' review routes. They translate HTTP only: the queue is read by the review-queue
 * service, decisions are taken by the review service (core/flags/review-workflow.ts has the rules).
 */
export const flagsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const queue = () => getService(strapi, 'review-queue');
  /** The statements whose flags this user may see: all, unless their statement reading has conditions. */
  const readableStatements = (ctx: ReviewContext) => getService(strapi, 'document-permissions').readScope(ctx.state.userAbility, STATEMENT_UID);

  async function act(ctx: ReviewContext, action: ReviewAction): Promise<void> {
    const body = isPlainObject(ctx.request.body) ? ctx.request.body : {};
    const decision = checkedInput(() => readReviewDecision(action, body));
    const ability = ctx.state.userAbility;
    const reviewer = { id: ctx.state.user?.id ?? null, can: (name: string, subject?: string) => ability?.can(name, subject) ?? false, ability };
    const outcome = await getService(strapi, 'review').decide(action, ctx.params.documentId ?? '', decision, reviewer);
    if ('conflict' in outcome) {
      ctx.conflict(outcome.conflict.message, outcome.conflict.details);
      return;
    }
    ctx.body = { data: outcome.flag };
  }

  return {
    /** @throws errors.ValidationError for a bad filter, sort or page */
    async list(ctx: ReviewContext) {
      const query = checkedInput(() => readFlagListQuery(ctx.query));
      ctx.body = queuePageBody(await queue().page(query, ctx.state.user?.id ?? null, await readableStatements(ctx)));
    },

    async facets(ctx: ReviewContext) {
      const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 100) : '';
      ctx.body = { data: await queue().facets(q, await getService(strapi, 'document-permissions').readScope(ctx.state.userAbility, STORY_UID)) };
    },

    /**
     * The unresolved flags of the statements or stories on one list page (the content manager's
     * "Open flags" column), limited to what this user may read.
     * @throws errors.ValidationError for a bad type or documentIds
     */
    async openByDocument(ctx: ReviewContext) {
      const { type, documentIds } = checkedInput(() => readOpenFlagsQuery(ctx.query));
      const permissions = getService(strapi, 'document-permissions');
      const [statements, stories] = await Promise.all([readableStatements(ctx), permissions.readScope(ctx.state.userAbility, STORY_UID)]);
      ctx.body = { data: await queue().openFlagsByDocument(type, documentIds, statements, stories) };
    },

    /** The queue's counts per status, and per kind and severity within each status, of the flags this user may see. */
    async counts(ctx: ReviewContext) {
      ctx.body = { data: await queue().counts(await readableStatements(ctx)) };
    },

    /**
     * The desk's trends over `days` days on the reader's clock (`utcOffset`), of the flags this user may see.
     * @throws errors.ValidationError for a bad days or utcOffset
     */
    async trends(ctx: ReviewContext) {
      const query = checkedInput(() => readTrendsQuery(ctx.query));
      ctx.body = { data: await getService(strapi, 'flag-trends').trends(query, await readableStatements(ctx)) };
    },

    /**
     * @throws errors.NotFoundError for an unknown flag
     * @throws errors.ForbiddenError when the user may not read the flag's statement
     */
    async findOne(ctx: ReviewContext) {
      ctx.body = { data: await queue().detail(ctx.params.documentId ?? '', await readableStatements(ctx)) };
    },

    claim: (ctx: ReviewContext) => act(ctx, 'claim'),
    dismiss: (ctx: ReviewContext) => act(ctx, 'dismiss'),
    reopen: (ctx: ReviewContext) => act(ctx, 'reopen'),
    /** Fact-checkers, or editors when flags.editorsMayResolve is on (the review service checks). */
    resolve: (ctx: ReviewContext) => act(ctx, 'resolve'),
  };
};
