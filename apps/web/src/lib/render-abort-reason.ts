// Frees what a finished or aborted render would otherwise keep (issue #12: the web server's heap grew by ~120 KB
// per render a client gave up on, 60 → 133 MB after 600, and never came back).
//
// React ends every server render by aborting its cache signal with an Error (the render completed, failed or was
// aborted). V8 keeps a new Error's stack as structured call sites until someone reads `.stack`, and those call
// sites hold the receivers of their frames: here the setImmediate that React flushed in. A run Immediate keeps
// its links to the next and previous ones of its batch (_idleNext/_idlePrev), and each carries the
// AsyncLocalStorage store it was scheduled under, which is another render's React request, whose cache signal
// holds its own Error… So the renders chain together, and one that stays reachable (an aborted render's stream
// does) holds every render after it. Reading `.stack` once makes V8 format it into a string and drop the call
// sites, which cuts the chain.
import { cacheSignal } from 'react';

/** Formats the stack of `reason` (an abort reason) and returns it: after that V8 keeps only the string. */
export function releaseStackOf(reason: unknown): string | undefined {
  return reason instanceof Error ? reason.stack : undefined;
}

/**
 * Call during a server render (the root layout does): once React aborts the render's cache signal, its reason
 * keeps a formatted stack instead of the call sites that chain renders together. Outside a render, does nothing.
 */
export function releaseRenderOnAbort(signal: AbortSignal | null = cacheSignal()): void {
  if (!signal) return;
  if (signal.aborted) releaseStackOf(signal.reason);
  else signal.addEventListener('abort', () => releaseStackOf(signal.reason), { once: true });
}
