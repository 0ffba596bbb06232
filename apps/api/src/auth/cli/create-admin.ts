// `pnpm --filter @ree/api admin:create --email you@example.org [--name "Your Name"]`
// Creates the account (or promotes an existing one) and prints a generated password once (or takes the one in
// ADMIN_PASSWORD).
// With the embedded database, stop the portal first: PGlite allows one process per data directory.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../../db/client.ts';
import { deployMigrations } from '../../db/migrator.ts';
import { loadEnv } from '../../env.ts';
import { ensureUser, randomPassword } from '../accounts.ts';
import { createAuth } from '../auth.ts';
import { passwordProblem } from '../password-policy.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = z.email().safeParse(values.email);
  if (!email.success) throw new Error('usage: admin:create --email you@example.org [--name "Your Name"]');
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  try {
    await deployMigrations(database.adapterFactory);
    const auth = createAuth({
      db: database.db,
      baseURL: env.PUBLIC_ORIGIN,
      secret: env.authSecret,
      trustedOrigins: env.trustedOrigins,
    });
    // ADMIN_PASSWORD lets automation (the browser tests) choose it; it must pass the same policy as any password.
    const chosen = process.env.ADMIN_PASSWORD;
    if (chosen !== undefined) {
      const problem = passwordProblem(chosen);
      if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`);
    }
    const password = chosen ?? randomPassword();
    const { created } = await ensureUser(auth, database.db, {
      email: email.data,
      password,
      name: values.name ?? email.data.split('@')[0] ?? 'Admin',
      role: 'admin',
    });
    console.log(
      created
        ? chosen !== undefined
          ? `Created admin ${email.data} with the password in ADMIN_PASSWORD.`
          : `Created admin ${email.data} with password: ${password}\nIt is shown only now; change it after signing in.`
        : `${email.data} already existed and is now an admin (its password is unchanged).`,
    );
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
