// Two workers on one queue never run the same job: on PostgreSQL (DATABASE_URL) each has its own connection pool,
// as two API instances would; on PGlite they share the one database. Every job is executed exactly once.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { ImportWorker, type JobHandler } from '../src/imports/jobs/worker.ts';
import { openTestDatabase } from './support.ts';

const JOBS = 60;
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

it('two workers sharing one queue run every job exactly once', async () => {
  const first = await openTestDatabase();
  opened.push(first);
  const second = process.env.DATABASE_URL ? await openTestDatabase() : first;
  if (second !== first) opened.push(second);
  // A kind of its own, so other test files' jobs on a shared PostgreSQL are neither taken nor counted.
  const kind = `count-${randomUUID()}`;
  await first.db.importJob.createMany({
    data: Array.from({ length: JOBS }, (_, i) => ({
      kind,
      versionId: randomUUID(),
      fileName: `job-${i}.csv`,
      createdById: 'test',
      createdByEmail: 'test@test.ree.local',
    })),
  });
  const runs = new Map<string, string[]>();
  const handler: JobHandler = async (_db, { job, workerId, progress }) => {
    runs.set(job.id, [...(runs.get(job.id) ?? []), workerId]);
    // Long enough for the other worker to look at the queue meanwhile.
    await new Promise((r) => setTimeout(r, 5));
    await progress({ rowsRead: 1 });
    return {};
  };
  const workers = [first, second].map(
    (database) => new ImportWorker(database.db, handler, { scope: { kind }, pollMs: 5 }),
  );
  for (const worker of workers) worker.start();
  const done = async () => first.db.importJob.count({ where: { kind, state: 'succeeded' } });
  for (let i = 0; i < 400 && (await done()) < JOBS; i++) await new Promise((r) => setTimeout(r, 25));
  await Promise.all(workers.map((worker) => worker.stop()));

  expect(await done()).toBe(JOBS);
  expect(runs.size).toBe(JOBS);
  expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
  // Both took part: the race was real.
  const by = new Set([...runs.values()].map((w) => w[0]));
  expect(by.size).toBe(2);
}, 60_000);
