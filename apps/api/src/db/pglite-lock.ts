// One process per PGlite data directory: a second one (another `pnpm start`, or `admin:create` while the portal
// runs) would write to the same files and corrupt them. The lock is a file holding the owner's pid; a lock whose
// process is gone (a crash, kill -9) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirectoryInUseError extends Error {
  override name = 'DataDirectoryInUseError';
}

/** Whether a process with this id exists (one of another user's counts: EPERM). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock, or throws DataDirectoryInUseError. Returns the function that gives it back. */
export function lockDataDirectory(dir: string): () => void {
  // Beside the directory, not in it: PGlite owns what is inside.
  const file = `${path.resolve(dir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && processAlive(owner)) {
        throw new DataDirectoryInUseError(
          `The embedded database in ${dir} is in use by process ${owner} (is the portal already running?). ` +
            `PGlite allows one process per data directory: stop that process (kill ${owner}) and start again, ` +
            'or give this one a data directory of its own with REE_DATA_DIR=<another folder>. ' +
            `If process ${owner} is not a portal (its number was reused after a crash), delete ${file}.`,
        );
      }
      rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new DataDirectoryInUseError(`Could not lock ${dir}.`);
}
