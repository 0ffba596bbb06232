// The lag watch sees a busy event loop: a synchronous stall raises it past what an idle loop shows.
import { describe, expect, it } from 'vitest';
import { watchEventLoopLag } from './event-loop-lag';

describe('watchEventLoopLag', () => {
  it('reads near 0 when idle and rises after the loop is held up', async () => {
    const lag = watchEventLoopLag(10_000);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const idle = lag.ms();
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // hold the loop, as a long render does
      }
      await new Promise((r) => setTimeout(r, 30));
      expect(idle).toBeLessThan(50);
      expect(lag.ms()).toBeGreaterThan(idle + 20);
    } finally {
      lag.stop();
    }
  });
});
