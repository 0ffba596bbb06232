// ASVS 8.2.1 / 8.3.1: who may call what, through a real tRPC caller on a real database.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let user: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  database = await openTestDatabase();
  user = await createTestUser(database, 'user');
  admin = await createTestUser(database, 'admin');
});
afterAll(() => database?.close());

describe('procedure guards', () => {
  it('anonymous → UNAUTHORIZED on signed-in and admin procedures', async () => {
    const anonymous = callerFor(database, null);
    expect(await outcomeOf(anonymous.me.get())).toBe('UNAUTHORIZED');
    expect(await outcomeOf(anonymous.production.concentration({}))).toBe('UNAUTHORIZED');
    expect(await outcomeOf(anonymous.users.list({}))).toBe('UNAUTHORIZED');
  });

  it('user → OK on signed-in procedures, FORBIDDEN on admin ones', async () => {
    const caller = callerFor(database, user);
    expect(await caller.me.get()).toMatchObject({ email: user.email, role: 'user' });
    expect(await outcomeOf(caller.production.concentration({}))).toBe('OK');
    expect(await outcomeOf(caller.users.list({}))).toBe('FORBIDDEN');
  });

  it('admin → OK on admin procedures', async () => {
    const caller = callerFor(database, admin);
    const page = await caller.users.list({ search: admin.email });
    expect(page.items.map((u) => u.email)).toEqual([admin.email]);
  });

  it('input errors are BAD_REQUEST with the field path', async () => {
    const caller = callerFor(database, user);
    const error = await caller.production.concentration({ year: 1200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    // Strict schemas refuse fields they do not know (ASVS 15.3.3).
    const extra = await caller.production.concentration({ role: 'admin' } as never).catch((e: unknown) => e);
    expect((extra as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('a NUL byte in any string input is BAD_REQUEST naming the field, not a database error (issue #12, finding 10)', async () => {
    const error = await callerFor(database, admin)
      .users.list({ search: 'adm\u0000in' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/"search" contains a NUL character/);
  });

  it('a lone UTF-16 surrogate in any string input is BAD_REQUEST naming the field, not a 500', async () => {
    const error = await callerFor(database, admin)
      .users.list({ search: 'adm\uD800in' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(
      /^"search" contains a broken character \(a lone UTF-16 surrogate\)/,
    );
    // One that reached a JSON column: jsonb refused it ("invalid input syntax for type json"), a 500.
    const caller = callerFor(database, user);
    const { input } = await caller.scenarios.baseline({});
    const [supplier] = input.baseline.suppliers;
    if (!supplier) throw new Error('the baseline has no supplier');
    const id = 'X\uDC00';
    const broken = {
      ...input,
      baseline: { ...input.baseline, suppliers: [{ ...supplier, id }] },
      wgi: { ...input.wgi, [id]: 1 },
    };
    const saved = await caller.scenarios.create({ name: 'Broken', input: broken }).catch((e: unknown) => e);
    expect((saved as TRPCError).code).toBe('BAD_REQUEST');
    // The path is shown with the broken character as U+FFFD, so the message itself is valid text.
    expect((saved as TRPCError).message).toMatch(/^"input\.[^"]*X\uFFFD" contains a broken character/);
  });
});
