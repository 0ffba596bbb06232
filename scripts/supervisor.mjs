// Runs a set of long-lived processes (the API and the web server) as one: each in its own process group, so
// stopping a service stops everything it started; one that dies after it was up is restarted with back-off; one
// that dies too often, or before it ever came up, stops the others and ends the set with a non-zero code.

import { spawn } from 'node:child_process';

/**
 * @typedef {object} ServiceSpec
 * @property {string} name              shown in messages, e.g. "API"
 * @property {string} command           the program, run directly (not through a package manager that would
 *                                      outlive it)
 * @property {string[]} args
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {() => Promise<boolean>} ready  true once the service answers
 */

/**
 * @typedef {(
 *   | { type: 'started', name: string, pid: number, attempt: number }
 *   | { type: 'ready', name: string, pid: number, attempt: number }
 *   | { type: 'exited', name: string, pid: number, code: number | null, signal: string | null }
 *   | { type: 'restarting', name: string, inMs: number, restart: number }
 *   | { type: 'giving-up', name: string, reason: string }
 * )} SupervisorEvent
 */

/**
 * @typedef {object} SupervisorOptions
 * @property {number[]} [backoffMs]        wait before the 1st, 2nd, … restart (the last value repeats)
 * @property {number} [maxRestarts]        restarts allowed within `windowMs` before giving up
 * @property {number} [windowMs]
 * @property {number} [readyTimeoutMs]     how long a (re)started service may take to answer
 * @property {number} [stopTimeoutMs]      SIGTERM, then SIGKILL after this long
 * @property {'inherit' | 'ignore'} [stdio]
 * @property {(event: SupervisorEvent) => void} [onEvent]
 */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a signal to a whole process group; a group that is already gone is fine.
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error;
  }
}

/**
 * Starts every service and keeps them running.
 * `ready` resolves once all answer (rejects if the set gave up first); `done` resolves with the exit code the
 * caller should end with (0 after `stop()`, 1 after giving up); `pids()` gives each service's current pid.
 * @param {ServiceSpec[]} specs
 * @param {SupervisorOptions} [options]
 */
