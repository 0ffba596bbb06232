// Finding 8 of issue #12: the embedded database's directory is 0700 and its files 0600 (PGlite itself writes
// 0666), checked and tightened on every start; a directory other users own or control is refused.
import { chmod, chown, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function modes(dir: string): Promise<{ loose: string[]; files: number }> {
  const loose: string[] = [];
  let files = 0;
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      files++;
      if (((await stat(p)).mode & 0o077) !== 0) loose.push(path.relative(dir, p));
      if (entry.isDirectory()) await walk(p);
    }
  };
  if (((await stat(dir)).mode & 0o077) !== 0) loose.push('.');
  await walk(dir);
  return { loose, files };
}

it('PGlite on disk: directory 0700, files 0600, and loosened modes are tightened on the next start', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'ree-perm-'));
  scratch.push(parent);
  const dir = path.join(parent, 'pglite');
  const first = await openDatabase({ pgliteDir: dir });
  await first.db.$executeRawUnsafe('CREATE TABLE perm_probe (x text)');
  await first.db.$executeRawUnsafe("INSERT INTO perm_probe VALUES ('a')");
  await first.close();
  const created = await modes(dir);
  expect(created.files).toBeGreaterThan(900);
  expect(created.loose).toEqual([]);
  expect((await stat(path.join(dir, 'global', 'pg_control'))).mode & 0o777).toBe(0o600);

  // Someone loosened them (or an older version wrote them 0666): the next start fixes them.
  await chmod(dir, 0o777);
  await chmod(path.join(dir, 'global', 'pg_control'), 0o666);
  await chmod(path.join(dir, 'base'), 0o775);
  const again = await openDatabase({ pgliteDir: dir });
  expect(await again.db.$queryRawUnsafe('SELECT x FROM perm_probe')).toEqual([{ x: 'a' }]);
  await again.close();
  expect((await modes(dir)).loose).toEqual([]);
}, 60_000);

it('refuses a data directory holding a file another user owns, with the path in the message', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'ree-perm-'));
  scratch.push(parent);
  const dir = path.join(parent, 'pglite');
  await (await openDatabase({ pgliteDir: dir })).close();
  const planted = path.join(dir, 'planted');
  await writeFile(planted, 'x', { mode: 0o600 });
  // Running as root (CI containers) we can hand it to "nobody"; otherwise our own uid + 1 is already foreign.
  await chown(planted, 65_534, 65_534).catch(() => undefined);
  if ((await stat(planted)).uid === process.getuid?.())
    throw new Error('could not give the file to another user');
  const outcome = await openDatabase({ pgliteDir: dir }).then(
    async (opened) => {
      await opened.close();
      return 'opened';
    },
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  expect(outcome).toMatch(/planted.*owned by another user/);
}, 60_000);
