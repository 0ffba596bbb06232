// Issue 14, audit log: each event's target is named — a dataset version by its label, a user by their e-mail —
// beside its id; a deleted draft keeps the label it had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let admin: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
});
afterAll(async () => {
  await database?.close();
});

describe('audit targets', () => {
  it('names versions by label and users by e-mail, keeping the id', async () => {
    const caller = callerFor(database, admin);
    const label = `Audited draft ${Date.now()}`;
    const draft = await caller.datasets.createDraft({ label, from: 'empty' });
    const analyst = await createTestUser(database, 'user');
    await caller.users.setDisabled({ id: analyst.id, disabled: true });
    await caller.datasets.deleteDraft({ versionId: draft.id });

    const { items } = await caller.audit.list({ actor: admin.email, pageSize: 10 });
    const of = (action: string) => items.find((e) => e.action === action);
    expect(of('dataset.draft')).toMatchObject({ target: draft.id, targetName: { kind: 'version', label } });
    expect(of('user.disable')).toMatchObject({
      target: analyst.id,
      targetName: { kind: 'user', label: analyst.email },
    });
    // The draft is gone from the database, yet both its events still say which draft it was.
    expect(of('dataset.delete-draft')).toMatchObject({
      target: draft.id,
      targetName: { kind: 'version', label },
    });
  });

  it('leaves targets that are neither a version nor a user unnamed', async () => {
    await database.db.auditEvent.create({
      data: { actorEmail: admin.email, action: 'test.other-target', target: 'something-else' },
    });
    const { items } = await callerFor(database, admin).audit.list({ action: 'test.other-target' });
    expect(items[0]).toMatchObject({ target: 'something-else', targetName: null });
  });
});
