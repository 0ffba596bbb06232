// Simulations run in worker threads (ASVS 15.2.2, 2.4.1): while the largest scenario runs, the server still
// answers; one user gets at most a few at once (429) while others are served; a job past its time-out is stopped;
// and the result is the domain's own, to the last digit.
import { runScenario, ScenarioInput } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { queueThatFinishes, SimulationPool, WORST_CASE_JOB_MS } from '../src/simulation/pool.ts';
import { defaultSizeScenario, worstCaseScenario } from './fixtures/worst-case-scenario.ts';
import { signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { openTestDatabase, TEST_ORIGIN } from './support.ts';

const PER_USER = 2;
let database: Database;
let pool: SimulationPool;
let server: TestServer;
let base: string;

beforeAll(async () => {
  database = await openTestDatabase();
  // One thread: the jobs of a test queue behind each other, which is what the quota is about.
  pool = new SimulationPool({ threads: 1, maxQueue: 8, perUser: PER_USER });
  server = await startTestServer(database, { maxBodyBytes: 1_000_000, simulations: pool });
  base = server.base;
});
afterAll(async () => {
  await server?.close();
  await pool?.close();
  await database?.close();
});

const signUp = async () => (await signUpAndIn(server)).cookie;

/** scenarios.create over HTTP; resolves to the status and the error message, if any. */
async function create(cookie: string, input: ScenarioInput): Promise<{ status: number; message: string }> {
  const response = await fetch(`${base}/trpc/scenarios.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, cookie },
    body: JSON.stringify({ json: { name: 'load', input } }),
  });
  const body = (await response.json()) as { error?: { json?: { message?: string } } };
  return { status: response.status, message: body.error?.json?.message ?? '' };
}

/** Resolves once the pool has `n` jobs queued or running (it is polled; the simulations are in other threads). */
async function untilInFlight(n: number): Promise<void> {
  while (pool.inFlight < n) await new Promise((r) => setTimeout(r, 5));
}

describe('simulations off the request thread', () => {
  it('answers /healthz while the largest accepted scenario is still running', async () => {
    const cookie = await signUp();
    let finished = false;
    const running = create(cookie, worstCaseScenario()).finally(() => {
      finished = true;
    });
    await untilInFlight(1);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    // The health check came back while the simulation was still running: the event loop was free.
    expect(pool.inFlight).toBe(1);
    expect(finished).toBe(false);
    expect((await running).status).toBe(200);
  });

  it(`gives one user at most ${PER_USER} simulations at once (429 beyond), while another user is served`, async () => {
    const [alice, bob] = await Promise.all([signUp(), signUp()]);
    const medium = worstCaseScenario({ samples: 5_000, seed: 1 });
    const first = [create(alice, medium), create(alice, medium)];
    await untilInFlight(PER_USER);
    const third = await create(alice, defaultSizeScenario());
    expect(third.status).toBe(429);
    expect(third.message).toBe(
      `You already have ${PER_USER} simulations running; wait for one to finish, then try again.`,
    );
    const other = await create(bob, defaultSizeScenario());
    expect(other.status).toBe(200);
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    // Once hers have finished, Alice is served again.
    expect((await create(alice, defaultSizeScenario())).status).toBe(200);
  });

  it('refuses work beyond the queue limit with 429 "busy", for any user', async () => {
    const tiny = new SimulationPool({ threads: 1, maxQueue: 1, perUser: 10 });
    try {
      const quick = ScenarioInput.parse(worstCaseScenario({ samples: 2_000, seed: 1 }));
      const accepted = [tiny.runScenario('a', quick), tiny.runScenario('b', quick)];
      const refused = await tiny.runScenario('c', quick).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ name: 'BusyError', message: expect.stringMatching(/server is busy/) });
      await Promise.all(accepted);
    } finally {
      await tiny.close();
    }
  });

  it('by default queues only the jobs that can finish within the time-out behind the running ones', () => {
    // 1 thread, 20 s: 6 worst-case jobs of 3 s fit, one running and 5 waiting (the old fixed 16 did not fit).
    expect(queueThatFinishes({ threads: 1, timeoutMs: 20_000 })).toBe(5);
    expect(queueThatFinishes({ threads: 3, timeoutMs: 20_000 })).toBe(17);
    expect(queueThatFinishes({ threads: 2, timeoutMs: 1_000 })).toBe(0);
    for (const [threads, timeoutMs] of [
      [1, 20_000],
      [1, 5_000],
      [4, 60_000],
    ] as const) {
      const pool = new SimulationPool({ threads, timeoutMs });
      expect(pool.maxQueue).toBe(queueThatFinishes({ threads, timeoutMs }));
      // The last job accepted, behind every one before it, still ends before its time-out.
      const jobs = threads + pool.maxQueue;
      expect(Math.ceil(jobs / threads) * WORST_CASE_JOB_MS).toBeLessThanOrEqual(timeoutMs);
      void pool.close();
    }
  });

  it('with a small default pool, refuses at once (429) the job that could not finish in time', async () => {
    // 1 thread, 6 s: 2 worst-case jobs fit (one running, one waiting); the third is refused without waiting.
    const small = new SimulationPool({ threads: 1, timeoutMs: 2 * WORST_CASE_JOB_MS, perUser: 10 });
    try {
      expect(small.maxQueue).toBe(1);
      const quick = ScenarioInput.parse(worstCaseScenario({ samples: 2_000, seed: 1 }));
      const accepted = [small.runScenario('a', quick), small.runScenario('b', quick)];
      const started = performance.now();
      const refused = await small.runScenario('c', quick).then(
        () => null,
        (e: unknown) => e,
      );
      expect(performance.now() - started).toBeLessThan(100);
      expect(refused).toMatchObject({ name: 'BusyError', message: expect.stringMatching(/server is busy/) });
      await Promise.all(accepted);
    } finally {
      await small.close();
    }
  });

  it('stops a job that runs past its time-out', async () => {
    const impatient = new SimulationPool({ threads: 1, timeoutMs: 50 });
    try {
      await expect(impatient.runScenario('a', worstCaseScenario())).rejects.toMatchObject({
        name: 'SimulationTimeoutError',
        message: expect.stringMatching(/did not finish within 0.05 s/),
      });
    } finally {
      await impatient.close();
    }
  });

  it("gives exactly the domain's result, computed in the same process", async () => {
    for (const input of [defaultSizeScenario(), worstCaseScenario()]) {
      const parsed = ScenarioInput.parse(input);
      expect(await pool.runScenario('equal', parsed)).toStrictEqual(runScenario(parsed));
    }
  });
});
