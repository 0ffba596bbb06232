// A small closed-loop HTTP load generator for loopback: N connections, each sending the next request as soon as
// its previous one ends, for a bounded time. Counts what a person would want to know about an overloaded server:
// answers by kind, connection errors, client time-outs, latency percentiles.
import { Agent, request } from 'node:http';

/**
 * @typedef {object} DriveOptions
 * @property {URL} origin             where to send (loopback only; checked by the caller)
 * @property {string[]} paths         requests cycle through these
 * @property {Record<string, string>[]} clients  connection i sends clients[i % length] as its headers
 *                                    (a session cookie, and the address it stands for)
 * @property {number} connections
 * @property {number} durationMs      no request starts after this
 * @property {number} timeoutMs       a request unanswered after this counts as a time-out and is abandoned
 */

/**
 * @typedef {object} DriveResult
 * @property {number} seconds
 * @property {number} answered
 * @property {number} ok              2xx
 * @property {number} redirected      3xx (a page that sends a signed-in user to sign-in means a lost session)
 * @property {number} tooMany         429
 * @property {number} unavailable     503
 * @property {number} otherServerErrors 5xx other than 503
 * @property {number} otherClientErrors 4xx other than 429
 * @property {number} errors          connection errors (refused, reset)
 * @property {number} timeouts
 * @property {number} p50Ms
 * @property {number} p99Ms
 * @property {number} maxMs
 * @property {number} p99UnavailableMs  how quickly 503s came (they should be fast)
 */

/**
 * @param {number[]} sorted
 * @param {number} p
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * One request; resolves with its status (0 = connection error, -1 = time-out) and how long it took.
 * @param {Agent} agent
 * @param {URL} url
 * @param {Record<string, string>} headers
 * @param {number} timeoutMs
 * @returns {Promise<{ status: number, ms: number }>}
 */
function send(agent, url, headers, timeoutMs) {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    /** @param {number} status */
    const settle = (status) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, ms: performance.now() - started });
    };
    const req = request(
      url,
      { agent, headers: { ...headers, accept: 'text/html,application/json' } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => settle(res.statusCode ?? 0));
        res.on('error', () => settle(0));
      },
    );
    const timer = setTimeout(() => {
      settle(-1);
      req.destroy();
    }, timeoutMs);
    req.on('error', () => settle(0));
    req.end();
  });
}

/**
 * @param {DriveOptions} options
 * @returns {Promise<DriveResult>}
 */
export async function drive(options) {
  const { origin, paths, clients, connections, durationMs, timeoutMs } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  /** @type {number[]} */
  const latencies = [];
  /** @type {number[]} */
  const unavailableLatencies = [];
  const counts = {
    answered: 0,
    ok: 0,
    redirected: 0,
    tooMany: 0,
    unavailable: 0,
    otherServerErrors: 0,
    otherClientErrors: 0,
    errors: 0,
    timeouts: 0,
  };
  const started = performance.now();
  const end = started + durationMs;
  let next = 0;

  /** @param {number} connection */
  async function loop(connection) {
    const headers = clients[connection % clients.length] ?? {};
    while (performance.now() < end) {
      const path = paths[next++ % paths.length] ?? '/';
      const { status, ms } = await send(agent, new URL(path, origin), headers, timeoutMs);
      if (status === -1) counts.timeouts++;
      else if (status === 0) {
        counts.errors++;
        await new Promise((resolve) => setTimeout(resolve, 50)); // a refused connection fails at once
      } else {
        counts.answered++;
        latencies.push(ms);
        if (status < 300) counts.ok++;
        else if (status < 400) counts.redirected++;
        else if (status === 429) counts.tooMany++;
        else if (status < 500) counts.otherClientErrors++;
        else if (status === 503) {
          counts.unavailable++;
          unavailableLatencies.push(ms);
        } else counts.otherServerErrors++;
      }
    }
  }

  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  unavailableLatencies.sort((a, b) => a - b);
  return {
    seconds,
    ...counts,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? 0,
    p99UnavailableMs: percentile(unavailableLatencies, 99),
  };
}
