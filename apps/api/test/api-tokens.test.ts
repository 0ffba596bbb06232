// Personal API tokens through the tRPC caller on a real database: hashed at rest, shown once, each owner's own,
// audited, limited per account (ASVS 6.4.1, 8.2.2, 16.2.1).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { MAX_ACTIVE_TOKENS } from '../src/queries/api-tokens.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let analyst: SessionUser;
let other: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  database = await openTestDatabase();
  analyst = await createTestUser(database, 'user');
  other = await createTestUser(database, 'user');
  admin = await createTestUser(database, 'admin');
});
afterAll(() => database?.close());

describe('API tokens', () => {
  it('stores only the SHA-256 of the secret, which the create answer alone carries', async () => {
    const caller = callerFor(database, analyst);
    const created = await caller.tokens.create({ name: '  Notebook  ' });
    expect(created.secret).toMatch(/^ree_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({ name: 'Notebook', status: 'active', lastUsedAt: null });
    expect(created.secret.startsWith(created.token.prefix)).toBe(true);

    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(row.secretHash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    // No column of any token row holds the secret.
    const dump = JSON.stringify(await database.db.apiToken.findMany());
    expect(dump).not.toContain(created.secret);
    expect(dump).not.toContain(created.secret.slice(12));

    // Lists never show it again, nor the hash.
    const listed = JSON.stringify(await caller.tokens.list());
    expect(listed).toContain(created.token.id);
    expect(listed).not.toContain(created.secret);
    expect(listed).not.toContain(row.secretHash);
    const all = JSON.stringify(await callerFor(database, admin).tokens.listAll({ search: analyst.email }));
    expect(all).toContain(analyst.email);
    expect(all).not.toContain(row.secretHash);
  });

  it('gives an expiry when asked, and refuses names that are empty, too long or more than one line', async () => {
    const caller = callerFor(database, analyst);
    const { token } = await caller.tokens.create({ name: 'Short-lived', expiresInDays: 7 });
    const days = ((token.expiresAt?.getTime() ?? 0) - token.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    for (const name of ['   ', 'x'.repeat(81), 'two\nlines', 'tab\there']) {
      expect(await outcomeOf(caller.tokens.create({ name }))).toBe('BAD_REQUEST');
    }
    expect(await outcomeOf(caller.tokens.create({ name: 'x'.repeat(80) }))).toBe('OK');
    expect(await outcomeOf(caller.tokens.create({ name: 'n', expiresInDays: 0 }))).toBe('BAD_REQUEST');
  });

  it("cannot revoke someone else's token (NOT_FOUND, unchanged); the owner and an admin can, audited", async () => {
    const mine = await callerFor(database, analyst).tokens.create({ name: 'Mine' });
    expect(await outcomeOf(callerFor(database, other).tokens.revoke({ id: mine.token.id }))).toBe(
      'NOT_FOUND',
    );
    // An admin's own-token procedure is no back door either: revokeAny is the admin's way.
    expect(await outcomeOf(callerFor(database, admin).tokens.revoke({ id: mine.token.id }))).toBe(
      'NOT_FOUND',
    );
    const untouched = await database.db.apiToken.findUniqueOrThrow({ where: { id: mine.token.id } });
    expect(untouched.revokedAt).toBeNull();

    const revoked = await callerFor(database, analyst).tokens.revoke({ id: mine.token.id });
    expect(revoked.status).toBe('revoked');
    const again = await callerFor(database, analyst).tokens.revoke({ id: mine.token.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);

    const theirs = await callerFor(database, other).tokens.create({ name: 'Theirs' });
    expect((await callerFor(database, admin).tokens.revokeAny({ id: theirs.token.id })).status).toBe(
      'revoked',
    );

    const events = await database.db.auditEvent.findMany({
      where: { target: { in: [mine.token.id, theirs.token.id] } },
      orderBy: { at: 'asc' },
    });
    expect(events.map((e) => [e.action, e.actorEmail])).toEqual([
      ['token.create', analyst.email],
      ['token.revoke', analyst.email],
      ['token.create', other.email],
      ['token.admin-revoke', admin.email],
    ]);
    expect(events[3]?.after).toMatchObject({ owner: other.email, status: 'revoked', name: 'Theirs' });
    expect(JSON.stringify(events)).not.toContain(mine.secret);
  });

  it(`allows ${MAX_ACTIVE_TOKENS} active tokens per account; revoking one makes room`, async () => {
    const owner = await createTestUser(database, 'user');
    const caller = callerFor(database, owner);
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) made.push(await caller.tokens.create({ name: `t${i}` }));
    expect(await outcomeOf(caller.tokens.create({ name: 'one too many' }))).toBe('CONFLICT');
    await caller.tokens.revoke({ id: made[0]?.token.id ?? '' });
    expect(await outcomeOf(caller.tokens.create({ name: 'room again' }))).toBe('OK');
  });
});
