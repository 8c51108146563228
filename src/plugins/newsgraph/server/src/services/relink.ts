import { AsyncResource } from 'async_hooks';
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { ACTOR_UID, STATEMENT_UID } from '../constants';
import { actorPhrases } from '../core/linkable';
import { foldPhrase } from '../core/text-folding';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

export interface RelinkJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  failed: number;
  error?: string;
}

/** Statements relinked per batch; the runner yields to other work between batches. */
const BATCH = 50;

/**
 * Relinks statements after the actors they could name changed. Finds them by their folded text
 * (Statement.linkText), not by scanning every statement, and relinks them in batches in the
 * background; progress is kept per job for the admin route.
 */
export const relinkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = new Map<string, RelinkJob>();
  let stopping = false;
  // Jobs start from inside a save (an actor's update), whose database transaction and request live in
  // async-local storage. Running them in the context captured here, when the plugin is set up, keeps
  // each relink in a transaction of its own instead of reusing the finished one of the save.
  const detached = new AsyncResource('newsgraph-relink');

  async function relinkStatement(documentId: string): Promise<void> {
    // An update with no data goes through the linking middleware like any save.
    await strapi.documents(STATEMENT_UID as 'api::statement.statement').update({ documentId, data: {} as never });
  }

  async function run(job: RelinkJob, statementIds: string[]): Promise<void> {
    for (let offset = 0; offset < statementIds.length; offset += BATCH) {
      // Shutting down: stop between batches; the statements not reached keep their previous links.
      if (stopping) {
        job.status = 'failed';
        job.error = 'stopped by shutdown before it finished';
        return;
      }
      for (const documentId of statementIds.slice(offset, offset + BATCH)) {
        try {
          await relinkStatement(documentId);
        } catch (error) {
          job.failed += 1;
          strapi.log.error(`[newsgraph] relinking statement ${documentId} failed: ${(error as Error).message}`);
        }
        job.done += 1;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    job.status = 'done';
  }

  return {
    relinkStatement,

    async relinkStory(storyDocumentId: string): Promise<void> {
      const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { story: { documentId: storyDocumentId } }, select: ['documentId'] })) as Array<{ documentId: string }>;
      for (const documentId of new Set(statements.map((statement) => statement.documentId))) await relinkStatement(documentId);
    },

    /** Statements whose text or attribution contains one of the actor's phrases, or that link it now. */
    async statementsAffectedByActor(actorDocumentId: string): Promise<string[]> {
      const actor = (await strapi.db.query(ACTOR_UID as QueryUid).findOne({ where: { documentId: actorDocumentId }, populate: { aliases: true, positions: true } })) as {
        documentId: string;
        name: string;
        kind: string;
        aliases?: Array<{ name: string | null }>;
        positions?: Array<{ title: string | null; descriptors: string | null; from: string | null; to: string | null }>;
      } | null;
      const phrases = new Set<string>();
      for (const phrase of actor ? actorPhrases(actor) : []) {
        const folded = foldPhrase(phrase.text);
        if (folded) phrases.add(folded);
      }
      const byText = phrases.size === 0 ? [] : ((await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
        where: { $or: [...phrases].map((phrase) => ({ linkText: { $contains: ` ${phrase} ` } })) },
        select: ['documentId'],
      })) as Array<{ documentId: string }>);
      const byLink = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
        where: { $or: [{ speaker: { documentId: actorDocumentId } }, { mentions: { documentId: actorDocumentId } }] },
        select: ['documentId'],
      })) as Array<{ documentId: string }>;
      return [...new Set([...byText, ...byLink].map((row) => row.documentId))];
    },

    /** Starts relinking `statementIds` in the background. @returns the job, whose counters move as it runs */
    start(statementIds: string[]): RelinkJob {
      const job: RelinkJob = { id: randomUUID(), status: 'running', done: 0, total: statementIds.length, failed: 0 };
      jobs.set(job.id, job);
      detached.runInAsyncScope(() => run(job, statementIds)).catch((error: Error) => {
        job.status = 'failed';
        job.error = error.message;
        strapi.log.error(`[newsgraph] relink job ${job.id} failed: ${error.message}`);
      });
      return job;
    },

    job(jobId: string): RelinkJob | undefined {
      return jobs.get(jobId);
    },

    /** Stops starting new batches and waits for running ones to finish (plugin destroy). */
    async stop(): Promise<void> {
      stopping = true;
      await this.idle();
    },

    /** Waits until every running job has finished. */
    async idle(): Promise<void> {
      while ([...jobs.values()].some((job) => job.status === 'running')) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
};
