// Issue 7, datasets: draft from the current version, publish with a note (immutable, current), roll back — the
// analysts' answers follow the current version, nothing is deleted, and each step is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { rowCounts } from '../src/queries/dataset-versions.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let originalCurrent: string;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  originalCurrent = (await resolveVersion(database.db)).id;
});
afterAll(async () => {
  // Leave the shared database as we found it: the original version current again (a rollback, as an admin would).
  if (database) await callerFor(database, admin).datasets.rollback({ versionId: originalCurrent });
  await database?.close();
});

describe('dataset versions', () => {
  it('draft → publish → roll back, each audited; published drafts are immutable; nothing is deleted', async () => {
    const caller = callerFor(database, admin);
    const analyst = callerFor(database, await createTestUser(database, 'user'));
    const label = `Test draft ${Date.now()}`;
    const draft = await caller.datasets.createDraft({ label, from: 'current' });
    expect(await rowCounts(database.db, draft.id)).toEqual(await rowCounts(database.db, originalCurrent));
    const listed = (await caller.datasets.versions()).find((v) => v.id === draft.id);
    expect(listed).toMatchObject({ status: 'draft', isCurrent: false, publishedBy: null });

    // A draft can be edited (here directly; the editing procedures are still to come).
    await database.db.productionRecord.updateMany({
      where: { versionId: draft.id, country: 'CHN', year: 2024, stage: 'mining', unit: 't' },
      data: { quantity: 280_000 },
    });
    expect(await outcomeOf(caller.datasets.publish({ versionId: draft.id, note: '' }))).toBe('BAD_REQUEST');
    await caller.datasets.publish({ versionId: draft.id, note: 'China 2024 revised' });
    const china = async () =>
      (await analyst.production.concentration({ year: 2024 })).rows.find((r) => r.country === 'CHN')?.value;
    expect(await china()).toBe(280_000);
    expect((await caller.datasets.versions()).find((v) => v.id === draft.id)).toMatchObject({
      status: 'published',
      isCurrent: true,
      publishedBy: admin.email,
      note: 'China 2024 revised',
    });
    await expect(
      database.db.$executeRawUnsafe(
        `UPDATE "production_record" SET "quantity" = 1 WHERE "versionId" = $1`,
        draft.id,
      ),
    ).rejects.toThrow(/published/);
    expect(await outcomeOf(caller.datasets.publish({ versionId: draft.id, note: 'again' }))).toBe('CONFLICT');

    await caller.datasets.rollback({ versionId: originalCurrent });
    expect(await china()).toBe(270_000);
    const versions = await caller.datasets.versions();
    expect(versions.filter((v) => v.isCurrent).map((v) => v.id)).toEqual([originalCurrent]);
    expect(versions.some((v) => v.id === draft.id)).toBe(true);

    const actions = (
      await caller.audit.list({ actor: admin.email, action: 'dataset.', pageSize: 100 })
    ).items.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['dataset.rollback', 'dataset.publish', 'dataset.draft']);
  });

  it('an empty draft has no rows; a label cannot be used twice', async () => {
    const caller = callerFor(database, admin);
    const label = `Empty ${Date.now()}`;
    const draft = await caller.datasets.createDraft({ label, from: 'empty' });
    expect(Object.values(await rowCounts(database.db, draft.id)).every((n) => n === 0)).toBe(true);
    expect(await outcomeOf(caller.datasets.createDraft({ label }))).toBe('CONFLICT');
    expect(await outcomeOf(caller.datasets.rollback({ versionId: draft.id }))).toBe('CONFLICT');
  });
});
