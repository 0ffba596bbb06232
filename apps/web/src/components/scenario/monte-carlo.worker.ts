// Monte Carlo off the main thread: the editor stays responsive while 10,000+ samples run.
import { RiskInput, simulateRisk } from '@ree/domain';

self.onmessage = (event: MessageEvent<{ id: number; input: unknown }>) => {
  const started = performance.now();
  try {
    const input = RiskInput.parse(event.data.input);
    const result = simulateRisk(input);
    self.postMessage({ id: event.data.id, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id: event.data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
