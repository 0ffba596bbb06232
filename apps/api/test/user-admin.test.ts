// Issue 7, users and audit: role changes and disabling with last-admin protection, sessions ended at once,
// every change audited with before/after, and an audit log the database keeps append-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let user: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  user = await createTestUser(database, 'user');
});
afterAll(() => database?.close());

describe('user administration', () => {
  it('an admin changes a role; it takes effect at once and is audited with before and after', async () => {
    const caller = callerFor(database, admin);
    await caller.users.setRole({ id: user.id, role: 'admin' });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('admin');
    const log = await caller.audit.list({ action: 'user.role', actor: admin.email });
    expect(log.items[0]).toMatchObject({
      actorId: admin.id,
      action: 'user.role',
      target: user.id,
      before: { role: 'user' },
      after: { role: 'admin' },
    });
    await caller.users.setRole({ id: user.id, role: 'user' });
  });

  it('an admin cannot remove their own admin role, nor disable themselves as the last admin', async () => {
    const caller = callerFor(database, admin);
    await expect(caller.users.setRole({ id: admin.id, role: 'user' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('your own admin role'),
    });
    // Make this admin the only enabled one (other test files may have created admins on a shared database).
    const others = await database.db.user.findMany({
      where: { role: 'admin', disabled: false, id: { not: admin.id } },
    });
    await database.db.user.updateMany({
      where: { id: { in: others.map((o) => o.id) } },
      data: { disabled: true },
    });
    try {
      await expect(caller.users.setDisabled({ id: admin.id, disabled: true })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('last admin'),
      });
    } finally {
      await database.db.user.updateMany({
        where: { id: { in: others.map((o) => o.id) } },
        data: { disabled: false },
      });
    }
  });

  it("disabling ends the user's sessions at once; re-enabling lets them back", async () => {
    const victim = await createTestUser(database, 'user');
    await database.db.session.create({
      data: {
        id: crypto.randomUUID(),
        token: crypto.randomUUID(),
        userId: victim.id,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const open = await database.db.session.count({ where: { userId: victim.id } });
    expect(open).toBeGreaterThanOrEqual(1);
    const caller = callerFor(database, admin);
    const result = await caller.users.setDisabled({ id: victim.id, disabled: true });
    expect(result.sessionsEnded).toBe(open);
    expect(await database.db.session.count({ where: { userId: victim.id } })).toBe(0);
    await caller.users.setDisabled({ id: victim.id, disabled: false });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: victim.id } })).disabled).toBe(false);
    const actions = (await caller.audit.list({ actor: admin.email, pageSize: 100 })).items
      .filter((e) => e.target === victim.id)
      .map((e) => e.action);
    expect(actions).toEqual(['user.enable', 'user.disable']);
  });

  it('an unknown user id is NOT_FOUND; users cannot call any of it', async () => {
    expect(await outcomeOf(callerFor(database, admin).users.setRole({ id: 'nobody', role: 'admin' }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await outcomeOf(callerFor(database, user).users.setDisabled({ id: admin.id, disabled: true })),
    ).toBe('FORBIDDEN');
    expect(await outcomeOf(callerFor(database, user).audit.list({}))).toBe('FORBIDDEN');
  });

  it('the database keeps the audit log append-only', async () => {
    await expect(
      database.db.$executeRawUnsafe(`UPDATE "audit_event" SET "action" = 'forged'`),
    ).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRawUnsafe(`DELETE FROM "audit_event"`)).rejects.toThrow(/append-only/);
  });
});
