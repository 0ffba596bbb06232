// Test fixtures: a real database (PostgreSQL when DATABASE_URL is set, else in-memory PGlite), the seeded
// reference dataset, and users with random emails so tests never collide on a shared database.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import pino from 'pino';
import type { AlertService } from '../src/alerts/service.ts';
import { ensureUser } from '../src/auth/accounts.ts';
import { type AuthConfig, createAuth } from '../src/auth/auth.ts';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrator.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { createContextInner, type SessionUser } from '../src/trpc/context.ts';
import { createCallerFactory } from '../src/trpc/init.ts';
import { appRouter } from '../src/trpc/router.ts';

export const TEST_ORIGIN = 'http://localhost:3999';
export const silentLog = pino({ level: 'silent' });

export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: 'memory://' });
  if (database.kind === 'pglite') await deployMigrations(database.adapterFactory);
  await seedReferenceDataset(database.db, await readReferenceDataset());
  return database;
}

/** better-auth over the test database; `onSignIn` lets a test see what would be logged. */
export function testAuth(database: Database, onSignIn?: AuthConfig['onSignIn']) {
  return createAuth({
    db: database.db,
    baseURL: TEST_ORIGIN,
    secret: 'test-secret-test-secret-test-secret!',
    trustedOrigins: [TEST_ORIGIN],
    onSignIn,
  });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createTestUser(database: Database, role: 'user' | 'admin'): Promise<SessionUser> {
  const email = `${role}-${randomUUID()}@test.ree.local`;
  await ensureUser(testAuth(database), database.db, {
    email,
    password: TEST_PASSWORD,
    name: `Test ${role}`,
    role,
  });
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: 'session' };
}

const createCaller = createCallerFactory(appRouter);

/** A caller as `user`; `alerts` replaces the in-app-only alert service (a test with an SMTP sink passes one). */
export function callerFor(database: Database, user: SessionUser | null, alerts?: AlertService) {
  return createCaller(
    createContextInner({ db: database.db, user, log: silentLog, ...(alerts ? { alerts } : {}) }),
  );
}

/** 'OK', or the tRPC error code the call ended with (anything else is rethrown). */
export async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
