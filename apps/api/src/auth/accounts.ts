// Creating accounts outside the sign-up form: the first admin, and the demo accounts of the embedded default.
import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { changedHere, notifyChange } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import { ensurePrivateDirectory } from '../db/private-directory.ts';
import type { Auth } from './auth.ts';

/** 24 random characters from a URL-safe alphabet: far beyond any guessing, still typeable. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Creates the account (or finds it) and gives it the role. Returns whether it was created. */
export async function ensureUser(
  auth: Auth,
  db: Db,
  { email, password, name, role }: { email: string; password: string; name: string; role: 'user' | 'admin' },
): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!existing) await auth.api.signUpEmail({ body: { email, password, name } });
  // A role given from the command line reaches the running instances' session caches too.
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { email: email.toLowerCase() }, data: { role } });
    await notifyChange(tx, { kind: 'user', id: updated.id });
    return updated;
  });
  changedHere(db, { kind: 'user', id: user.id });
  return { created: !existing };
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

/**
 * On the embedded default only, when no account exists yet: one demo admin and one demo analyst with random
 * passwords, kept in a file only the owner can read. Returns the file's path, or null when nothing was created.
 */
export async function createDemoAccounts(auth: Auth, db: Db, dataDir: string): Promise<string | null> {
  if ((await db.user.count()) > 0) return null;
  const accounts = [
    { email: 'admin@demo.ree.local', name: 'Demo admin', role: 'admin' as const, password: randomPassword() },
    {
      email: 'analyst@demo.ree.local',
      name: 'Demo analyst',
      role: 'user' as const,
      password: randomPassword(),
    },
  ];
  for (const account of accounts) await ensureUser(auth, db, account);
  ensurePrivateDirectory(dataDir);
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
  const text = accounts.map((a) => `${a.role}\t${a.email}\t${a.password}`).join('\n');
  await writeFile(file, `# Demo accounts of the embedded database (role, email, password)\n${text}\n`, {
    mode: 0o600,
  });
  await chmod(file, 0o600);
  return file;
}
