// Data only this process's user may touch: the embedded database, the session secret and the demo accounts.
// PGlite writes its files 0666 whatever the umask, so anyone on the machine could rewrite the cluster (and with it
// the "append-only" audit log). Directories are kept 0700 and files 0600, checked and tightened on every start; a
// tree holding something another user owns is refused, since we cannot take it back.
import { chmodSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';

export class UnsafeDataDirectoryError extends Error {
  override name = 'UnsafeDataDirectoryError';
}

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
/** POSIX modes mean nothing on Windows, where Node's chmod only toggles read-only. */
const enforced = process.platform !== 'win32';

function checkOwner(target: string, stats: Stats): void {
  const uid = process.getuid?.();
  if (uid === undefined || stats.uid === uid) return;
  throw new UnsafeDataDirectoryError(
    `${target} is owned by another user (uid ${stats.uid}); the API runs as uid ${uid}. ` +
      'Another user could change the data: move it away or fix its owner (chown) before starting.',
  );
}

/** Gives one entry the private mode when its group/other bits are set. */
function tighten(target: string, stats: Stats): void {
  checkOwner(target, stats);
  if (stats.isSymbolicLink()) return; // a link's own mode is meaningless; its target is checked where it lives
  if ((stats.mode & 0o077) === 0) return;
  chmodSync(target, stats.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE);
}

/** Creates the directory (and missing parents) 0700, or checks and tightens an existing one. */
export function ensurePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (enforced) tighten(dir, lstatSync(dir));
}

/** The directory and everything under it: directories 0700, files 0600, all owned by us. */
export function securePrivateTree(dir: string): void {
  ensurePrivateDirectory(dir);
  if (!enforced) return;
  const walk = (parent: string) => {
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const target = path.join(parent, entry.name);
      tighten(target, lstatSync(target));
      if (entry.isDirectory()) walk(target);
    }
  };
  walk(dir);
}

/** Refuses a file group or others can read or write (a secret kept in it could be read or replaced). */
export function checkPrivateFile(file: string): void {
  if (!enforced) return;
  const stats = lstatSync(file);
  checkOwner(file, stats);
  if (!stats.isFile() || (stats.mode & 0o077) !== 0) {
    throw new UnsafeDataDirectoryError(
      `${file} is readable by other users (mode ${(stats.mode & 0o777).toString(8)}). ` +
        `Run 'chmod 600 ${file}', or delete it to have a new one made (everyone is then signed out).`,
    );
  }
}
