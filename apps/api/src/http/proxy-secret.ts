// The secret the web server sends with X-Forwarded-For (see security.ts: clientIp). PROXY_SECRET when it is set
// (e.g. when the web server runs on another machine); otherwise a random one the API keeps in its data
// directory, readable only by the user running the portal, where the web server on the same machine reads it.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { weakSecretMessage, weakSecretProblem } from '../secret-strength.ts';

export const PROXY_SECRET_FILE = 'proxy-secret';

/**
 * PROXY_SECRET as configured, refused in production when it is weak (loadEnv checks it at start-up): with it,
 * anyone who can reach the API can say which address a request came from, and so escape the per-address limits.
 */
export function checkedProxySecret(configured: string | undefined, production: boolean): string | undefined {
  const problem = configured && production ? weakSecretProblem(configured) : null;
  if (problem)
    throw new Error(`${weakSecretMessage('PROXY_SECRET', problem)} Give the web server the same value.`);
  return configured;
}

/** The shared secret: `configured`, or the one in `dataDir` (made on first use, mode 0600). */
export function loadProxySecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, PROXY_SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // An older or copied file may have looser permissions than the ones we would give it.
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  const problem = weakSecretProblem(secret);
  if (problem) {
    throw new Error(`${file} holds no usable proxy secret (${problem}): delete it and start again.`);
  }
  return secret;
}
