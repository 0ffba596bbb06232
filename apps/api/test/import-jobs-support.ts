// What the import job tests share: a draft with an admin, an upload queued as a job, and workers scoped to it.

import { runApplyJob } from '../src/imports/jobs/apply-job.ts';
import { jobErrorMessage } from '../src/imports/jobs/job-status.ts';
import type { Progress } from '../src/imports/jobs/queue.ts';
import { enqueueValidateJob, validateJob } from '../src/imports/jobs/validate-job.ts';
import { ImportWorker, type JobContext, type JobHandler } from '../src/imports/jobs/worker.ts';
import { type AdminDraft, chunks, PRODUCTION_HEADER } from './import-support.ts';

const COUNTRIES = 'AUS BRA CAN CHN EST GRL IND JPN MDG MMR MYS NGA RUS THA TZA USA VNM ZAF FRA KOR'.split(
  ' ',
);
const STAGES = ['mining', 'separation', 'metal', 'magnet', 'recycling'];

/** A production.csv of `rows` (up to 7,700) valid rows with distinct keys, none in the future. */
export function productionCsv(rows: number): string {
  const line = (i: number) =>
    `${COUNTRIES[Math.floor(i / 385) % 20]},${STAGES[Math.floor(i / 77) % 5]},REE,${1950 + (i % 77)},100,t,REO,false,usgs-mcs-2025,verified`;
  return `${PRODUCTION_HEADER}\n${Array.from({ length: rows }, (_, i) => line(i)).join('\n')}\n`;
}

/** Queues `csv` as the admin's upload of production.csv into the draft. */
export async function queueUpload(
  { database, admin, draftId }: AdminDraft,
  csv: string,
  name = 'production.csv',
) {
  const { jobId } = await enqueueValidateJob(
    database.db,
    { versionId: draftId, fileName: name, actor: { id: admin.id, email: admin.email, ip: '127.0.0.1' } },
    chunks(csv, 64 * 1024),
  );
  return jobId;
}

/** A worker that takes only this draft's jobs and validates them, with `wrap` seeing each progress report. */
export function draftWorker(
  { database, draftId }: AdminDraft,
  wrap?: (context: JobContext, report: Progress) => Promise<void>,
) {
  const validate = validateJob(1_000_000, 0);
  const handler: JobHandler = (db, context) =>
    (context.job.kind === 'apply' ? runApplyJob : validate)(db, {
      ...context,
      progress: async (p) => {
        await context.progress(p);
        await wrap?.(context, p);
      },
    });
  return new ImportWorker(database.db, handler, {
    scope: { versionId: draftId },
    pollMs: 20,
    messageOf: jobErrorMessage,
  });
}
