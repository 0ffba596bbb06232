// Issue 14, deleting a draft: its rows and imports go in one transaction and the deletion is audited; a published
// version, the current one, or a draft a file is still being read into is refused with a conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { rowCounts } from '../src/queries/dataset-versions.ts';
import { deleteDraft } from '../src/queries/delete-draft.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { chunks, PRODUCTION_HEADER, productionRow, stageAndReport } from './import-support.ts';
import { countQueries } from './query-counter.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
});
afterAll(async () => {
  await database?.close();
});

const totalRows = async (versionId: string) =>
  Object.values(await rowCounts(database.db, versionId)).reduce((a, b) => a + b, 0);

describe('delete a draft', () => {
  it('removes the draft, its rows and its imports, and audits it', async () => {
    const caller = callerFor(database, admin);
    const label = `Doomed draft ${Date.now()}`;
    const draft = await caller.datasets.createDraft({ label, from: 'current' });
    const staged = await stageAndReport(
      { database, admin, draftId: draft.id },
      'production.csv',
      chunks(`${PRODUCTION_HEADER}\n${productionRow('2001')}\n`),
    );
    await caller.imports.applyRows({ batchId: staged.batchId });
    const rowsBefore = await totalRows(draft.id);
    expect(rowsBefore).toBeGreaterThan(0);

    expect(await caller.datasets.deleteDraft({ versionId: draft.id })).toEqual({ id: draft.id, label });

    expect((await caller.datasets.versions()).some((v) => v.id === draft.id)).toBe(false);
    expect(await totalRows(draft.id)).toBe(0);
    expect(await database.db.importBatch.count({ where: { versionId: draft.id } })).toBe(0);
    expect(await database.db.importRow.count({ where: { batchId: staged.batchId } })).toBe(0);
    const [event] = (await caller.audit.list({ action: 'dataset.delete-draft', actor: admin.email })).items;
    expect(event).toMatchObject({
      action: 'dataset.delete-draft',
      target: draft.id,
      actorEmail: admin.email,
      before: { label, rows: expect.any(Object), imports: 1 },
    });
    expect(await outcomeOf(caller.datasets.deleteDraft({ versionId: draft.id }))).toBe('NOT_FOUND');
  });

  it('deletes nothing when the draft has changed since the admin was shown its row count', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({
      label: `Changing draft ${Date.now()}`,
      from: 'current',
    });
    const shown = await totalRows(draft.id);
    // An import lands between the confirmation dialog and the click.
    const staged = await stageAndReport(
      { database, admin, draftId: draft.id },
      'production.csv',
      chunks(`${PRODUCTION_HEADER}\n${productionRow('2002')}\n`),
    );
    await caller.imports.applyRows({ batchId: staged.batchId });
    const now = await totalRows(draft.id);
    expect(now).toBe(shown + 1);

    await expect(caller.datasets.deleteDraft({ versionId: draft.id, expectedRows: shown })).rejects.toThrow(
      `now has ${now.toLocaleString('en')} rows, not the ${shown.toLocaleString('en')} you were shown: nothing was deleted`,
    );
    expect(await totalRows(draft.id)).toBe(now);
    expect(await caller.datasets.deleteDraft({ versionId: draft.id, expectedRows: now })).toMatchObject({
      id: draft.id,
    });
  });

  it('refuses the current version and any published one, and changes nothing', async () => {
    const caller = callerFor(database, admin);
    const current = await resolveVersion(database.db);
    const rows = await totalRows(current.id);
    expect(await outcomeOf(caller.datasets.deleteDraft({ versionId: current.id }))).toBe('CONFLICT');
    await expect(caller.datasets.deleteDraft({ versionId: current.id })).rejects.toThrow(/current version/);

    // A published version that is no longer current: still history, still refused.
    const draft = await caller.datasets.createDraft({ label: `Published ${Date.now()}`, from: 'empty' });
    await caller.datasets.publish({ versionId: draft.id, note: 'to be rolled back' });
    await caller.datasets.rollback({ versionId: current.id });
    await expect(caller.datasets.deleteDraft({ versionId: draft.id })).rejects.toThrow(/published/);
    expect((await caller.datasets.versions()).some((v) => v.id === draft.id)).toBe(true);
    expect(await totalRows(current.id)).toBe(rows);
  });

  it('refuses a draft a file is still being read into', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Importing ${Date.now()}`, from: 'empty' });
    // A batch still staging, its server alive (a fresh heartbeat), as stageImport leaves it while it reads.
    await database.db.importBatch.create({
      data: {
        versionId: draft.id,
        fileName: 'production.csv',
        format: 'csv',
        contentHash: 'x'.repeat(64),
        bytes: 1,
        createdById: admin.id,
        createdByEmail: admin.email,
      },
    });
    await expect(caller.datasets.deleteDraft({ versionId: draft.id })).rejects.toThrow(/being read/);
    expect((await caller.datasets.versions()).some((v) => v.id === draft.id)).toBe(true);
  });

  it('is for admins only', async () => {
    const draft = await callerFor(database, admin).datasets.createDraft({
      label: `Not yours ${Date.now()}`,
      from: 'empty',
    });
    const analyst = callerFor(database, await createTestUser(database, 'user'));
    expect(await outcomeOf(analyst.datasets.deleteDraft({ versionId: draft.id }))).toBe('FORBIDDEN');
    expect(await outcomeOf(callerFor(database, null).datasets.deleteDraft({ versionId: draft.id }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it("locks the draft's import batches before the version, in the order an apply does", async () => {
    // An apply locks its batch, then the version (apply-import.ts); a delete taking them the other way round
    // deadlocks with it on PostgreSQL, and the database answers one of the two with an error (a 500).
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Lock order ${Date.now()}`, from: 'empty' });
    await stageAndReport(
      { database, admin, draftId: draft.id },
      'production.csv',
      chunks(`${PRODUCTION_HEADER}\n${productionRow('2002')}\n`),
    );
    const counted = countQueries(database);
    try {
      await deleteDraft(counted.db, { id: admin.id, email: admin.email, ip: null }, { versionId: draft.id });
      const firstLock = (table: string) =>
        counted.statements.findIndex((s) => s.sql.includes(`"${table}"`) && /FOR UPDATE/i.test(s.sql));
      expect(firstLock('import_batch')).toBeGreaterThanOrEqual(0);
      expect(firstLock('import_batch')).toBeLessThan(firstLock('dataset_version'));
    } finally {
      await counted.close();
    }
  });
});
