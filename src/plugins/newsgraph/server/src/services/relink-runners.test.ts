import type { Core } from '@strapi/strapi';
import { inProcessRunner, pgBossConnection, RELINK_BATCH, type RelinkJobStore } from './relink-runners';

const silentLog = { error: () => undefined } as unknown as Core.Strapi['log'];

/** A job store in memory, as the service keeps in the database. */
function memoryStore(jobs: Array<{ id: string; statementIds: string[]; cursor: number }>) {
  const progress = new Map(jobs.map((job) => [job.id, { done: job.cursor, failed: 0, cursor: job.cursor, finished: false }]));
  const store: RelinkJobStore = {
    async unfinished() {
      return jobs.filter((job) => !progress.get(job.id)!.finished).map((job) => ({ ...job, cursor: progress.get(job.id)!.cursor }));
    },
    async advance(jobId, batch) {
      const job = jobs.find((candidate) => candidate.id === jobId)!;
      const state = progress.get(jobId)!;
      state.done = Math.min(job.statementIds.length, state.done + batch.size);
      state.failed += batch.failed;
      if (batch.cursor !== undefined) state.cursor = batch.cursor;
      if (state.done >= job.statementIds.length) state.finished = true;
    },
  };
  return { store, progress };
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => `statement-${index}`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('inProcessRunner', () => {
  it('inProcessRunner - should relink every statement of a job in batches and mark it done', async () => {
    const job = { id: 'job-1', statementIds: ids(RELINK_BATCH * 2 + 7), cursor: 0 };
    const { store, progress } = memoryStore([job]);
    const batches: string[][] = [];
    const runner = inProcessRunner(store, async (batch) => (batches.push(batch), 0), silentLog);
    await runner.enqueue(job.id, job.statementIds);
    while (!progress.get(job.id)!.finished) await settle();
    expect(batches.flat()).toEqual(job.statementIds);
    expect(batches.every((batch) => batch.length <= RELINK_BATCH)).toBe(true);
  });

  it('inProcessRunner - should stop between batches and leave the job where a new runner resumes it', async () => {
    const job = { id: 'job-2', statementIds: ids(RELINK_BATCH * 3), cursor: 0 };
    const { store, progress } = memoryStore([job]);
    const first: string[] = [];
    const stopping = inProcessRunner(store, async (batch) => (first.push(...batch), 0), silentLog);
    await stopping.enqueue(job.id, job.statementIds);
    await stopping.stop();
    expect(first).toHaveLength(RELINK_BATCH);
    expect(progress.get(job.id)).toMatchObject({ cursor: RELINK_BATCH, finished: false });

    const second: string[] = [];
    const restarted = inProcessRunner(store, async (batch) => (second.push(...batch), 0), silentLog);
    await restarted.resume();
    while (!progress.get(job.id)!.finished) await settle();
    expect([...first, ...second]).toEqual(job.statementIds);
  });

  it('inProcessRunner - should count failed statements and still finish the job', async () => {
    const job = { id: 'job-3', statementIds: ids(3), cursor: 0 };
    const { store, progress } = memoryStore([job]);
    const runner = inProcessRunner(store, async (batch) => batch.filter((id) => id.endsWith('1')).length, silentLog);
    await runner.enqueue(job.id, job.statementIds);
    while (!progress.get(job.id)!.finished) await settle();
    expect(progress.get(job.id)).toMatchObject({ done: 3, failed: 1 });
  });

  it('inProcessRunner - should finish an empty job at once', async () => {
    const job = { id: 'job-4', statementIds: [], cursor: 0 };
    const { store, progress } = memoryStore([job]);
    const runner = inProcessRunner(store, async () => 0, silentLog);
    await runner.enqueue(job.id, []);
    await settle();
    expect(progress.get(job.id)!.finished).toBe(true);
  });
});

describe('pgBossConnection', () => {
  it('pgBossConnection - should take a connection string as it is', () => {
    expect(pgBossConnection('postgres://newsroom@db/newsgraph')).toEqual({ connectionString: 'postgres://newsroom@db/newsgraph' });
  });

  it('pgBossConnection - should carry host, port, database, user, password and ssl, and leave out empty ones and the app schema', () => {
    expect(pgBossConnection({ host: 'db', port: '5433', database: 'newsgraph', user: 'newsroom', password: '', ssl: { rejectUnauthorized: true }, schema: 'public' })).toEqual({
      host: 'db',
      port: 5433,
      database: 'newsgraph',
      user: 'newsroom',
      ssl: { rejectUnauthorized: true },
    });
    expect(pgBossConnection({ connectionString: 'postgres://db/newsgraph', ssl: false })).toEqual({ connectionString: 'postgres://db/newsgraph' });
  });
});
