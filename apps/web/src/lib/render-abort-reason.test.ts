// Issue #12 ("memory returns after load"): renders chained together through their abort reasons' stacks, so one
// render that stayed reachable kept every later one. This builds the same chain as React's server renderer does —
// each render an AsyncLocalStorage store, its cache signal aborted with an Error made in a setImmediate — roots
// the first render as an aborted page's stream did, and checks which renders the GC can take back.
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { fullGarbageCollection } from './idle-gc';
import { releaseRenderOnAbort } from './render-abort-reason';

const gc = fullGarbageCollection();

/** Stands for React's request object: what one render holds (its tree, its data). */
class Render {
  readonly cacheController = new AbortController();
  readonly held = new Array(10_000).fill(0);
}

/**
 * Runs `count` renders in one turn of the loop, as concurrent page renders do, and resolves once all are done with
 * how many of them the GC could not collect (besides the first, which the caller keeps).
 */
async function rendersLeftAfterGc(count: number, release: boolean): Promise<number> {
  const storage = new AsyncLocalStorage<Render>();
  const collected = new Set<number>();
  const registry = new FinalizationRegistry<number>((i) => collected.add(i));
  let first: Render | undefined;
  await new Promise<void>((resolve) => {
    let done = 0;
    for (let i = 0; i < count; i++) {
      const render = new Render();
      first ??= render;
      registry.register(render, i);
      storage.run(render, () => {
        if (release) releaseRenderOnAbort(render.cacheController.signal);
        // React flushes in an Immediate and then aborts the cache signal with an Error: "render completed".
        setImmediate(() => {
          render.cacheController.abort(new Error('This render completed.'));
          if (++done === count) resolve();
        });
      });
    }
  });
  for (let round = 0; round < 5 && collected.size < count - 1; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(first).toBeInstanceOf(Render); // still reachable: it is what roots the chain
  return count - 1 - collected.size;
}

describe('releaseRenderOnAbort', () => {
  it('without it, one render kept reachable keeps the renders after it (the leak)', async () => {
    expect(await rendersLeftAfterGc(50, false)).toBeGreaterThan(40);
  });

  it('with it, every render but the one kept is collected', async () => {
    expect(await rendersLeftAfterGc(50, true)).toBe(0);
  });

  it('outside a render (no cache signal) it does nothing', () => {
    expect(() => releaseRenderOnAbort(null)).not.toThrow();
  });
});
