// `pnpm bench:pages`: each signed-in page's weight and throughput beside the sign-in page's, in the same run
// (issue #13, "Pages"). Per page: HTML bytes raw and gzip, the part of it that is React flight data, requests/s at
// 10 connections with its ratio to /sign-in's, p99 at 50 connections, and every answer that was not a 2xx. Also the
// shared base map's URL, size and Cache-Control. Loopback only; starts the built portal on ports of its own
// (API_PORT/WEB_PORT, default 4800/3800) with a fresh embedded database.
//
//   pnpm bench:pages                      5 s per page and connection count
//   pnpm bench:pages --duration 10 --pages /dashboard,/elements/Dy

import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { drive } from './load/drive.mjs';
import { PAGES } from './load/pages.mjs';
import { signIn } from './load/portal.mjs';
import { startPortal } from './load/start-portal.mjs';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    pages: { type: 'string' },
    sessions: { type: 'string', default: '10' },
  },
});
const durationMs = Number(flags.duration) * 1000;
if (!(durationMs >= 1000 && durationMs <= 120_000)) throw new Error('--duration must be 1 to 120 seconds');
const pages = flags.pages ? flags.pages.split(',') : PAGES;
const TIMEOUT_MS = 30_000;

const portal = await startPortal({ name: 'bench-pages', apiDefault: 4800, webDefault: 3800 });
try {
  const clients = [];
  for (let i = 0; i < Number(flags.sessions); i++) {
    const address = { 'x-forwarded-for': `198.18.1.${i + 1}` };
    const cookie = await signIn(portal.origin, portal.credentials, address);
    if (!cookie) break;
    clients.push({ ...address, cookie });
  }
  if (clients.length === 0) throw new Error('sign-in is rate limited (429): wait a minute and run again');
  const anonymous = [{ 'x-forwarded-for': '198.18.2.1' }];

  const run = (paths, who, connections) =>
    drive({ origin: portal.origin, paths, clients: who, connections, durationMs, timeoutMs: TIMEOUT_MS });
  // Warm every page once (first renders compile and fill caches).
  for (const page of ['/sign-in', ...pages]) await run([page], page === '/sign-in' ? anonymous : clients, 1);

  const signInRun = await run(['/sign-in'], anonymous, 10);
  const signInRate = signInRun.answered / signInRun.seconds;
  const mapAsset = await describeMapAsset(clients[0] ?? {});
  console.log(
    `bench:pages against ${portal.origin.origin}; ${durationMs / 1000} s per run, ${clients.length} sessions`,
  );
  console.log(`base map: ${mapAsset}`);
  console.log(
    `/sign-in at 10 connections: ${signInRate.toFixed(1)} req/s (the reference; target: each page ≥ 50 %)\n`,
  );
  console.log(
    'page              HTML raw    gzip   flight   req/s@10  of sign-in   p99@50   not 2xx (shed)  targets (gzip ≤ 40 kB, ≥ 50 %, p99 ≤ 1 s)',
  );
  let failed = 0;
  for (const page of pages) {
    const html = await fetchHtml(page, clients[0] ?? {});
    const ten = await run([page], clients, 10);
    const fifty = await run([page], clients, 50);
    const rate = ten.answered / ten.seconds;
    const ratio = rate / signInRate;
    const gzip = gzipSync(html).length;
    const bad = [ten, fifty].reduce((n, r) => n + r.answered - r.ok + r.errors + r.timeouts, 0);
    // Of those, the web server's load shedding (503 at once past WEB_MAX_CONCURRENT): said apart from failures.
    const shed = ten.unavailable + fifty.unavailable;
    const ok = gzip <= 40_000 && ratio >= 0.5 && fifty.p99Ms <= 1000 && bad === 0;
    if (!ok) failed++;
    console.log(
      `${page.padEnd(16)}${kB(html.length).padStart(9)}${kB(gzip).padStart(8)}${kB(flightBytes(html)).padStart(9)}` +
        `${rate.toFixed(1).padStart(11)}${`${(ratio * 100).toFixed(0)} %`.padStart(12)}` +
        `${`${Math.round(fifty.p99Ms)} ms`.padStart(9)}${`${bad} (503: ${shed})`.padStart(16)}  ${ok ? 'met' : 'NOT met'}`,
    );
  }
  console.log(`\n${pages.length - failed} of ${pages.length} pages meet every target.`);
} finally {
  await portal.stop();
}

/** @param {number} bytes */
function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** A page's HTML as the server sends it (uncompressed), signed in. */
async function fetchHtml(page, headers) {
  const response = await fetch(new URL(page, portal.origin), { headers, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}, not 200`);
  return Buffer.from(await response.arrayBuffer());
}

/** Bytes of React flight data inlined in the HTML (the `self.__next_f.push(…)` scripts). */
function flightBytes(html) {
  let total = 0;
  for (const m of html.toString('utf8').matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs))
    total += m[1].length;
  return total;
}

/** The base map the dashboard references: its URL, size and Cache-Control. */
async function describeMapAsset(headers) {
  const html = (await fetchHtml('/dashboard', headers)).toString('utf8');
  const url = html.match(/\/maps\/world-[0-9a-f]+\.svg/)?.[0];
  if (!url) return 'NOT FOUND in /dashboard';
  const response = await fetch(new URL(url, portal.origin), { headers: { 'accept-encoding': 'gzip' } });
  const body = Buffer.from(await response.arrayBuffer());
  return `${url}: ${response.status}, ${kB(body.length)} (${response.headers.get('content-encoding') ?? 'identity'} on the wire), Cache-Control "${response.headers.get('cache-control')}"`;
}
