// Issue 7: editing draft rows with optimistic concurrency (50 admins saving the same row at once: one wins, the
// others get a conflict), the diff between versions with its headline figures, concurrent publishes, and a
// forced password reset. Runs on PGlite and PostgreSQL; on PostgreSQL the parallel calls really overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import {
  callerFor,
  createTestUser,
  openTestDatabase,
  outcomeOf,
  TEST_PASSWORD,
  testAuth,
} from './support.ts';

let database: Database;
let admin: SessionUser;
let originalCurrent: string;

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  originalCurrent = (await resolveVersion(database.db)).id;
});
afterAll(async () => {
  if (database) await callerFor(database, admin).datasets.rollback({ versionId: originalCurrent });
  await database?.close();
});

const CHN_2025 = {
  country: 'CHN',
  stage: 'mining',
  material: 'REE',
  year: 2025,
  unit: 't',
  basis: 'REO',
  projection: false,
  sourceId: 'usgs-mcs-2026',
};

async function chinaRow(versionId: string) {
  const page = await callerFor(database, admin).datasets.records({
    versionId,
    entity: 'production',
    search: 'CHN mining REE 2025 t REO false usgs-mcs-2026',
  });
  const item = page.items.find((i) => JSON.stringify(i.key) === JSON.stringify(CHN_2025));
  if (!item) throw new Error('CHN 2025 row not found');
  return { page, item };
}

