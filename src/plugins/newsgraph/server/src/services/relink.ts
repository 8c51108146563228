import { AsyncLocalStorage, AsyncResource } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import countries from 'world-countries';
import { ACTOR_UID, RELINK_JOB_UID, STATEMENT_UID } from '../constants';
import type { CountryRecord } from '../core/countries/country-enrichment';
import { countryWords } from '../core/countries/country-words';
import { descriptionWordsOf, isGroupDescription } from '../core/linking/actor-descriptions';
import { actorPhrases } from '../core/linking/linkable';
import { foldPhrase } from '../core/linking/text-folding';
import { columnOf, tableOf } from '../strapi/types';
import { inProcessRunner, pgBossConnection, pgBossRunner, type RelinkJobStore, type RelinkRunner } from './relink-runners';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/**
 * What a relink job relinks, for the admin to name in the user's language: every statement, or the
 * statements that could name one actor (with the actor's name as it was when the job started, and
 * what started it), or the statements whose linking failed (`npm run relink`).
 */
export type RelinkSubject = { kind: 'all' } | { kind: 'unlinked' } | { kind: 'actor'; documentId: string; name: string; change: 'created' | 'changed' | 'requested' };

/** A relink job as the admin route reports it. */
export interface RelinkJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** The log's words for why the job started; the admin shows `subject`. */
  reason: string | null;
  /** null for jobs stored before subjects were kept. */
  subject: RelinkSubject | null;
  done: number;
  total: number;
  failed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface StoredRelinkJob {
  id: number;
  documentId: string;
  reason: string | null;
  subject: RelinkSubject | null;
  state: RelinkJob['status'];
  total: number;
  done: number;
  failed: number;
  cursor: number;
  statementIds: string[] | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Finished jobs are kept this long for the admin's history, then deleted at start-up. */
const FINISHED_JOB_RETENTION_DAYS = 30;

function reported(job: StoredRelinkJob): RelinkJob {
  return {
    id: job.documentId,
    status: job.state,
    reason: job.reason,
    subject: job.subject ?? null,
    done: job.done,
    total: job.total,
    failed: job.failed,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/**
 * Relinks statements after the actors they could name changed. Finds them by their folded text
 * (Statement.linkText), not by scanning every statement, and relinks them in batches in the
 * background. Jobs are stored (plugin::newsgraph.relink-job), so their progress reads the same from
 * every instance and an unfinished job resumes after a restart; on PostgreSQL the batches run on a
 * pg-boss queue shared by all instances, on SQLite in this process (see relink-runners.ts).
 */
export const relinkService = ({ strapi }: { strapi: Core.Strapi }) => {
  let runner: RelinkRunner | undefined;
  // Jobs start from inside a save (an actor's update), whose database transaction and request live in
  // async-local storage. Running them in the context captured here, when the plugin is set up, keeps
  // each relink in a transaction of its own instead of reusing the finished one of the save.
  const detached = new AsyncResource('newsgraph-relink');
  // Actors changed while an archive import runs: gathered for one job at the end instead of one job each.
  const collectedActors = new AsyncLocalStorage<Map<string, { name: string; change: 'created' | 'changed' }>>();
  const jobs = () => strapi.db.query(RELINK_JOB_UID as QueryUid);

  const column = (attribute: string) => columnOf(strapi, RELINK_JOB_UID, attribute);

  async function relinkStatement(documentId: string): Promise<void> {
    // An update with no data goes through the linking middleware like any save.
    await strapi.documents(STATEMENT_UID as 'api::statement.statement').update({ documentId, data: {} as never });
  }

  async function relinkBatch(statementIds: string[], handBack?: AbortSignal): Promise<number> {
    let failed = 0;
    for (const documentId of statementIds) {
      if (handBack?.aborted) throw new Error('the instance is stopping; the batch goes back to the queue');
      try {
        await relinkStatement(documentId);
      } catch (error) {
        failed += 1;
        strapi.log.error(`[newsgraph] relinking statement ${documentId} failed: ${(error as Error).message}`);
      }
    }
    return failed;
  }

  const store: RelinkJobStore = {
    async unfinished() {
      const rows = (await jobs().findMany({ where: { state: 'running' }, orderBy: { id: 'asc' } })) as StoredRelinkJob[];
      return rows.map((row) => ({ id: row.documentId, statementIds: row.statementIds ?? [], cursor: row.cursor }));
    },

    async advance(jobId, batch) {
      // Counters move in one statement so that instances finishing batches at once never lose a count;
      // `done` is capped at `total` because a batch retried after a crash is counted again.
      const knex = strapi.db.connection;
      const table = tableOf(strapi, RELINK_JOB_UID);
      const [done, failed, total, cursor, state, finishedAt, documentId] = ['done', 'failed', 'total', 'cursor', 'state', 'finishedAt', 'documentId'].map(column) as [string, string, string, string, string, string, string];
      const changes: Record<string, unknown> = {
        [done]: knex.raw(`CASE WHEN ?? + ? > ?? THEN ?? ELSE ?? + ? END`, [done, batch.size, total, total, done, batch.size]),
        [failed]: knex.raw(`?? + ?`, [failed, batch.failed]),
      };
      if (batch.cursor !== undefined) changes[cursor] = batch.cursor;
      await knex(table).where(documentId, jobId).update(changes);
      await knex(table)
        .where(documentId, jobId)
        .andWhere(state, 'running')
        .andWhere(done, '>=', knex.ref(total))
        .update({ [state]: 'done', [finishedAt]: new Date() });
    },
  };

  /**
   * Statements whose speaker or mentions are among the actors. One query each: an OR across the two
   * relations' joins is answered by a scan of every statement, each join alone by its link table's index.
   */
  async function linkedTo(actorDocumentIds: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const relation of ['speaker', 'mentions']) {
      const rows = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { [relation]: { documentId: { $in: actorDocumentIds } } }, select: ['documentId'] })) as Array<{ documentId: string }>;
      found.push(...rows.map((row) => row.documentId));
    }
    return found;
  }

  const service = {
    relinkStatement,

    /**
     * PostgreSQL: a trigram index on Statement.linkText, which serves the relink's
     * `linkText LIKE '% phrase %'` (an actor's save, an import's runs of actors) instead of a scan of
     * every statement. pg_trgm ships with PostgreSQL and is a trusted extension (13+), so the app's
     * own user may create it; where it may not, relinks scan as before, and the log says so.
     * SQLite: nothing. Its LIKE with a leading wildcard uses no index, and an FTS5 trigram table would
     * be a second copy kept on every statement save, the path issue 16 is about; the scan costs a
     * background relink, not a save (docs/performance.md, "The relink query").
     * @returns whether the index is there
     */
    async ensureLinkTextIndex(): Promise<boolean> {
      if (strapi.db.dialect.client !== 'postgres') return false;
      const knex = strapi.db.connection;
      const table = tableOf(strapi, STATEMENT_UID);
      try {
        await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (?? gin_trgm_ops)', [`${table}_link_text_trgm`, table, columnOf(strapi, STATEMENT_UID, 'linkText')]);
        return true;
      } catch (error) {
        strapi.log.warn(`[newsgraph] no trigram index for relinks (${(error as Error).message}): an actor's relink scans every statement`);
        return false;
      }
    },

    /** Drops the trigram index (`npm run bench:relink` measures the relink's query without it first). */
    async dropLinkTextIndex(): Promise<void> {
      if (strapi.db.dialect.client !== 'postgres') return;
      await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [`${tableOf(strapi, STATEMENT_UID)}_link_text_trgm`]);
    },

    async relinkStory(storyDocumentId: string): Promise<void> {
      const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { story: { documentId: storyDocumentId } }, select: ['documentId'] })) as Array<{ documentId: string }>;
      await relinkBatch([...new Set(statements.map((statement) => statement.documentId))]);
    },

    /** Statements whose text or attribution contains one of the actor's phrases, or that link it now. */
    async statementsAffectedByActor(actorDocumentId: string): Promise<string[]> {
      return service.statementsAffectedByActors([actorDocumentId]);
    },

    /**
     * Statements that could name any of the actors: a few queries a batch of 100 actors, whatever
     * their number.
     */
    async statementsAffectedByActors(actorDocumentIds: string[]): Promise<string[]> {
      const found = new Set<string>();
      // Bounded so that SQLite's expression depth and PostgreSQL's parameters are never reached.
      const CHUNK = 100;
      for (let offset = 0; offset < actorDocumentIds.length; offset += CHUNK) {
        const ids = actorDocumentIds.slice(offset, offset + CHUNK);
        const actors = (await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { documentId: { $in: ids } }, populate: { aliases: true, positions: true } })) as Parameters<typeof actorPhrases>[0][];
        const phrases = new Set<string>();
        for (const actor of actors) {
          // With the descriptors a national office gives ("the Ukrainian president"), as the index has them.
          for (const phrase of actorPhrases(actor, undefined, countryWords(countries as unknown as CountryRecord[]))) {
            const folded = foldPhrase(phrase.text);
            if (folded) phrases.add(folded);
          }
          // "The paramilitaries": statements that describe a group rather than name it, which its
          // description decides. Not "the army" or "the government": every army and country would add
          // them to a gazetteer or archive import's relink, which would then read most statements.
          for (const word of descriptionWordsOf(actor)) if (isGroupDescription(word)) phrases.add(foldPhrase(word));
        }
        const all = [...phrases];
        for (let at = 0; at < all.length; at += CHUNK) {
          const rows = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
            where: { $or: all.slice(at, at + CHUNK).map((phrase) => ({ linkText: { $contains: ` ${phrase} ` } })) },
            select: ['documentId'],
          })) as Array<{ documentId: string }>;
          for (const row of rows) found.add(row.documentId);
        }
        for (const documentId of await linkedTo(ids)) found.add(documentId);
      }
      return [...found];
    },

    /**
     * Runs `work` (an archive import's batch) with the relinking of changed actors held back: the
     * actor middleware notes each actor instead of starting a job, and one job relinks the stored
     * statements any of them could name when `work` calls `flush` (before its next story, so that
     * what follows the actors is relinked as a save one at a time would) and when it is done.
     * Statements written after their actors are linked against the full index already; a job per
     * actor would compete with the import for the database.
     * @returns what `work` returned
     */
    async withActorRelinksGathered<T>(work: (flush: () => Promise<void>) => Promise<T>): Promise<T> {
      if (collectedActors.getStore()) return work(async () => {});
      const actors = new Map<string, { name: string; change: 'created' | 'changed' }>();
      const flush = async () => {
        if (actors.size === 0) return;
        const gathered = [...actors.entries()];
        actors.clear();
        const ids = gathered.map(([id]) => id);
        try {
          const affected = await service.statementsAffectedByActors(ids);
          if (affected.length === 0) return;
          const [id, { name, change }] = gathered[0]!;
          if (gathered.length === 1) await service.start(affected, `actor ${id} ${change}`, { kind: 'actor', documentId: id, name, change });
          else await service.start(affected, `import: ${gathered.length} actors created or changed`, null);
        } catch (error) {
          strapi.log.error(`[newsgraph] could not start relinking for ${gathered.length} imported actors: ${(error as Error).message}; run npm run relink`);
        }
      };
      const result = await collectedActors.run(actors, () => work(flush));
      await flush();
      return result;
    },

    /**
     * Notes an actor's change for the import's job when one gathers them (withActorRelinksGathered).
     * @returns false outside an import, when the caller must start the job itself
     */
    gatherActorChange(documentId: string, name: string, change: 'created' | 'changed'): boolean {
      const actors = collectedActors.getStore();
      if (!actors) return false;
      const earlier = actors.get(documentId);
      actors.set(documentId, { name, change: earlier?.change === 'created' ? 'created' : change });
      return true;
    },

    /** Every statement, for "relink all". */
    async allStatements(): Promise<string[]> {
      const rows = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ select: ['documentId'] })) as Array<{ documentId: string }>;
      return [...new Set(rows.map((row) => row.documentId))];
    },

    /**
     * Starts the runner (plugin bootstrap): pg-boss on PostgreSQL, in-process on SQLite; takes up
     * unfinished jobs and deletes finished ones past their retention.
     */
    async startRunner(): Promise<void> {
      const client = strapi.config.get('database.connection.client') as string;
      runner =
        client === 'postgres' || client === 'pg'
          ? await pgBossRunner(pgBossConnection(strapi.config.get('database.connection.connection')), store, relinkBatch, strapi.log)
          : inProcessRunner(store, relinkBatch, strapi.log);
      const cutoff = new Date(Date.now() - FINISHED_JOB_RETENTION_DAYS * 24 * 3600 * 1000);
      await jobs().deleteMany({ where: { state: { $ne: 'running' }, finishedAt: { $lt: cutoff } } });
      await runner.resume();
    },

    /** Which runner carries the batches, for the admin route and the tests. */
    runnerKind(): RelinkRunner['kind'] | undefined {
      return runner?.kind;
    },

    /** Stores a job for `statementIds` and queues its batches. @returns the job as first stored */
    async start(statementIds: string[], reason: string, subject: RelinkSubject | null = null): Promise<RelinkJob> {
      return detached.runInAsyncScope(async () => {
        if (!runner) throw new Error('the relink runner has not started');
        // The plugin's own uid is not in the app's generated union of uids; the document service takes it as any other.
        const created = (await strapi.documents(RELINK_JOB_UID as Parameters<Core.Strapi['documents']>[0]).create({
          data: { reason: reason.slice(0, 255), subject, state: 'running', total: statementIds.length, done: 0, failed: 0, cursor: 0, statementIds } as never,
        })) as unknown as StoredRelinkJob;
        try {
          await runner.enqueue(created.documentId, statementIds);
        } catch (error) {
          await jobs().update({ where: { id: created.id }, data: { state: 'failed', error: `could not be queued: ${(error as Error).message}`, finishedAt: new Date() } });
          throw error;
        }
        return reported(created);
      });
    },

    async job(jobId: string): Promise<RelinkJob | undefined> {
      const row = (await jobs().findOne({ where: { documentId: jobId } })) as StoredRelinkJob | null;
      return row ? reported(row) : undefined;
    },

    /** The latest jobs, newest first. */
    async recentJobs(limit = 20): Promise<RelinkJob[]> {
      const rows = (await jobs().findMany({ orderBy: { id: 'desc' }, limit, select: ['documentId', 'reason', 'subject', 'state', 'total', 'done', 'failed', 'error', 'createdAt', 'finishedAt'] })) as StoredRelinkJob[];
      return rows.map(reported);
    },

    /**
     * Finishes the batch in hand and stops (plugin destroy); unfinished jobs resume at the next start.
     * On pg-boss a batch still in hand after HAND_BACK_AFTER_MS goes back on the queue instead.
     */
    async stop(): Promise<void> {
      await runner?.stop();
    },

    /**
     * Waits until no stored job is running, whichever instance runs it.
     * @throws Error when jobs are still running after `timeoutMs`
     */
    async idle(timeoutMs = 120_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while ((await jobs().count({ where: { state: 'running' } })) > 0) {
        if (Date.now() > deadline) throw new Error(`relink jobs still running after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  return service;
};
