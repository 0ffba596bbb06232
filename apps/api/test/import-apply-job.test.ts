// A validated batch applied by a background job: queued without touching the draft, then applied whole by the
// worker with the rows it wrote counted; cancelled while queued, or refused as stale, it changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { draftWorker, productionCsv, queueUpload } from './import-jobs-support.ts';
import { type AdminDraft, openAdminDraft } from './import-support.ts';
import { callerFor } from './support.ts';

let draft: AdminDraft;
beforeAll(async () => {
  draft = await openAdminDraft('Apply jobs');
}, 60_000);
afterAll(async () => {
  await draft.database.close();
});

const caller = () => callerFor(draft.database, draft.admin);
/** The draft's rows that came from these tests' files (every generated row has quantity 100). */
const draftRows = () =>
  draft.database.db.productionRecord.count({
    where: { versionId: draft.draftId, quantity: 100, sourceId: 'usgs-mcs-2025' },
  });

/** Uploads `rows` production rows and lets the worker validate them; the batch's id. */
async function validated(rows: number, from = 0) {
  const csv = productionCsv(rows + from).split('\n');
  const jobId = await queueUpload(draft, [csv[0], ...csv.slice(1 + from)].join('\n'));
  await draftWorker(draft).runOnce();
  const job = await caller().imports.job({ jobId });
  expect(job.state).toBe('succeeded');
  return job.batchId ?? '';
}

it('queues the apply without touching the draft; the worker applies every row in one go', async () => {
  const batchId = await validated(1200);
  const before = await draftRows();
  const { jobId } = await caller().imports.queueApply({ batchId });
  // Asked twice while it waits: the same job, not a second apply.
  expect(await caller().imports.queueApply({ batchId })).toEqual({ jobId });
  expect(await caller().imports.job({ jobId })).toMatchObject({
    kind: 'apply',
    state: 'queued',
    rowsApplied: 0,
  });
  expect(await draftRows()).toBe(before);

  expect(await draftWorker(draft).runOnce()).toBe(true);
  expect(await caller().imports.job({ jobId })).toMatchObject({
    state: 'succeeded',
    rowsApplied: 1200,
    batchId,
  });
  expect(await draftRows()).toBe(before + 1200);
  const report = await caller().imports.report({ batchId });
  expect(report.batch.status).toBe('applied');
  await expect(caller().imports.queueApply({ batchId })).rejects.toThrow('already applied');
}, 60_000);

it('cancelled while queued, or stale when it runs: the draft is unchanged', async () => {
  const first = await validated(50, 2000);
  const second = await validated(50, 3000);
  const before = await draftRows();
  const cancelled = await caller().imports.queueApply({ batchId: first });
  expect(await caller().imports.cancel({ jobId: cancelled.jobId })).toEqual({ cancelled: true });
  // `second` was validated against the draft as it was; applying `first` meanwhile makes it stale.
  const stale = await caller().imports.queueApply({ batchId: second });
  await caller().imports.applyRows({ batchId: first });
  const applied = await draftRows();
  expect(applied).toBe(before + 50);
  await draftWorker(draft).runOnce();
  expect(await caller().imports.job({ jobId: cancelled.jobId })).toMatchObject({ state: 'cancelled' });
  const job = await caller().imports.job({ jobId: stale.jobId });
  expect(job).toMatchObject({ state: 'failed', rowsApplied: 0 });
  expect(job.error).toMatch(/changed/);
  expect(await draftRows()).toBe(applied);
}, 60_000);
