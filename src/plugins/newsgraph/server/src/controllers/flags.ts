import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTOR_UID, FLAG_UID, REVIEW_EVENT_UID, STATEMENT_UID, STORY_UID } from '../constants';
import type { FlagStatus } from '../core/flags/flag-types';
import { isPlainObject } from '../core/model-spec';
import { readEvidence, readFlagListQuery, readNote, readVerdict, readVersion, ReviewInputError } from '../core/flags/review-input';
import { QUEUE_POPULATE } from '../services/flags';
import { getService } from '../strapi/get-service';
import { columnOf, tableOf } from '../strapi/types';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

interface Ability {
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

interface FlagRow {
  id: number;
  documentId: string;
  status: FlagStatus;
  version: number;
  statement: { documentId: string; text: string | null; evidence?: Array<{ url: string; title: string | null; note: string | null }> } | null;
}

type ReviewAction = 'claim' | 'resolve' | 'dismiss' | 'reopen';

/** Which statuses each action starts from, and where it leads. */
const TRANSITIONS: Record<ReviewAction, { from: FlagStatus[]; to: FlagStatus }> = {
  claim: { from: ['open', 'in_review'], to: 'in_review' },
  resolve: { from: ['open', 'in_review'], to: 'resolved' },
  dismiss: { from: ['open', 'in_review'], to: 'dismissed' },
  reopen: { from: ['resolved', 'dismissed', 'obsolete'], to: 'open' },
};


/** Runs a body or query check; a ReviewInputError becomes a 400 naming the field. */
function checked<Value>(read: () => Value): Value {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReviewInputError) throw new errors.ValidationError(error.message, { errors: [{ path: error.path.split('.'), message: error.message, name: 'ValidationError' }] });
    throw error;
  }
}

/**
 * The fact-checkers' review queue and its actions (DOMAIN.md "The plugin's routes"). Every action
 * names the flag version it was decided on: a stale version answers 409 and changes nothing, so two
 * fact-checkers never overwrite each other. Every transition appends a review event.
 */
