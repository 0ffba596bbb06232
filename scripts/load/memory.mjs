// bench:load's memory figures: resident memory sampled during a soak, the first against the last minute (a leak
// shows as growth between them, load spikes do not), and the web server's heap after its idle GC, from its log.
import { readFile } from 'node:fs/promises';

/**
 * Samples `read()` (who → MB or null) every `everyMs` from now on.
 * @param {() => Record<string, number | null>} read
 * @param {number} everyMs
 */
export function sampleMemory(read, everyMs) {
  const started = performance.now();
  /** @type {{ s: number, mb: Record<string, number | null> }[]} */
  const samples = [];
  const take = () => samples.push({ s: (performance.now() - started) / 1000, mb: read() });
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/**
 * Mean MB of `who` in the first and in the last `windowS` seconds of `samples`, and the change in %.
 * @param {{ s: number, mb: Record<string, number | null> }[]} samples
 * @param {string} who
 * @param {number} [windowS]
 */
export function firstAndLastMinute(samples, who, windowS = 60) {
  const end = samples.at(-1)?.s ?? 0;
  /** @param {(s: number) => boolean} within */
  const mean = (within) => {
    const values = samples.filter((x) => within(x.s) && x.mb[who] != null).map((x) => Number(x.mb[who]));
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const first = mean((s) => s <= windowS);
  const last = mean((s) => s >= end - windowS);
  const changePct = first && last !== null ? ((last - first) / first) * 100 : null;
  return { first, last, changePct };
}

/**
 * The web server's heap in MB after its last idle GC, from the portal's log ("idle GC: heap A → B MB, …"), or
 * null when the log has none.
 * @param {string} logFile
 */
export async function heapAfterIdleGc(logFile) {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const lines = [...text.matchAll(/^idle GC: heap (\d+) → (\d+) MB/gm)];
  const last = lines.at(-1);
  return last ? Number(last[2]) : null;
}
