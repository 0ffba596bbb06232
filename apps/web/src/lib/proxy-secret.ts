// The secret the web server sends with X-Forwarded-For, so that the API believes the address in it (a local
// process connecting to the API directly has no way to send it). PROXY_SECRET, or the file the API keeps in its
// data directory (apps/api/src/http/proxy-secret.ts) when both run on one machine.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const PROXY_SECRET_HEADER = 'x-ree-proxy-secret';
export const PROXY_SECRET_FILE = 'proxy-secret';

/**
 * A function giving the current secret, or undefined while there is none. The file is read again when it
 * changes: the API makes it on its first start, possibly after the web server started, and anew if it is deleted.
 */
export function proxySecretSource(configured: string | undefined, dataDir: string): () => string | undefined {
  if (configured) return () => configured;
  const file = path.join(dataDir, PROXY_SECRET_FILE);
  let seen: { version: string; secret: string | undefined } | null = null;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    const version = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    if (seen?.version !== version) {
      const secret = readFileSync(file, 'utf8').trim();
      seen = { version, secret: secret.length >= 32 ? secret : undefined };
    }
    return seen.secret;
  };
}
