import PgBoss from 'pg-boss';
import type { Core } from '@strapi/strapi';

/** Statements relinked per batch: small enough that a shutdown waits at most a second or so for one. */
export const RELINK_BATCH = 50;

/**
 * Relinks a batch of statements. @returns how many of them failed (each failure is logged)
 * @throws Error when `handBack` is aborted before the batch is through (the runner is stopping)
 */
export type RelinkBatch = (statementIds: string[], handBack?: AbortSignal) => Promise<number>;

/** What runners need of the stored jobs. */
export interface RelinkJobStore {
  /** Jobs still running, with the statements they relink and how far they got. */
  unfinished(): Promise<Array<{ id: string; statementIds: string[]; cursor: number }>>;
  /** Counts a relinked batch; marks the job done once every statement has been tried. */
  advance(jobId: string, batch: { size: number; failed: number; cursor?: number }): Promise<void>;
}

/** Runs the batches of relink jobs, in this process or on a shared queue. */
export interface RelinkRunner {
  readonly kind: 'in-process' | 'pg-boss';
  /** Schedules a stored job's statements. */
  enqueue(jobId: string, statementIds: string[]): Promise<void>;
  /** Takes up the jobs a previous run left unfinished. */
  resume(): Promise<void>;
  /** Finishes the batch in hand and stops taking new ones; unfinished jobs stay stored. */
  stop(): Promise<void>;
}

/**
 * SQLite: one process owns the database, so batches run here, one job after another's batch, and
 * the job's cursor is stored after each batch so that a restart resumes where it stopped.
 */
