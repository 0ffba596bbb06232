// The embedded database refuses a second process (or a second open) on the same data directory, which would
// corrupt it, and takes over a lock left by a process that is gone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { DataDirectoryInUseError } from '../src/db/pglite-lock.ts';

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

it('one process per PGlite directory; a stale lock is taken over', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'ree-lock-'));
  scratch.push(parent);
  const dir = path.join(parent, 'pglite');
  const first = await openDatabase({ pgliteDir: dir });
  const second = openDatabase({ pgliteDir: dir });
  await expect(second).rejects.toBeInstanceOf(DataDirectoryInUseError);
  // The message says what to do: stop the holder, or use another data directory, or remove a stale lock.
  await expect(second).rejects.toThrow(`stop that process (kill ${process.pid})`);
  await expect(second).rejects.toThrow('REE_DATA_DIR=');
  await expect(second).rejects.toThrow(`delete ${dir}.lock`);
  await first.close();

  // A lock whose process no longer exists (pid 2^22 + 1 is above Linux's pid_max default).
  await writeFile(`${dir}.lock`, String(2 ** 22 + 1));
  const again = await openDatabase({ pgliteDir: dir });
  await again.db.$queryRaw`SELECT 1`;
  await again.close();
}, 60_000);
