// `pnpm --filter @ree/api bench`: the largest scenario the limits accept (SCENARIO_LIMITS at every maximum) beside
// the default-size one, measured in the same run: time and peak memory of the domain's runScenario (each in a
// fresh process, so the peak is its own), then the longest the event loop stalls while one runs in-process and
// while it runs in the API's simulation pool.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runScenario, SCENARIO_LIMITS, ScenarioInput } from '@ree/domain';
import { SimulationPool } from '../src/simulation/pool.ts';
import { defaultSizeScenario, worstCaseScenario } from '../test/fixtures/worst-case-scenario.ts';

const SCENARIOS = { default: defaultSizeScenario, worst: worstCaseScenario } as const;
type Which = keyof typeof SCENARIOS;
const RUNS = 3;

/** In a child process: runs one scenario RUNS times and prints its median time and peak memory as JSON. */
function measureHere(which: Which): void {
  const input = ScenarioInput.parse(SCENARIOS[which]());
  const before = process.memoryUsage().rss;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    runScenario(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const peak = process.resourceUsage().maxRSS * 1024; // kB → bytes
  console.log(
    JSON.stringify({ ms: times[Math.floor(RUNS / 2)], peakMb: peak / 1e6, addedMb: (peak - before) / 1e6 }),
  );
}

function measureInChild(which: Which): { ms: number; peakMb: number; addedMb: number } {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), which], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

/** The longest gap between ticks of a 5 ms heartbeat while `work` runs: how long other requests would wait. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; ms: number }> {
  let last = performance.now();
  let stallMs = 0;
  const heartbeat = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 30)); // the heartbeat is beating before the work starts
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 30)); // and records the tick that follows it
  clearInterval(heartbeat);
  return { stallMs, ms };
}

async function main(): Promise<void> {
  const L = SCENARIO_LIMITS;
  console.log(
    `Largest accepted scenario: ${L.suppliers} suppliers, ${L.shocks} shocks, ${L.months} months, ${L.maxSamples.toLocaleString('en')} samples`,
  );
  console.log('Reference: the default size (6 suppliers, 1 shock, 12 months, 10,000 samples)\n');
  const fmt = (n: number) => n.toFixed(0).padStart(7);
  console.log('runScenario in-process     median ms   peak RSS MB   added MB');
  for (const which of ['default', 'worst'] as const) {
    const m = measureInChild(which);
    console.log(`  ${which.padEnd(24)} ${fmt(m.ms)}       ${fmt(m.peakMb)}      ${fmt(m.addedMb)}`);
  }

  const worst = ScenarioInput.parse(worstCaseScenario());
  const pool = new SimulationPool({ threads: 1 });
  try {
    await pool.runScenario('bench', ScenarioInput.parse(defaultSizeScenario())); // start the thread first
    const inProcess = await longestStall(async () => {
      await new Promise((r) => setImmediate(r));
      runScenario(worst);
    });
    const inPool = await longestStall(() => pool.runScenario('bench', worst));
    console.log('\nLongest event-loop stall while the largest runs (other requests wait this long):');
    console.log(
      `  in-process (before): ${fmt(inProcess.stallMs)} ms (run took ${inProcess.ms.toFixed(0)} ms)`,
    );
    console.log(`  simulation pool:     ${fmt(inPool.stallMs)} ms (run took ${inPool.ms.toFixed(0)} ms)`);
  } finally {
    await pool.close();
  }
}

const which = process.argv[2];
if (which === 'default' || which === 'worst') measureHere(which);
else await main();