export function inProcessRunner(store: RelinkJobStore, relinkBatch: RelinkBatch, log: Core.Strapi['log']): RelinkRunner {
  const running = new Map<string, Promise<void>>();
  let stopping = false;

  async function drive(jobId: string, statementIds: string[], from: number): Promise<void> {
    for (let cursor = from; cursor < statementIds.length; ) {
      if (stopping) return;
      const batch = statementIds.slice(cursor, cursor + RELINK_BATCH);
      const failed = await relinkBatch(batch);
      cursor += batch.length;
      await store.advance(jobId, { size: batch.length, failed, cursor });
      // Lets requests in between batches: relinking must not starve the editors' saves.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (statementIds.length === 0) await store.advance(jobId, { size: 0, failed: 0, cursor: 0 });
  }

  function launch(jobId: string, statementIds: string[], from: number): void {
    if (running.has(jobId)) return;
    const run = drive(jobId, statementIds, from)
      .catch((error: Error) => {
        log.error(`[newsgraph] relink job ${jobId} stopped: ${error.message}; it resumes at the next start`);
      })
      .finally(() => running.delete(jobId));
    running.set(jobId, run);
  }

  return {
    kind: 'in-process',
    async enqueue(jobId, statementIds) {
      launch(jobId, statementIds, 0);
    },
    async resume() {
      for (const job of await store.unfinished()) launch(job.id, job.statementIds, job.cursor);
    },
    async stop() {
      stopping = true;
      await Promise.all(running.values());
    },
  };
}

/** The pg-boss queue that carries relink batches. */
export const RELINK_QUEUE = 'newsgraph-relink';

/**
 * How long a stopping instance lets the batch in hand run before handing it back to the queue. Short
 * enough that the shutdown ends within an orchestrator's grace period (30 s on Kubernetes) after the
 * HTTP server's drain, so the batch is never left held by a killed process for pg-boss's expiry.
 */
export const HAND_BACK_AFTER_MS = 10_000;

interface RelinkBatchJob {
  job: string;
  statementIds: string[];
}

/** pg-boss connection settings from Strapi's own PostgreSQL connection, so both reach the same database. */
export function pgBossConnection(connection: unknown): PgBoss.DatabaseOptions {
  if (typeof connection === 'string') return { connectionString: connection };
  const settings = (connection ?? {}) as Record<string, unknown>;
  const options: PgBoss.DatabaseOptions = {};
  if (typeof settings.connectionString === 'string') options.connectionString = settings.connectionString;
  for (const key of ['host', 'database', 'user', 'password'] as const) {
    if (typeof settings[key] === 'string' && settings[key] !== '') options[key] = settings[key] as string;
  }
  if (settings.port !== undefined) options.port = Number(settings.port);
  if (settings.ssl) options.ssl = settings.ssl;
  return options;
}

/**
 * PostgreSQL: batches go on a pg-boss queue in the same database, so every Strapi instance works on
 * them, each batch runs once (pg-boss hands a job to one worker), and batches that were queued or
 * in hand when an instance stopped are run by whichever instance is up (an abandoned batch expires
 * and is retried).
 */
export async function pgBossRunner(
  connection: PgBoss.DatabaseOptions,
  store: RelinkJobStore,
  relinkBatch: RelinkBatch,
  log: Core.Strapi['log'],
  { handBackAfterMs = HAND_BACK_AFTER_MS, schema = 'pgboss' }: { handBackAfterMs?: number; schema?: string } = {}
): Promise<RelinkRunner> {
  const boss = new PgBoss({
    ...connection,
    schema,
    application_name: 'newsgraph-relink',
    // Two connections per instance: one polling for batches, one for sending and upkeep.
    max: 2,
    // Cron scheduling is unused; pg-boss's maintenance (expiry, archiving) stays on.
    schedule: false,
  });
  boss.on('error', (error: Error) => log.error(`[newsgraph] relink queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(RELINK_QUEUE, {
    name: RELINK_QUEUE,
    // A batch takes about a second; one still active after 10 minutes belonged to an instance that died.
    expireInSeconds: 600,
    retryLimit: 5,
    retryDelay: 5,
    retentionMinutes: 24 * 60,
  });
  let stopped: Promise<void> | undefined;
  let stopping = false;
  const handBack = new AbortController();
  // The batches this instance is running. pg-boss's stop looks for work in progress once its worker
  // is told to stop, and sees none while the worker's fetch is still on its way: the batch that fetch
  // returns then runs after pg-boss believes itself stopped. The stop below waits for these itself.
  const inHand = new Set<Promise<void>>();
  await boss.work<RelinkBatchJob>(RELINK_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([queued]) => {
    if (!queued) return;
    // Strapi's PostgreSQL dialect makes the shared `pg` module return json columns as text.
    const { job, statementIds } = (typeof queued.data === 'string' ? JSON.parse(queued.data) : queued.data) as RelinkBatchJob;
    // Fetched after the stop began: straight back to the queue, for an instance that is up.
    if (stopping) {
      log.warn(`[newsgraph] relink batch of job ${job} handed back to the queue at shutdown`);
      throw new Error('the instance is stopping; the batch goes back to the queue');
    }
    const run = (async () => {
      try {
        const failed = await relinkBatch(statementIds, handBack.signal);
        await store.advance(job, { size: statementIds.length, failed });
      } catch (error) {
        // pg-boss retries the batch; say why, as pg-boss only stores the error on the job.
        if (handBack.signal.aborted) log.warn(`[newsgraph] relink batch of job ${job} handed back to the queue at shutdown`);
        else log.error(`[newsgraph] relink batch of job ${job} failed, to be retried: ${(error as Error).message}`);
        throw error;
      }
    })();
    inHand.add(run);
    try {
      await run;
    } finally {
      inHand.delete(run);
    }
  });

  /**
   * Resolves once no batch is in hand and pg-boss's own connections are idle (its completion or
   * failure of the last batch is sent without being awaited) at two checks in a row, or at `deadline`.
   */
  async function queueSettled(deadline: number): Promise<void> {
    const pool = (boss.getDb() as unknown as { pool?: { totalCount: number; idleCount: number; waitingCount: number } }).pool;
    let quietChecks = 0;
    while (quietChecks < 2 && Date.now() < deadline) {
      if (inHand.size > 0) await Promise.race([Promise.allSettled([...inHand]), new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const busy = inHand.size > 0 || (pool !== undefined && pool.totalCount - pool.idleCount + pool.waitingCount > 0);
      quietChecks = busy ? 0 : quietChecks + 1;
    }
  }

  return {
    kind: 'pg-boss',
    async enqueue(jobId, statementIds) {
      const batches: PgBoss.JobInsert<RelinkBatchJob>[] = [];
      for (let offset = 0; offset < statementIds.length; offset += RELINK_BATCH) {
        batches.push({ name: RELINK_QUEUE, data: { job: jobId, statementIds: statementIds.slice(offset, offset + RELINK_BATCH) } });
      }
      if (batches.length === 0) await store.advance(jobId, { size: 0, failed: 0 });
      else await boss.insert(batches);
    },
    async resume() {
      // The queue is in the database: queued and abandoned batches need nothing from this instance.
    },
    stop() {
      // Called by an explicit stop and again by the plugin's destroy: stop pg-boss once. The batch in
      // hand finishes if it can in time; otherwise it stops between two statements and fails, so pg-boss
      // retries it on an instance that is up. A batch counts only when it completes, and relinking is
      // idempotent, so the statements it relinked before stopping are simply relinked again.
      stopped ??= (async () => {
        stopping = true;
        const stopDeadline = Date.now() + handBackAfterMs + 5_000;
        const deadline = setTimeout(() => handBack.abort(), handBackAfterMs);
        try {
          // close: false, as pg-boss may have stopped before a batch fetched during its stop is through
          // (see inHand); its connections close once that batch is done or handed back.
          await boss.stop({ graceful: true, wait: true, close: false, timeout: handBackAfterMs + 5_000 });
          await queueSettled(stopDeadline);
        } finally {
          clearTimeout(deadline);
          await (boss.getDb() as unknown as { close(): Promise<void> }).close();
        }
      })();
      return stopped;
    },
  };
}
