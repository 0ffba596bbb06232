// Gives memory back after a burst of load. Measured (issue #12): after load, the web server's heap held ~250 MB
// of garbage (heapUsed 347 MB → 102 MB after one full GC, RSS 561 → 282 MB) because V8 collects its old space
// only when new allocations push it to, and an idle server allocates nothing, so RSS stayed up for good.
// So once requests have come and then `quietMs` pass with none in flight, one full collection runs; a new
// request before then cancels it, and an idle server without new requests is never collected again.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollector {
  /** A request started. */
  started(): void;
  /** A request ended; `inFlight` are still being served. */
  ended(inFlight: number): void;
  stop(): void;
}

export function idleCollector(options: { quietMs: number; collect: () => void }): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  let servedSinceCollect = false;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    started() {
      servedSinceCollect = true;
      cancel();
    },
    ended(inFlight) {
      if (inFlight > 0 || !servedSinceCollect || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        servedSinceCollect = false;
        options.collect();
      }, options.quietMs);
      timer.unref();
    },
    stop: cancel,
  };
}

/**
 * V8's full collection, without starting node with --expose-gc (the flag set now applies to a new context).
 * Three passes: one frees the garbage, the next ones give back the pages it emptied (measured after load:
 * heapTotal 350 MB stayed after one pass; two passes took it from 257 to 158 MB, with 101 MB live).
 */
export function fullGarbageCollection(passes = 3): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    for (let i = 0; i < passes; i++) gc();
  };
}

/** Heap and resident memory in MB, before and after one idle collection. */
export interface CollectionReport {
  heapUsedMb: { before: number; after: number };
  rssMb: { before: number; after: number };
}

/**
 * `collect`, measured and told to `report`: the log line "idle GC: …" is how an operator (and bench:load, which
 * reads the portal's log) sees what the server really keeps once load is over.
 */
export function reportedCollection(
  collect: () => void,
  report: (line: string, figures: CollectionReport) => void,
): () => void {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return () => {
    const before = process.memoryUsage();
    collect();
    const after = process.memoryUsage();
    const figures = {
      heapUsedMb: { before: mb(before.heapUsed), after: mb(after.heapUsed) },
      rssMb: { before: mb(before.rss), after: mb(after.rss) },
    };
    report(
      `idle GC: heap ${figures.heapUsedMb.before} → ${figures.heapUsedMb.after} MB, ` +
        `RSS ${figures.rssMb.before} → ${figures.rssMb.after} MB`,
      figures,
    );
  };
}