export function supervise(specs, options = {}) {
  const {
    backoffMs = [1000, 2000, 4000, 8000],
    maxRestarts = 5,
    windowMs = 60_000,
    readyTimeoutMs = 120_000,
    stopTimeoutMs = 10_000,
    stdio = 'inherit',
    onEvent = () => {},
  } = options;

  let stopping = false;
  /** @type {(code: number) => void} */
  let finish = () => {};
  /** @type {Promise<number>} */
  const done = new Promise((resolve) => {
    finish = resolve;
  });

  /**
   * @typedef {object} Service
   * @property {ServiceSpec} spec
   * @property {import('node:child_process').ChildProcess | null} child
   * @property {Promise<void> | null} exited
   * @property {number} attempt
   * @property {boolean} everReady
   * @property {number[]} restarts  when each restart happened, for the give-up window
   */
  /** @type {Service[]} */
  const services = specs.map((spec) => ({
    spec,
    child: null,
    exited: null,
    attempt: 0,
    everReady: false,
    restarts: [],
  }));

  /**
   * Waits until the service answers; false if it died or the time ran out first.
   * @param {Service} service
   * @param {import('node:child_process').ChildProcess} child
   */
  async function untilReady(service, child) {
    const deadline = Date.now() + readyTimeoutMs;
    while (!stopping && Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      if (await service.spec.ready().catch(() => false)) return true;
      await sleep(250);
    }
    return false;
  }

  /**
   * @param {Service} service
   * @param {Promise<unknown>} [before]  what must be up before this one is asked whether it is (the web server's
   *                                     pages need the API, so asking it sooner only logs refused connections)
   */
  function start(service, before = Promise.resolve()) {
    const { spec } = service;
    service.attempt++;
    // detached: the child leads a process group of its own, so a stop reaches anything it spawns.
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio, detached: true });
    service.child = child;
    const attempt = service.attempt;
    service.exited = new Promise(
      /** @param {(value?: void) => void} resolve */ (resolve) => {
        child.once('exit', (code, signal) => {
          onEvent({ type: 'exited', name: spec.name, pid: child.pid ?? 0, code, signal });
          // Anything the service left behind in its group goes with it.
          if (child.pid) killGroup(child.pid, 'SIGKILL');
          resolve();
          if (!stopping) void onUnexpectedExit(service, code, signal);
        });
      },
    );
    child.once('error', (error) => giveUp(spec.name, `could not be started: ${error.message}`));
    onEvent({ type: 'started', name: spec.name, pid: child.pid ?? 0, attempt });
    const readyNow = before
      .then(() => untilReady(service, child))
      .then((ok) => {
        if (ok) {
          service.everReady = true;
          onEvent({ type: 'ready', name: spec.name, pid: child.pid ?? 0, attempt });
        } else if (!stopping && child.exitCode === null && child.signalCode === null) {
          giveUp(spec.name, `did not answer within ${Math.round(readyTimeoutMs / 1000)} s`);
        }
        return ok;
      });
    return readyNow;
  }

  /**
   * @param {Service} service
   * @param {number | null} code
   * @param {NodeJS.Signals | null} signal
   */
  async function onUnexpectedExit(service, code, signal) {
    const { name } = service.spec;
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    if (!service.everReady) return giveUp(name, `stopped before it was up (${how})`);
    const now = Date.now();
    service.restarts = service.restarts.filter((at) => now - at < windowMs);
    if (service.restarts.length >= maxRestarts) {
      return giveUp(
        name,
        `stopped ${service.restarts.length + 1} times within ${windowMs / 1000} s (${how})`,
      );
    }
    service.restarts.push(now);
    const n = service.restarts.length;
    const inMs = backoffMs[Math.min(n - 1, backoffMs.length - 1)] ?? 1000;
    onEvent({ type: 'restarting', name, inMs, restart: n });
    await sleep(inMs);
    if (!stopping) start(service);
  }

  /**
   * @param {string} name
   * @param {string} reason
   */
  function giveUp(name, reason) {
    if (stopping) return;
    onEvent({ type: 'giving-up', name, reason });
    void stop(1);
  }

  /** Stops every service (SIGTERM to its group, SIGKILL after the time-out). */
  async function stop(code = 0) {
    if (stopping) return done;
    stopping = true;
    const running = services.filter(
      (s) => s.child && s.child.exitCode === null && s.child.signalCode === null,
    );
    for (const s of running) if (s.child?.pid) killGroup(s.child.pid, 'SIGTERM');
    const forced = setTimeout(() => {
      for (const s of running) if (s.child?.pid) killGroup(s.child.pid, 'SIGKILL');
    }, stopTimeoutMs);
    await Promise.all(running.map((s) => s.exited));
    clearTimeout(forced);
    finish(code);
    return done;
  }

  // All start at once; each is asked whether it is up once those before it in `specs` are.
  /** @type {Promise<boolean>[]} */
  const readiness = [];
  for (const service of services) {
    const previous = readiness.at(-1);
    readiness.push(
      start(
        service,
        previous?.then((ok) => ok || Promise.reject(new Error('not up'))),
      ),
    );
  }
  const ready = Promise.all(readiness).then((oks) => {
    if (!oks.every(Boolean)) throw new Error('not every service came up');
  });
  ready.catch(() => {});

  return {
    ready,
    done,
    stop,
    /** @returns {Record<string, number | undefined>} */
    pids: () => Object.fromEntries(services.map((s) => [s.spec.name, s.child?.pid])),
  };
}

/**
 * A readiness check: true once `url` answers with a status below 500.
 * @param {string} url
 */
export function answers(url) {
  return async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
    await response.body?.cancel();
    return response.status < 500;
  };
}
