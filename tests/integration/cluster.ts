// Two API servers and two web servers, the built ones as production runs them (`node --import tsx` on
// apps/api/src/server.ts and apps/web/server.ts), on one fresh PostgreSQL database, behind one round-robin port.
// Web server "web-a" talks to API "api-a" and "web-b" to "api-b", so the proxy's `x-upstream` names the API too.
// Everything started is stopped again, and the database dropped, by `stop()` — also when starting fails half-way.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../support/free-port';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.ts';

const root = path.resolve(import.meta.dirname, '../..');
const exitWithParent = path.join(root, 'scripts/exit-with-parent.mjs');
const START_TIMEOUT_MS = 60_000;

/** Every CI machine and developer machine has PostgreSQL here with trust auth (.ci/run starts it). */
function serverUrl(): URL {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url;
}

interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<unknown>;
}

export interface Cluster {
  /** The one port the browser would use, as PUBLIC_ORIGIN names it. */
  origin: string;
  proxyPort: number;
  /** A connection to the cluster's database, for what a test sets up outside the portal (an admin's role). */
  sql: pg.Client;
  stop(): Promise<void>;
}

export async function startCluster(options: { apiEnv?: Record<string, string> } = {}): Promise<Cluster> {
  if (!existsSync(path.join(root, 'apps/web/.next/BUILD_ID')))
    throw new Error('The web app is not built: run `pnpm turbo run build --filter=@ree/web` first.');
  const scratch = await mkdtemp(path.join(tmpdir(), 'ree-cluster-'));
  const services: Service[] = [];
  const dbName = `ree_cluster_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl().href });
  let sql: pg.Client | null = null;
  let proxy: RoundRobinProxy | null = null;
  let created = false;

  const stop = async () => {
    await proxy?.close();
    await Promise.all(services.map(stopService));
    await sql?.end().catch(() => {});
    if (created) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end().catch(() => {});
    await rm(scratch, { recursive: true, force: true });
  };

  try {
    await admin.connect().catch((error: Error) => {
      throw new Error(
        `PostgreSQL is not reachable at ${serverUrl().host} (${error.message}): start it first.`,
      );
    });
    await admin.query(`CREATE DATABASE "${dbName}"`);
    created = true;
    const dbUrl = new URL(serverUrl());
    dbUrl.pathname = `/${dbName}`;
    const [apiA, apiB, webA, webB] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    proxy = await startRoundRobinProxy([
      { name: 'web-a', port: webA },
      { name: 'web-b', port: webB },
    ]);
    const origin = `http://localhost:${proxy.port}`;
    const secrets = {
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
      PROXY_SECRET: randomBytes(32).toString('base64'),
    };
    const base = { ...process.env, NODE_ENV: 'production', PUBLIC_ORIGIN: origin, ...secrets };
    const apiEnv = (port: number, name: string) => ({
      ...base,
      DATABASE_URL: dbUrl.href,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      REE_DATA_DIR: path.join(scratch, name),
      LOG_LEVEL: 'warn',
      SIMULATION_THREADS: '1',
      ...options.apiEnv,
    });
    const webEnv = (port: number, api: number, name: string) => ({
      ...base,
      API_URL: `http://127.0.0.1:${api}`,
      PORT: String(port),
      REE_DATA_DIR: path.join(scratch, name),
      NEXT_TELEMETRY_DISABLED: '1',
      // The balancer in front is on loopback: the client address it passes on is believed.
      TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1',
    });

    // The documented production step before any instance starts.
    const migrate = await run(
      scratch,
      services,
      'migrate',
      'apps/api',
      ['src/db/cli/migrate.ts', 'deploy'],
      apiEnv(apiA, 'migrate'),
    );
    await waitForExit(migrate);
    // All four at once, as a deployment that starts its instances together: both APIs seed on start.
    const started = [
      run(scratch, services, 'api-a', 'apps/api', ['src/server.ts'], apiEnv(apiA, 'api-a')),
      run(scratch, services, 'api-b', 'apps/api', ['src/server.ts'], apiEnv(apiB, 'api-b')),
      run(scratch, services, 'web-a', 'apps/web', ['server.ts'], webEnv(webA, apiA, 'web-a')),
      run(scratch, services, 'web-b', 'apps/web', ['server.ts'], webEnv(webB, apiB, 'web-b')),
    ];
    const ready = [`${apiA}/healthz`, `${apiB}/healthz`, `${webA}/sign-in`, `${webB}/sign-in`];
    await Promise.all(
      started.map(async (service, i) => answersOk(await service, `http://127.0.0.1:${ready[i]}`)),
    );
    sql = new pg.Client({ connectionString: dbUrl.href });
    await sql.connect();
    return { origin, proxyPort: proxy.port, sql, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function run(
  scratch: string,
  services: Service[],
  name: string,
  cwd: string,
  entry: string[],
  env: NodeJS.ProcessEnv,
): Promise<Service> {
  const logFile = path.join(scratch, `${name}.log`);
  const log = await open(logFile, 'w');
  const args = ['--import', 'tsx', '--import', exitWithParent, ...entry];
  const child = spawn(process.execPath, args, {
    cwd: path.join(root, cwd),
    env,
    stdio: ['ignore', log.fd, log.fd],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  void exited.finally(() => log.close());
  const service = { name, child, logFile, exited };
  services.push(service);
  return service;
}

async function tail(service: Service): Promise<string> {
  const text = await readFile(service.logFile, 'utf8').catch(() => '');
  return text.split('\n').slice(-30).join('\n');
}

async function waitForExit(service: Service): Promise<void> {
  const status = await service.exited;
  if (status !== 0) throw new Error(`${service.name} failed (${String(status)}):\n${await tail(service)}`);
}

/** Polls `url` until it answers 200; fails at once if the service exits, with its log. */
async function answersOk(service: Service, url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone = false;
  void service.exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${service.name} stopped while starting:\n${await tail(service)}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${service.name} did not answer ${url} within ${START_TIMEOUT_MS / 1000} s:\n${await tail(service)}`,
  );
}

/** SIGTERM (the servers' graceful stop), SIGKILL after 10 s. */
async function stopService(service: Service): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), 10_000);
  await service.exited;
  clearTimeout(timer);
}
