// Scenario simulations run in worker threads, never on the request thread: a Monte Carlo can take a second, and
// while it runs on the event loop every other request (health checks included) waits. The pool bounds the work
// three ways: a fixed number of threads, a queue limit for the whole server, and a quota per user, so one user
// filling the queue is told to wait while everyone else is still served. Each job also has a time-out.
import os from 'node:os';
import type { ScenarioInput, ScenarioResult } from '@ree/domain';
import Piscina from 'piscina';
import { BusyError, SimulationTimeoutError } from '../errors.ts';

const WORKER = new URL('./worker.mjs', import.meta.url);
const BUSY = 'The server is busy running other simulations. Try again in a few seconds.';

export interface SimulationPoolOptions {
  /** Worker threads; default: one fewer than the cores the process may use, at least one. */
  threads?: number;
  /**
   * Jobs that may wait for a thread, across all users; beyond it the server says it is busy. Default: as many as
   * can still finish within the time-out behind the running ones (`queueThatFinishes`).
   */
  maxQueue?: number;
  /** Jobs one user may have queued or running at once. */
  perUser?: number;
  /** Longest a job may take from submission (waiting included) before it is stopped. */
  timeoutMs?: number;
}

/**
 * The longest one accepted scenario takes in a worker thread, with a margin. The largest SCENARIO_LIMITS allow
 * (apps/api/test/fixtures/worst-case-scenario.ts) takes about 2 s of an idle core, 2.25 s in the review's load test
 * (5 users × 2 of them, 1 thread), and 4.1 s in the pool with the machine's load average at 8 on 2 cores
 * (`pnpm --filter @ree/api bench:scenario`). 3 s covers the pool's own contention (threads sharing cores with the
 * request thread); a machine overloaded by other programs can still make an accepted job time out.
 */
export const WORST_CASE_JOB_MS = 3_000;

/**
 * The longest queue whose last job still finishes within the time-out when every job is the worst case: `threads`
 * run at once, so `threads × timeout / worst case` jobs fit in the time-out, the running ones among them. A job the
 * pool accepts is then one that can finish; the next one is refused at once (429) rather than after the time-out.
 * @example queueThatFinishes({ threads: 1, timeoutMs: 20_000 }) // 5: 6 × 3 s ≤ 20 s
 */
export function queueThatFinishes(pool: { threads: number; timeoutMs: number }): number {
  return Math.max(0, Math.floor((pool.threads * pool.timeoutMs) / WORST_CASE_JOB_MS) - pool.threads);
}

const DEFAULT_THREADS = Math.max(1, os.availableParallelism() - 1);
const DEFAULT_TIMEOUT_MS = 20_000;

/** The defaults the API starts with (see env.ts to change them); `maxQueue` follows threads and time-out. */
export const SIMULATION_DEFAULTS = {
  threads: DEFAULT_THREADS,
  maxQueue: queueThatFinishes({ threads: DEFAULT_THREADS, timeoutMs: DEFAULT_TIMEOUT_MS }),
  perUser: 2,
  timeoutMs: DEFAULT_TIMEOUT_MS,
} as const;

export class SimulationPool {
  readonly threads: number;
  readonly perUser: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  private readonly piscina: Piscina<ScenarioInput, ScenarioResult>;
  /** Jobs queued or running, by user id. */
  private readonly active = new Map<string, number>();

  constructor(options: SimulationPoolOptions = {}) {
    this.threads = options.threads ?? SIMULATION_DEFAULTS.threads;
    this.perUser = options.perUser ?? SIMULATION_DEFAULTS.perUser;
    this.timeoutMs = options.timeoutMs ?? SIMULATION_DEFAULTS.timeoutMs;
    this.maxQueue = options.maxQueue ?? queueThatFinishes(this);
    this.piscina = new Piscina({
      filename: WORKER.href,
      minThreads: 0,
      maxThreads: this.threads,
      // Counted here too (see runScenario), so the limit holds while threads are still starting.
      maxQueue: this.maxQueue,
      // A thread takes ~0.5 s to start (tsx, the domain): keep it for a while, but let an idle server shed it.
      // Idle threads are unref'd, so they never keep a process (a test run, say) alive.
      idleTimeout: 5 * 60_000,
      // The worker registers tsx itself (worker.mjs); the parent's loader flags are not needed twice.
      execArgv: [],
      // A bounded heap: the largest accepted scenario needs a few tens of MB.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
  }

  /** Jobs queued or running right now, all users together. */
  get inFlight(): number {
    let total = 0;
    for (const n of this.active.values()) total += n;
    return total;
  }

  /**
   * Runs `runScenario` from @ree/domain in a worker for `userId`. The input must already have passed
   * ScenarioInput (the worker parses it again: the domain function always does).
   * @throws BusyError when the user already has `perUser` jobs, or every thread is busy and `maxQueue` jobs wait.
   * @throws SimulationTimeoutError when the job takes longer than the time-out.
   */
  async runScenario(userId: string, input: ScenarioInput): Promise<ScenarioResult> {
    const mine = this.active.get(userId) ?? 0;
    if (mine >= this.perUser) {
      throw new BusyError(
        `You already have ${this.perUser} simulation${this.perUser === 1 ? '' : 's'} running; wait for one to finish, then try again.`,
      );
    }
    if (this.inFlight >= this.threads + this.maxQueue) {
      throw new BusyError(BUSY);
    }
    this.active.set(userId, mine + 1);
    try {
      return await this.piscina.run(input, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw translate(error, this.timeoutMs);
    } finally {
      const left = (this.active.get(userId) ?? 1) - 1;
      if (left > 0) this.active.set(userId, left);
      else this.active.delete(userId);
    }
  }

  /** Stops taking jobs, lets running ones finish (up to the close time-out), then ends the threads. */
  async close(): Promise<void> {
    await this.piscina.close();
  }
}

/** Piscina's own errors, as errors the API maps to HTTP answers. */
function translate(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'AbortError') {
    return new SimulationTimeoutError(
      `The simulation did not finish within ${timeoutMs / 1000} s and was stopped. Try fewer samples or a shorter horizon.`,
    );
  }
  if (error.message === 'Task queue is at limit') {
    return new BusyError(BUSY);
  }
  return error;
}

let shared: SimulationPool | undefined;

/**
 * One pool with the default settings, made on first use: for contexts built without one (tests through
 * createCaller). The server makes its own from its configuration and closes it on shutdown (app.ts).
 */
export function defaultSimulationPool(): SimulationPool {
  shared ??= new SimulationPool();
  return shared;
}
