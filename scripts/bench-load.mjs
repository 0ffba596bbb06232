// `pnpm bench:load`: signed-in reads (dashboard, score, an element, facilities, tRPC) through the web origin at a
// few connection counts, each for a bounded time, on loopback only. Prints requests/s, p50/p99, answers by kind,
// errors, time-outs, and the API's and web server's memory before, after the load and after a pause.
// Starts the built portal on ports of its own with a fresh embedded database, or attaches to one (--url).
//
//   pnpm bench:load                          50 and 200 connections, 20 s each
//   pnpm bench:load --connections 10,50 --duration 10
//   pnpm bench:load --soak 600               one 10-minute run, memory every 30 s, first vs last minute
//   pnpm bench:load --url http://localhost:3000 --api-port 4000 --accounts .data/demo-accounts.txt
//   BENCH_PASSWORD=… pnpm bench:load --url http://localhost:3000 --email someone@example.org
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { drive } from './load/drive.mjs';
import { firstAndLastMinute, heapAfterIdleGc, sampleMemory } from './load/memory.mjs';
import { rssMegabytes, signIn } from './load/portal.mjs';
import { analystIn, startPortal } from './load/start-portal.mjs';
import { processOnPort } from './ports.mjs';

const { values: flags } = parseArgs({
  options: {
    url: { type: 'string' },
    'api-port': { type: 'string' },
    connections: { type: 'string', default: '50,200' },
    duration: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '30' },
    idle: { type: 'string', default: '10' },
    soak: { type: 'string' },
    sessions: { type: 'string', default: '20' },
    accounts: { type: 'string' },
    email: { type: 'string' },
  },
});

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PATHS = ['/dashboard', '/score', '/elements/Dy', '/facilities', '/trpc/me.get'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** @param {string | undefined} value @param {string} name @param {number} max */
function bounded(value, name, max) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

const connectionCounts = (flags.connections ?? '').split(',').map((c) => bounded(c, 'connections', 1000));
const durationS = flags.soak ? bounded(flags.soak, 'soak', 3600) : bounded(flags.duration, 'duration', 600);
const timeoutMs = bounded(flags.timeout, 'timeout', 120) * 1000;
const idleMs = bounded(flags.idle, 'idle', 300) * 1000;
const sessions = bounded(flags.sessions, 'sessions', 100);

// 1. The portal: attach to the one given, or start the built one on ports of its own.
/** @type {{ origin: URL, apiPort: number, credentials: { email: string, password: string }, logFile: string | null, stop: () => Promise<void> }} */
const portal = flags.url
  ? await attach(flags.url)
  : await startPortal({ name: 'bench-load', apiDefault: 4400, webDefault: 3400 });

async function attach(url) {
  const origin = new URL(url);
  if (!LOOPBACK_HOSTS.has(origin.hostname))
    throw new Error(`bench:load drives loopback only, not ${origin.host}`);
  // A password is not taken on the command line, where other users' `ps` would show it.
  const credentials = flags.accounts
    ? analystIn(await readFile(flags.accounts, 'utf8'))
    : { email: flags.email ?? '', password: process.env.BENCH_PASSWORD ?? '' };
  if (!credentials.email || !credentials.password) {
    throw new Error('With --url, give --accounts <demo-accounts.txt>, or --email with BENCH_PASSWORD set.');
  }
  return {
    origin,
    apiPort: Number(flags['api-port'] ?? process.env.API_PORT ?? 4000),
    credentials,
    logFile: null,
    stop: async () => {},
  };
}

// 2. Who to measure, and signed-in sessions of one user, each as if from a client address of its own (on a portal
// the bench did not start, the web server replaces that address with the bench's own, and sign-ins are rate
// limited per address: the sessions then are as many as the limit lets through).
/** @param {number} i */
const clientAddress = (i) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const webPort = Number(portal.origin.port || 80);
const pids = { API: processOnPort(portal.apiPort)?.pid, web: processOnPort(webPort)?.pid };
const memory = () => ({ API: rssMegabytes(pids.API), web: rssMegabytes(pids.web) });

try {
  /** @type {Record<string, string>[]} */
  const clients = [];
  for (let i = 0; i < sessions; i++) {
    const address = { 'x-forwarded-for': clientAddress(i) };
    const cookie = await signIn(portal.origin, portal.credentials, address);
    if (!cookie) break;
    clients.push({ ...address, cookie });
  }
  if (clients.length === 0) throw new Error('sign-in is rate limited (429): wait a minute and run again');
  // One pass to warm caches, so "before" is the portal as a first visitor leaves it.
  await drive({
    origin: portal.origin,
    paths: PATHS,
    clients,
    connections: PATHS.length,
    durationMs: 1,
    timeoutMs,
  });

  console.log(`bench:load against ${portal.origin.origin} (API pid ${pids.API}, web pid ${pids.web})`);
  console.log(
    `paths: ${PATHS.join(' ')}; ${clients.length} sessions of one user; client time-out ${timeoutMs / 1000} s\n`,
  );
  const runs = flags.soak ? [connectionCounts[0] ?? 50] : connectionCounts;
  for (const connections of runs) {
    const before = memory();
    // Every 5 s, for the first and last minute's means; every sixth sample is printed.
    const sampler = flags.soak ? sampleMemory(memory, 5_000) : null;
    const result = await drive({
      origin: portal.origin,
      paths: PATHS,
      clients,
      connections,
      durationMs: durationS * 1000,
      timeoutMs,
    });
    const samples = sampler?.stop() ?? [];
    const after = memory();
    await sleep(idleMs);
    const idle = memory();
    report(connections, result, { before, after, idle });
    if (flags.soak) await reportSoak(samples);
  }
} finally {
  await portal.stop();
}

/**
 * The soak's memory: RSS every 30 s, the first minute's mean against the last's, the web heap after idle GC.
 * @param {{ s: number, mb: Record<string, number | null> }[]} samples
 */
async function reportSoak(samples) {
  for (const [i, { s, mb }] of samples.entries()) {
    if (i % 6 === 0) console.log(`    ${Math.round(s)} s: API ${mb.API} MB, web ${mb.web} MB`);
  }
  const mb = (/** @type {number | null} */ x) => (x === null ? 'n/a' : `${Math.round(x)} MB`);
  for (const who of ['API', 'web']) {
    const { first, last, changePct } = firstAndLastMinute(samples, who);
    const change = changePct === null ? 'n/a' : `${changePct >= 0 ? '+' : ''}${changePct.toFixed(0)} %`;
    console.log(`  ${who} RSS mean, first minute ${mb(first)}, last minute ${mb(last)}: ${change}`);
  }
  const heap = portal.logFile ? await heapAfterIdleGc(portal.logFile) : null;
  console.log(
    `  web heap after idle GC: ${heap === null ? 'n/a (no idle GC in the portal log)' : `${heap} MB`}`,
  );
  console.log('');
}

/**
 * @param {number} connections
 * @param {import('./load/drive.mjs').DriveResult} r
 * @param {Record<'before' | 'after' | 'idle', Record<'API' | 'web', number | null>>} rss
 */
function report(connections, r, rss) {
  const s = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  console.log(
    `${connections} connections, ${durationS} s: ${r.answered} answered in ${r.seconds.toFixed(1)} s = ` +
      `${(r.answered / r.seconds).toFixed(1)} req/s; p50 ${s(r.p50Ms)}, p99 ${s(r.p99Ms)}, max ${s(r.maxMs)}`,
  );
  console.log(
    `  2xx ${r.ok} · 3xx ${r.redirected} · 429 ${r.tooMany} · 503 ${r.unavailable}` +
      `${r.unavailable ? ` (p99 ${s(r.p99UnavailableMs)})` : ''} · other 5xx ${r.otherServerErrors}` +
      ` · other 4xx ${r.otherClientErrors} · errors ${r.errors} · time-outs ${r.timeouts}`,
  );
  console.log(`  RSS MB   before  after load  after ${idleMs / 1000} s idle`);
  for (const who of /** @type {const} */ (['API', 'web'])) {
    console.log(
      `  ${who.padEnd(7)}${String(rss.before[who]).padStart(7)}${String(rss.after[who]).padStart(12)}${String(rss.idle[who]).padStart(18)}`,
    );
  }
  console.log('');
}