export const flagsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const flags = () => getService(strapi, 'flags');
  const counts = () => getService(strapi, 'flag-counts');

  async function findFlag(documentId: string): Promise<FlagRow> {
    const flag = (await strapi.db.query(FLAG_UID as QueryUid).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'status', 'version'],
      populate: { statement: { select: ['documentId', 'text'], populate: { evidence: true } } },
    })) as FlagRow | null;
    if (!flag) throw new errors.NotFoundError(`No flag ${documentId}`);
    return flag;
  }

  async function readOne(documentId: string) {
    const flag = (await strapi.db.query(FLAG_UID as QueryUid).findOne({ where: { documentId }, populate: QUEUE_POPULATE })) as Record<string, unknown> | null;
    if (!flag) throw new errors.NotFoundError(`No flag ${documentId}`);
    return flag;
  }

  async function act(ctx: ReviewContext, action: ReviewAction): Promise<void> {
    const body = isPlainObject(ctx.request.body) ? ctx.request.body : {};
    const version = checked(() => readVersion(body));
    const note = checked(() => readNote(body, action === 'dismiss'));
    const verdict = action === 'resolve' ? checked(() => readVerdict(body)) : null;
    const evidence = action === 'resolve' ? checked(() => readEvidence(body)) : [];
    const flag = await findFlag(ctx.params.documentId ?? '');
    if (flag.version !== version) {
      ctx.conflict('This flag was changed by someone else: reload it and decide again', { currentVersion: flag.version, currentStatus: flag.status });
      return;
    }
    const { from, to } = TRANSITIONS[action];
    if (!from.includes(flag.status)) throw new errors.ValidationError(`A flag that is ${flag.status.replace('_', ' ')} cannot be ${action === 'claim' ? 'claimed' : `${action}${action.endsWith('e') ? 'd' : 'ed'}`}`);

    const userId = ctx.state.user?.id ?? null;
    const changes: Record<string, unknown> = {};
    const column = (attribute: string) => columnOf(strapi, FLAG_UID, attribute);
    if (action === 'claim') changes.assignee = userId;
    if (action === 'resolve') Object.assign(changes, { verdict, note, evidence, textAtResolution: flag.statement?.text ?? null });
    if (action === 'dismiss' || action === 'reopen') changes.note = note;
    // The relation to the assignee lives in a join table; plain columns change in the guarded update.
    const { assignee, ...plain } = changes;
    const columns = Object.fromEntries(Object.entries(plain).map(([key, value]) => [column(key), key === 'evidence' ? JSON.stringify(value) : value]));
    const moved = await flags().transition(flag, flag.status, to, note || `${action}`, columns, userId, version);
    if (!moved) {
      const now = await findFlag(flag.documentId);
      ctx.conflict('This flag was changed by someone else: reload it and decide again', { currentVersion: now.version, currentStatus: now.status });
      return;
    }
    if (action === 'claim') await strapi.db.query(FLAG_UID as QueryUid).update({ where: { id: flag.id }, data: { assignee } });
    if (action === 'resolve' && flag.statement) {
      // The verdict becomes the statement's verification, and the evidence joins the statement's own.
      const kept = (flag.statement.evidence ?? []).map(({ url, title, note: evidenceNote }) => ({ url, title, note: evidenceNote }));
      await strapi.documents(STATEMENT_UID as 'api::statement.statement').update({
        documentId: flag.statement.documentId,
        data: { verification: verdict, evidence: [...kept, ...evidence.map((item) => ({ url: item.url, title: item.title }))] } as never,
      });
    }
    ctx.body = { data: await readOne(flag.documentId) };
  }

  return {
    /** @throws errors.ValidationError for a bad filter, sort or page */
    async list(ctx: ReviewContext) {
      const query = checked(() => readFlagListQuery(ctx.query));
      if (query.assignee && query.assignee !== 'me' && !Number.isInteger(Number(query.assignee))) throw new errors.ValidationError('assignee must be "me" or an admin user id');
      const page = await flags().queue(query, ctx.state.user?.id ?? null);
      ctx.body = {
        data: page.rows,
        meta: {
          pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(page.total / query.pageSize), total: page.total },
          byStatus: page.byStatus,
        },
      };
    },

    /**
     * What the desk's filters offer: the stories that have flags and the admin users flags are
     * assigned to (read from the flags' own columns, not from every story or user), and, with `q`,
     * the actors whose name contains it.
     */
    async facets(ctx: ReviewContext) {
      const knex = strapi.db.connection;
      const flags = tableOf(strapi, FLAG_UID);
      const storyIds = (await knex(flags).distinct(columnOf(strapi, FLAG_UID, 'storyDocumentId')).whereNotNull(columnOf(strapi, FLAG_UID, 'storyDocumentId')).limit(500)).map((row: Record<string, string>) => Object.values(row)[0]!);
      const stories = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: { $in: storyIds } }, select: ['documentId', 'title', 'publishedAt'], orderBy: [{ id: 'desc' }] })) as Array<{ documentId: string; title: string }>;
      const joinTable = (strapi.db.metadata.get(FLAG_UID as never) as unknown as { attributes: Record<string, { joinTable?: { name: string; inverseJoinColumn: { name: string } } }> }).attributes.assignee?.joinTable;
      const assigneeIds = joinTable ? (await knex(joinTable.name).distinct(joinTable.inverseJoinColumn.name)).map((row: Record<string, number>) => Object.values(row)[0]!) : [];
      const assignees = (await strapi.db.query('admin::user' as QueryUid).findMany({ where: { id: { $in: assigneeIds } }, select: ['id', 'firstname', 'lastname'] })) as Array<{ id: number; firstname: string | null; lastname: string | null }>;
      const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 100) : '';
      const actors = q ? await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { name: { $containsi: q } }, select: ['documentId', 'name'], orderBy: [{ name: 'asc' }], limit: 20 }) : [];
      ctx.body = {
        data: {
          stories: [...new Map(stories.map((story) => [story.documentId, { documentId: story.documentId, title: story.title }])).values()],
          assignees: assignees.map((user) => ({ id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') })),
          actors,
        },
      };
    },

    /** The queue's counts per status, and per kind and severity within each status. */
    async counts(ctx: ReviewContext) {
      ctx.body = { data: await counts().summary() };
    },

    /** @throws errors.NotFoundError for an unknown flag */
    async findOne(ctx: ReviewContext) {
      const flag = await readOne(ctx.params.documentId ?? '');
      const events = await strapi.db.query(REVIEW_EVENT_UID as QueryUid).findMany({
        where: { flag: { documentId: flag.documentId } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: ['from', 'to', 'note', 'createdAt'],
        populate: { actor: { select: ['id', 'firstname', 'lastname'] } },
      });
      ctx.body = { data: { ...flag, events, context: await flags().reviewContext(flag.documentId as string) } };
    },

    claim: (ctx: ReviewContext) => act(ctx, 'claim'),
    dismiss: (ctx: ReviewContext) => act(ctx, 'dismiss'),
    reopen: (ctx: ReviewContext) => act(ctx, 'reopen'),

    /**
     * Fact-checkers resolve; editors only when the config allows (flags.editorsMayResolve) and they
     * may update statements.
     * @throws errors.ForbiddenError for anyone else
     */
    async resolve(ctx: ReviewContext) {
      const ability = ctx.state.userAbility;
      const reviewer = ability?.can('plugin::newsgraph.flags.review') ?? false;
      const editor = flags().config().editorsMayResolve && (ability?.can('plugin::content-manager.explorer.update', STATEMENT_UID) ?? false);
      if (!reviewer && !editor) throw new errors.ForbiddenError('Resolving flags needs the Newsgraph review permission');
      await act(ctx, 'resolve');
    },
  };
};