describe('editing draft rows', () => {
  it('lists rows with their key and rowVersion; a published version is read-only', async () => {
    const caller = callerFor(database, admin);
    const published = await caller.datasets.records({
      versionId: originalCurrent,
      entity: 'countries',
      pageSize: 5,
    });
    expect(published.editable).toBe(false);
    expect(published.pageInfo.total).toBeGreaterThan(5);
    expect(published.items).toHaveLength(5);
    expect(published.columns.map((c) => c.header)).toEqual(['iso3', 'name', 'region']);
    const country = published.items[0];
    if (!country) throw new Error('no country');
    expect(
      await outcomeOf(
        caller.datasets.updateRecord({
          versionId: originalCurrent,
          entity: 'countries',
          key: country.key,
          rowVersion: country.rowVersion,
          values: { ...country.values, name: 'Changed' },
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('validates with the entity schema, saves, audits before/after, and refuses a stale rowVersion', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Edit ${Date.now()}` });
    const { item } = await chinaRow(draft.id);
    const edit = (quantity: number, rowVersion = item.rowVersion) =>
      caller.datasets.updateRecord({
        versionId: draft.id,
        entity: 'production',
        key: item.key,
        rowVersion,
        values: { ...item.values, quantity } as never,
      });
    await expect(edit(-1)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const saved = await edit(280_000);
    expect(saved.rowVersion).toBe(item.rowVersion + 1);
    // The second admin still holds the old rowVersion: a conflict, not a silent overwrite.
    await expect(edit(290_000)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/Someone else saved this row/),
    });
    expect((await chinaRow(draft.id)).item.values.quantity).toBe(280_000);
    const audit = await caller.audit.list({ action: 'dataset.edit' });
    expect(audit.items[0]).toMatchObject({
      actorEmail: admin.email,
      target: draft.id,
      before: { entity: 'production', row: { quantity: 270_000 } },
      after: { entity: 'production', row: { quantity: 280_000 } },
    });
  });

  it('50 parallel saves of the same row: exactly one lands, 49 conflicts, the row holds the winner’s value', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Parallel ${Date.now()}` });
    const { item } = await chinaRow(draft.id);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        caller.datasets
          .updateRecord({
            versionId: draft.id,
            entity: 'production',
            key: item.key,
            rowVersion: item.rowVersion,
            values: { ...item.values, quantity: 100_000 + i } as never,
          })
          .then(() => ({ ok: true as const, i }))
          .catch((error: { code?: string }) => ({ ok: false as const, code: error.code })),
      ),
    );
    const winners = outcomes.filter((o) => o.ok);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => o.code === 'CONFLICT')).toBe(true);
    const after = (await chinaRow(draft.id)).item;
    expect(after.values.quantity).toBe(100_000 + (winners[0]?.i ?? -1));
    expect(after.rowVersion).toBe(item.rowVersion + 1);
  });

  it('deletes a row, unless other rows refer to it', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Delete ${Date.now()}` });
    const { item } = await chinaRow(draft.id);
    const china = (await caller.datasets.records({ versionId: draft.id, entity: 'countries', search: 'CHN' }))
      .items[0];
    if (!china) throw new Error('no CHN');
    await expect(
      caller.datasets.deleteRecord({
        versionId: draft.id,
        entity: 'countries',
        key: china.key,
        rowVersion: china.rowVersion,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/refer/) });
    await caller.datasets.deleteRecord({
      versionId: draft.id,
      entity: 'production',
      key: item.key,
      rowVersion: item.rowVersion,
    });
    await expect(chinaRow(draft.id)).rejects.toThrow(/not found/);
  });
});

describe('diff and publishing', () => {
  it('shows rows added, removed and changed with the fields, and the headline figures that moved', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Diff ${Date.now()}` });
    const { item } = await chinaRow(draft.id);
    await caller.datasets.updateRecord({
      versionId: draft.id,
      entity: 'production',
      key: item.key,
      rowVersion: item.rowVersion,
      values: { ...item.values, quantity: 285_000 } as never,
    });
    const diff = await caller.datasets.diff({ from: originalCurrent, to: draft.id });
    const production = diff.entities.find((e) => e.entity === 'production');
    expect(production?.counts).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(production?.changed[0]).toMatchObject({
      fields: ['quantity'],
      before: { quantity: 270_000 },
      after: { quantity: 285_000 },
    });
    expect(
      diff.entities
        .filter((e) => e.entity !== 'production')
        .every((e) => e.counts.changed + e.counts.added + e.counts.removed === 0),
    ).toBe(true);
    const hhi = diff.headline.find((h) => h.figure === 'HHI, REE mining 2025');
    expect(hhi?.before).toBeCloseTo(5054, 0);
    expect(hhi?.after).toBeGreaterThan(hhi?.before ?? Infinity);
    expect(hhi?.change).toBeCloseTo((hhi?.after ?? 0) - (hhi?.before ?? 0), 1);
    const same = await caller.datasets.diff({ from: originalCurrent, to: originalCurrent });
    expect(same.headline.every((h) => h.change === 0 || h.change === null)).toBe(true);
  });

  it('concurrent publishes: the same draft twice gives one publish and one conflict; two drafts leave one current', async () => {
    const caller = callerFor(database, admin);
    const a = await caller.datasets.createDraft({ label: `Race A ${Date.now()}` });
    const b = await caller.datasets.createDraft({ label: `Race B ${Date.now()}` });
    const twice = await Promise.all([
      outcomeOf(caller.datasets.publish({ versionId: a.id, note: 'first' })),
      outcomeOf(caller.datasets.publish({ versionId: a.id, note: 'second' })),
    ]);
    expect(twice.sort()).toEqual(['CONFLICT', 'OK']);
    const c = await caller.datasets.createDraft({ label: `Race C ${Date.now()}` });
    const both = await Promise.all([
      outcomeOf(caller.datasets.publish({ versionId: b.id, note: 'draft b' })),
      outcomeOf(caller.datasets.publish({ versionId: c.id, note: 'draft c' })),
      outcomeOf(caller.datasets.rollback({ versionId: originalCurrent })),
    ]);
    expect(both).toEqual(['OK', 'OK', 'OK']);
    const current = (await caller.datasets.versions()).filter((v) => v.isCurrent);
    expect(current).toHaveLength(1);
  });
});

describe('forced password reset', () => {
  it('ends the sessions; after signing in the user can only change the password, which lifts the block', async () => {
    const auth = testAuth(database);
    const user = await createTestUser(database, 'user');
    const signIn = () =>
      auth.api.signInEmail({ body: { email: user.email, password: TEST_PASSWORD }, asResponse: true });
    expect((await signIn()).status).toBe(200);
    const reset = await callerFor(database, admin).users.forcePasswordReset({ id: user.id });
    expect(reset.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0);

    const flagged = { ...user, mustChangePassword: true };
    const blocked = callerFor(database, flagged);
    expect(await outcomeOf(blocked.reference.elements({}))).toBe('FORBIDDEN');
    expect((await blocked.me.get()).mustChangePassword).toBe(true);

    const response = await signIn();
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const changed = await auth.api.changePassword({
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase 42' },
      headers: new Headers({ cookie }),
      asResponse: true,
    });
    expect(changed.status).toBe(200);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(
      false,
    );
    const audit = await callerFor(database, admin).audit.list({ action: 'user.force-password-reset' });
    expect(audit.items[0]).toMatchObject({ target: user.id, actorEmail: admin.email });
  });
});
