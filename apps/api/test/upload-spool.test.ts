// Uploads are received into the data directory's spool/ (0700, files 0600), never the machine's shared temporary
// directory, and removed once read; what a killed API left there is removed by the next start, while the files of
// API instances still running on the same data directory (PostgreSQL) are left alone.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { loadEnv } from '../src/env.ts';
import { clientAddress, sessionCookie } from './http-support.ts';
import { callerFor, createTestUser, TEST_ORIGIN, TEST_PASSWORD } from './support.ts';

let app: App | undefined;
let alive: ChildProcess | undefined;
const scratch: string[] = [];
afterAll(async () => {
  alive?.kill('SIGKILL');
  if (app) {
    const closed = new Promise((resolve) => app?.server.close(resolve));
    app.server.closeAllConnections(); // an upload a failed test left half sent
    await closed;
    await app.importWorker.stop();
    await app.simulations.close();
    await app.changeFeed.close();
    await app.database.close();
  }
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A process that runs until killed. */
async function sleeper(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  if (child.pid === undefined) throw new Error('no pid');
  return Object.assign(child, { pid: child.pid });
}

/** The pid of a process that was killed with SIGKILL, as a crashed API would be. */
async function crashedPid(): Promise<number> {
  const child = await sleeper();
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
  return child.pid;
}

it('a start clears what crashed runs left; an upload is spooled 0600 in the data directory, then removed', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'ree-spool-'));
  scratch.push(parent);
  const dataDir = path.join(parent, 'data');
  const spool = path.join(dataDir, 'spool');
  await mkdir(spool, { recursive: true });
  const plant = async (name: string, ageMs = 0) => {
    await writeFile(path.join(spool, name), 'half an upload', { mode: 0o600 });
    const at = new Date(Date.now() - ageMs);
    await utimes(path.join(spool, name), at, at);
    return name;
  };
  const crashed = await plant(`${await crashedPid()}-${randomUUID()}`);
  alive = await sleeper();
  const running = await plant(`${alive.pid}-${randomUUID()}`, 60_000);
  const ancient = await plant(`${alive.pid}-${randomUUID()}`, 2 * 24 * 60 * 60 * 1000);
  // Our own pid on a file from before this process started: a crashed API that had the same pid.
  const reused = await plant(`${process.pid}-${randomUUID()}`, (process.uptime() + 60) * 1000);

  const proxySecret = randomBytes(32).toString('base64url');
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REE_DATA_DIR: dataDir,
    PGLITE_DIR: 'memory://',
    PUBLIC_ORIGIN: TEST_ORIGIN,
    PROXY_SECRET: proxySecret,
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
  });
  app = await createApp(env);
  const left = await readdir(spool);
  expect(left).toEqual([running]);
  for (const gone of [crashed, ancient, reused]) expect(left).not.toContain(gone);
  expect((await stat(spool)).mode & 0o777).toBe(0o700);

  await seedReferenceDataset(app.database.db, await readReferenceDataset());
  const admin = await createTestUser(app.database, 'admin');
  const draft = await callerFor(app.database, admin).datasets.createDraft({ label: `Spool ${Date.now()}` });
  const server = app.server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fromWeb = {
    origin: TEST_ORIGIN,
    'x-ree-proxy-secret': proxySecret,
    'x-forwarded-for': clientAddress(),
  };
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...fromWeb },
    body: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }),
  });
  const cookie = sessionCookie(signIn);

  // The body arrives in two halves; between them the upload is being received, so its spool file exists.
  const halves = ['iso3,name,region\nXSP,Spool', 'land,Asia\n'].map((s) => new TextEncoder().encode(s));
  let sendRest = () => {};
  const rest = new Promise<void>((resolve) => {
    sendRest = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(halves[0] ?? new Uint8Array());
      await rest;
      controller.enqueue(halves[1] ?? new Uint8Array());
      controller.close();
    },
  });
  const answer = fetch(`${base}/files/import?versionId=${draft.id}&name=countries.csv`, {
    method: 'POST',
    headers: { ...fromWeb, cookie, 'content-type': 'application/octet-stream' },
    body,
    duplex: 'half',
  } as RequestInit);
  answer.catch(() => {}); // awaited below; if an expectation fails first, afterAll cuts it off
  let receiving: string[] = [];
  for (let tries = 0; tries < 200 && !receiving.length; tries++) {
    await new Promise((r) => setTimeout(r, 25));
    receiving = (await readdir(spool)).filter((name) => name !== running);
  }
  expect(receiving).toEqual([expect.stringMatching(new RegExp(`^${process.pid}-[0-9a-f-]{36}$`))]);
  expect((await stat(path.join(spool, receiving[0] ?? ''))).mode & 0o777).toBe(0o600);

  // One import at a time per instance: a second one meanwhile is refused before its body is spooled.
  const upload = (name: string, text: string) =>
    fetch(`${base}/files/import?versionId=${draft.id}&name=${name}`, {
      method: 'POST',
      headers: { ...fromWeb, cookie, 'content-type': 'application/octet-stream' },
      body: text,
    });
  const second = await upload('countries.csv', 'iso3,name,region\nXSQ,Second,Asia\n');
  expect(second.status).toBe(503);
  expect(second.headers.get('retry-after')).toBe('1');
  expect(await second.json()).toEqual({ error: 'Another import is running; try again in a moment.' });
  expect((await readdir(spool)).sort()).toEqual([running, ...receiving].sort());

  sendRest();
  const response = await answer;
  expect(response.status).toBe(202);
  expect(await response.json()).toMatchObject({ jobId: expect.any(String) });
  expect(await readdir(spool)).toEqual([running]);
  // Once it is done, the next import is accepted.
  const third = await upload('countries.csv', 'iso3,name,region\nXSR,Third,Asia\n');
  expect(third.status).toBe(202);
  expect(await readdir(spool)).toEqual([running]);
}, 60_000);
