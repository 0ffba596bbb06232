// The secret that signs session cookies. Never derived from anything guessable: BETTER_AUTH_SECRET when set
// (and strong, in production), otherwise a random one made on first start and kept in the data directory, 0600.
// PostgreSQL in production still needs BETTER_AUTH_SECRET: several API instances must share one secret.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { checkPrivateFile, ensurePrivateDirectory } from '../db/private-directory.ts';
import { GENERATE_SECRET_HINT, weakSecretMessage, weakSecretProblem } from '../secret-strength.ts';

export const AUTH_SECRET_FILE = 'auth-secret';

/** Reads `<dataDir>/auth-secret`, creating it (atomically, 0600) on first use. */
export function storedAuthSecret(dataDir: string): string {
  ensurePrivateDirectory(dataDir);
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  // Written whole to a private temporary name, then linked into place: a second process starting at the same
  // moment either wins the link or reads the complete file, never half of one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(draft, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(32).toString('base64url')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  checkPrivateFile(file);
  const secret = readFileSync(file, 'utf8').trim();
  const problem = weakSecretProblem(secret);
  if (problem)
    throw new Error(`${file} does not hold a usable secret (${problem}): delete it to have one made.`);
  return secret;
}

export interface AuthSecretSource {
  configured: string | undefined;
  dataDir: string;
  production: boolean;
  postgres: boolean;
}

export function resolveAuthSecret({ configured, dataDir, production, postgres }: AuthSecretSource): string {
  if (configured) {
    const problem = production ? weakSecretProblem(configured) : null;
    if (problem) throw new Error(weakSecretMessage('BETTER_AUTH_SECRET', problem));
    return configured;
  }
  if (production && postgres) {
    throw new Error(
      `BETTER_AUTH_SECRET (32+ random characters, e.g. '${GENERATE_SECRET_HINT}') is required in production with PostgreSQL`,
    );
  }
  return storedAuthSecret(dataDir);
}
