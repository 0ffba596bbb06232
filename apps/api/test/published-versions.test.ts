// Issue 14, "as of": an analyst picks any published version — the list names each one (label, publication day,
// USGS edition) and never a draft, and an answer read as of a version names that version and its day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let analyst: SessionUser;
let draftId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  analyst = await createTestUser(database, 'user');
  const draft = await callerFor(database, admin).datasets.createDraft({
    label: `As-of draft ${Date.now()}`,
    from: 'current',
  });
  draftId = draft.id;
}, 120_000);
afterAll(async () => {
  // Leave the shared database as we found it.
  if (database && draftId) await callerFor(database, admin).datasets.deleteDraft({ versionId: draftId });
  await database?.close();
});

describe('published versions for analysts', () => {
  it('lists published versions newest first with their day and USGS edition, never a draft', async () => {
    const api = callerFor(database, analyst);
    const versions = await api.reference.versions();

    expect(versions.map((v) => v.id)).not.toContain(draftId);
    expect(versions.length).toBeGreaterThan(0);
    const times = versions.map((v) => v.publishedAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const current = versions.filter((v) => v.isCurrent);
    expect(current).toHaveLength(1);
    // The seeded reference data cites USGS MCS 2026 (published 2026-02-06).
    expect(current[0]?.usgsEdition).toBe(2026);

    const answer = await api.reference.elements({ asOf: current[0]?.id });
    expect(answer.datasetVersion).toEqual({
      id: current[0]?.id,
      label: current[0]?.label,
      publishedOn: current[0]?.publishedAt?.toISOString().slice(0, 10),
    });
    // A scenario's baseline starts from the version asked for, too.
    const baseline = await api.scenarios.baseline({ asOf: current[0]?.id });
    expect(baseline.datasetVersion.id).toBe(current[0]?.id);
  });

  it('refuses a draft or an unknown id as asOf with NOT_FOUND, naming the id', async () => {
    const api = callerFor(database, analyst);
    expect(await outcomeOf(api.reference.elements({ asOf: draftId }))).toBe('NOT_FOUND');
    expect(await outcomeOf(api.scenarios.baseline({ asOf: draftId }))).toBe('NOT_FOUND');
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(api.reference.countries({ asOf: unknown })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `No published dataset version with id ${unknown}.`,
    });
  });
});
