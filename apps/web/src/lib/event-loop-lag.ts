// How late the event loop runs, for load shedding. Next renders pages on this one thread: when renders keep it
// busy, every request — a shed one too — waits its turn, so counting requests in flight is not enough. Past a
// lag, new requests are refused at once until the loop catches up.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopLag {
  /** The mean lag (ms) of the current window, or of the last whole one if that was worse. */
  ms(): number;
  stop(): void;
}

/** Samples the lag with a 10 ms timer; each window (default 500 ms) starts afresh, so one stall is not forever. */
export function watchEventLoopLag(windowMs = 500): EventLoopLag {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const mean = () => (histogram.count > 0 ? histogram.mean / 1e6 : 0);
  let lastWindow = 0;
  const timer = setInterval(() => {
    lastWindow = mean();
    histogram.reset();
  }, windowMs);
  timer.unref();
  return {
    ms: () => Math.max(lastWindow, mean()),
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
