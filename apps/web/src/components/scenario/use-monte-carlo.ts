// Monte Carlo of the checked draft in a Web Worker, debounced so typing stays smooth; the result is timed there.
import type { RiskResult } from '@ree/domain';
import { useEffect, useRef, useState } from 'react';
import type { DraftInput } from './use-scenario-draft';

const DEBOUNCE_MS = 250;

export function useMonteCarlo(checked: DraftInput | null) {
  const worker = useRef<Worker | null>(null);
  const [risk, setRisk] = useState<{ result: RiskResult; ms: number } | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    worker.current = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
    worker.current.onmessage = (event: MessageEvent<{ result?: RiskResult; ms?: number }>) => {
      setRunning(false);
      if (event.data.result && event.data.ms !== undefined)
        setRisk({ result: event.data.result, ms: event.data.ms });
    };
    return () => worker.current?.terminate();
  }, []);
  useEffect(() => {
    if (!checked) return;
    const timer = setTimeout(() => {
      setRunning(true);
      worker.current?.postMessage({
        id: Date.now(),
        input: {
          baseline: checked.baseline,
          shocks: checked.shocks,
          wgi: checked.wgi,
          samples: checked.monteCarlo.samples,
          seed: checked.monteCarlo.seed,
        },
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [checked]);
  return { risk, running };
}
