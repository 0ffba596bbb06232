// A production start on the embedded database, as `pnpm start` does it, in a fresh data directory: findings 2, 8
// and 14 of issue #12 seen together — a stored random secret, a private data directory, and demo passwords kept
// out of standard output (and so out of logs).
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { DEMO_ACCOUNTS_FILE } from '../src/auth/accounts.ts';
import { loadEnv } from '../src/env.ts';

let app: App | undefined;
const scratch: string[] = [];
afterAll(async () => {
  await app?.importWorker.stop();
  await app?.changeFeed.close();
  await app?.database.close();
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

it('prints where the demo passwords are, never the passwords; everything it writes is private', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'ree-first-start-'));
  scratch.push(parent);
  const dataDir = path.join(parent, 'data');
  const env = loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.join(' '));
  });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    app = await createApp(env);
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
  const passwords = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t')[2] ?? '');
  expect(passwords).toHaveLength(2);
  const output = printed.join('\n');
  expect(output).toContain(file);
  for (const password of passwords) expect(output).not.toContain(password);

  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  expect(await readdir(dataDir)).toEqual(
    expect.arrayContaining(['auth-secret', 'pglite', DEMO_ACCOUNTS_FILE]),
  );
}, 60_000);
