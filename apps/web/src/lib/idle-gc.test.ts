// Memory returns after load (issue #12): one full GC once the web server falls quiet, never during load.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullGarbageCollection, idleCollector, reportedCollection } from './idle-gc';

afterEach(() => vi.useRealTimers());

describe('idleCollector', () => {
  it('collects once after requests and quietMs with none in flight; a new request postpones it', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const idle = idleCollector({ quietMs: 2_000, collect });
    idle.started();
    idle.started();
    idle.ended(1);
    vi.advanceTimersByTime(5_000);
    expect(collect).not.toHaveBeenCalled(); // one still in flight
    idle.ended(0);
    vi.advanceTimersByTime(1_500);
    idle.started(); // load resumes before the quiet time is up
    idle.ended(0);
    vi.advanceTimersByTime(1_500);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1); // no new requests: nothing more to give back
  });

  it('the full collection really frees garbage the heap was holding', () => {
    const gc = fullGarbageCollection();
    gc();
    const before = process.memoryUsage().heapUsed;
    let garbage: object[] | null = Array.from({ length: 500_000 }, (_, i) => ({ i }));
    expect(garbage.length).toBe(500_000);
    garbage = null;
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5_000_000);
  });
});

describe('reportedCollection', () => {
  it('runs the collection and reports heap and RSS before and after, in MB', () => {
    const collect = vi.fn();
    const report = vi.fn();
    reportedCollection(collect, report)();
    expect(collect).toHaveBeenCalledTimes(1);
    const [line, figures] = report.mock.calls[0] ?? [];
    expect(line).toMatch(/^idle GC: heap \d+ → \d+ MB, RSS \d+ → \d+ MB$/);
    expect(figures.heapUsedMb.after).toBeGreaterThan(0);
  });
});
