import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ACTOR_UID, FLAG_UID, PLUGIN_ID, REVIEW_EVENT_UID, STATEMENT_UID } from '../constants';
import type { FlagTrends } from '../contracts/trends';
import { medianSlice, shapeTrends, trendWindow, type DayCountRow, type TrendsQuery } from '../core/flags/flag-trends';
import { columnOf, joinTableOf, tableOf } from '../strapi/types';
import type { ReadScope } from './document-permissions';

type QueryUid = Parameters<Core.Strapi['db']['queryBuilder']>[0];

/** Set in the plugin's store once the flags closed before `closedAt` existed have theirs. */
const BACKFILL_KEY = 'closedAtBackfilled';

/**
 * The desk's trends: flags opened and closed per day, the median time to resolution and the verdicts
 * by speaker, over a window of days. Aggregated by the database (GROUP BY a day number computed from
 * an indexed timestamp), so a read costs the flags of the window, never the whole table:
 * `createdAt` for the flags opened; status, `closedAt` (set while a flag is resolved or dismissed,
 * by flags.transition), createdAt and verdict for the flags closed, their time to resolution and
 * their verdicts: both covering indexes (flags.ensureIndexes). The day, median and speaker shaping is pure
 * (core/flags/flag-trends.ts).
 */
export const flagTrendsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  function names() {
    const flag = (attribute: string) => columnOf(strapi, FLAG_UID, attribute);
    const joinTable = (uid: string, attribute: string) => joinTableOf(strapi, uid, attribute);
    return {
      flags: tableOf(strapi, FLAG_UID),
      id: 'id',
      createdAt: flag('createdAt'),
      closedAt: flag('closedAt'),
      status: flag('status'),
      verdict: flag('verdict'),
      flagStatement: joinTable(FLAG_UID, 'statement'),
      statementSpeaker: joinTable(STATEMENT_UID, 'speaker'),
      actors: tableOf(strapi, ACTOR_UID),
      actorDocumentId: columnOf(strapi, ACTOR_UID, 'documentId'),
      actorName: columnOf(strapi, ACTOR_UID, 'name'),
    };
  }

  /**
   * SQL for the day number of a timestamp column on the reader's clock, with its bindings. SQLite
   * keeps Strapi's datetimes as milliseconds since the epoch; PostgreSQL as timestamps.
   */
  function dayOf(column: string, offsetMs: number): { sql: string; bindings: Array<string | number> } {
    return isPostgres()
      ? { sql: `FLOOR((EXTRACT(EPOCH FROM ??) * 1000 + ?) / 86400000)`, bindings: [column, offsetMs] }
      : { sql: `CAST((?? + ?) / 86400000 AS INTEGER)`, bindings: [column, offsetMs] };
  }

  /** Milliseconds from one timestamp column to another, as SQL. */
  function ageMs(to: string, from: string): { sql: string; bindings: string[] } {
    return isPostgres() ? { sql: `EXTRACT(EPOCH FROM (?? - ??)) * 1000`, bindings: [to, from] } : { sql: `(?? - ??)`, bindings: [to, from] };
  }

  /**
   * Keeps a query on the flags table to the flags of statements in scope: a subquery through the
   * flag-statement link on the statements the user's conditions match (compiled by Strapi's own
   * query builder from the content manager's filter). Nothing to add for `all`.
   */
  function scoped(query: Knex.QueryBuilder, scope: ReadScope, n: ReturnType<typeof names>): Knex.QueryBuilder {
    if (scope.kind !== 'some') return query;
    const knex = strapi.db.connection;
    const readable = strapi.db.queryBuilder(STATEMENT_UID as QueryUid).select('id').where(scope.where).getKnexQuery();
    const link = n.flagStatement;
    return query.whereIn(`${n.flags}.${n.id}`, knex(link.name).select(link.joinColumn.name).whereIn(link.inverseJoinColumn.name, readable));
  }

  return {
    /**
     * The trends of the flags whose statements are in `statements` (the caller's read scope), over
     * `query.days` days ending today on the reader's clock.
     */
    async trends(query: TrendsQuery, statements: ReadScope = { kind: 'all' }, now = new Date()): Promise<FlagTrends> {
      const window = trendWindow(now, query);
      if (statements.kind === 'none') return shapeTrends(window, { dayCounts: [], medianMs: null, resolved: 0, speakerRows: [] });
      const knex = strapi.db.connection;
      const n = names();
      const opened = dayOf(n.createdAt, window.offsetMs);
      const closed = dayOf(n.closedAt, window.offsetMs);

      const openedQuery = scoped(
        knex(n.flags).select(knex.raw(`${opened.sql} AS day`, opened.bindings)).count({ count: '*' }).where(n.createdAt, '>=', window.since).groupByRaw('1'),
        statements,
        n
      );
      const closedQuery = scoped(
        knex(n.flags).select(knex.raw(`${closed.sql} AS day`, closed.bindings), knex.raw('?? AS status', [n.status])).count({ count: '*' }).where(n.closedAt, '>=', window.since).whereIn(n.status, ['resolved', 'dismissed']).groupByRaw('1, 2'),
        statements,
        n
      );
      const link = n.flagStatement;
      const speaker = n.statementSpeaker;
      // A statement counts once per verdict, however many of its flags were resolved with it.
      const speakerQuery = scoped(
        knex(n.flags)
          .join(link.name, `${link.name}.${link.joinColumn.name}`, `${n.flags}.${n.id}`)
          .leftJoin(speaker.name, `${speaker.name}.${speaker.joinColumn.name}`, `${link.name}.${link.inverseJoinColumn.name}`)
          .leftJoin(n.actors, `${n.actors}.id`, `${speaker.name}.${speaker.inverseJoinColumn.name}`)
          .select({ speaker: `${n.actors}.${n.actorDocumentId}`, name: `${n.actors}.${n.actorName}`, verdict: `${n.flags}.${n.verdict}` })
          .countDistinct({ count: `${link.name}.${link.inverseJoinColumn.name}` })
          .where(`${n.flags}.${n.closedAt}`, '>=', window.since)
          .andWhere(`${n.flags}.${n.status}`, 'resolved')
          .whereNotNull(`${n.flags}.${n.verdict}`)
          .groupBy(`${n.actors}.${n.actorDocumentId}`, `${n.actors}.${n.actorName}`, `${n.flags}.${n.verdict}`),
        statements,
        n
      );
      const [openedRows, closedRows, speakerRows] = (await Promise.all([openedQuery, closedQuery, speakerQuery])) as [
        Array<{ day: number | string; count: number | string }>,
        Array<{ day: number | string; status: 'resolved' | 'dismissed'; count: number | string }>,
        Array<{ speaker: string | null; name: string | null; verdict: string; count: number | string }>,
      ];
      const dayCounts: DayCountRow[] = [
        ...openedRows.map((row) => ({ day: Number(row.day), series: 'opened' as const, count: Number(row.count) })),
        ...closedRows.map((row) => ({ day: Number(row.day), series: row.status, count: Number(row.count) })),
      ];
      const resolved = closedRows.filter((row) => row.status === 'resolved' && Number(row.day) <= window.lastDay).reduce((sum, row) => sum + Number(row.count), 0);
      const medianMs = resolved > 0 ? await this.medianResolutionMs(window.since, statements) : null;
      return shapeTrends(window, {
        dayCounts,
        medianMs,
        resolved,
        speakerRows: speakerRows.map((row) => ({ speaker: row.speaker, name: row.name, verdict: row.verdict, count: Number(row.count) })),
      });
    },

    /**
     * The median time from creation to resolution of the flags resolved since `since`. PostgreSQL
     * has percentile_cont; SQLite counts, then reads only the middle of the ages in order. Either
     * way the flags come from the index on status and closedAt, which holds their creation time too.
     */
    async medianResolutionMs(since: Date, statements: ReadScope = { kind: 'all' }): Promise<number | null> {
      if (statements.kind === 'none') return null;
      const knex = strapi.db.connection;
      const n = names();
      const age = ageMs(n.closedAt, n.createdAt);
      const resolvedSince = () => knex(n.flags).where(n.closedAt, '>=', since).andWhere(n.status, 'resolved');
      if (isPostgres()) {
        const [row] = (await scoped(resolvedSince().select(knex.raw(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${age.sql}) AS median`, age.bindings)), statements, n)) as Array<{ median: number | string | null }>;
        return row?.median === null || row?.median === undefined ? null : Number(row.median);
      }
      const [counted] = (await scoped(resolvedSince().count({ count: '*' }), statements, n)) as Array<{ count: number | string }>;
      const slice = medianSlice(Number(counted?.count ?? 0));
      if (!slice) return null;
      const middle = (await scoped(resolvedSince().select(knex.raw(`${age.sql} AS age`, age.bindings)), statements, n).orderByRaw('1').offset(slice.offset).limit(slice.limit)) as Array<{ age: number | string }>;
      return middle.length === 0 ? null : middle.reduce((sum, row) => sum + Number(row.age), 0) / middle.length;
    },

    /**
     * Gives the flags resolved or dismissed before `closedAt` existed the time of their last such
     * review event (else their last update), once: the plugin's store remembers it was done, so that
     * later starts do not step over every closed flag again.
     */
    async backfillClosedAt(): Promise<number> {
      const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
      if (await store.get({ key: BACKFILL_KEY })) return 0;
      const knex = strapi.db.connection;
      const n = names();
      const events = tableOf(strapi, REVIEW_EVENT_UID);
      const eventFlag = joinTableOf(strapi, REVIEW_EVENT_UID, 'flag');
      const eventTo = columnOf(strapi, REVIEW_EVENT_UID, 'to');
      const eventCreatedAt = columnOf(strapi, REVIEW_EVENT_UID, 'createdAt');
      const updatedAt = columnOf(strapi, FLAG_UID, 'updatedAt');
      const changed = await knex(n.flags)
        .whereIn(n.status, ['resolved', 'dismissed'])
        .whereNull(n.closedAt)
        .update({
          [n.closedAt]: knex.raw(
            `COALESCE((SELECT MAX(e.??) FROM ?? e JOIN ?? l ON l.?? = e.id WHERE l.?? = ??.id AND e.?? = ??.??), ??.??)`,
            [eventCreatedAt, events, eventFlag.name, eventFlag.joinColumn.name, eventFlag.inverseJoinColumn.name, n.flags, eventTo, n.flags, n.status, n.flags, updatedAt]
          ),
        });
      await store.set({ key: BACKFILL_KEY, value: true });
      return Number(changed);
    },
  };
};
