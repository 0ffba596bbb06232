// The Monte Carlo around the draft's shocks: its speed, what it samples, the shortfall percentiles and drivers.
import type { RiskResult } from '@ree/domain';
import { fmt, type Say } from './labels';

export function MonteCarloPanel({
  samples,
  seed,
  risk,
  running,
  say,
  locale,
}: {
  samples: number | undefined;
  seed: number | undefined;
  risk: { result: RiskResult; ms: number } | null;
  running: boolean;
  say: Say;
  locale: string;
}) {
  const percent = (fraction: number, digits = 0) => fmt(fraction * 100, locale, digits);
  return (
    <>
      <h2>{say('scenario.monteCarlo', { samples: samples ?? 10000, seed: seed ?? 1 })}</h2>
      {running && !risk ? <p role="status">{say('scenario.mcRunning')}</p> : null}
      {risk ? (
        <div aria-live="polite">
          <p
            className="hint"
            data-testid="mc-rate"
            data-rate={risk.result.samples / (risk.ms / 1000)}
            data-result={JSON.stringify(risk.result)}
            data-seed={risk.result.seed}
          >
            {say('scenario.mcSpeed', { rate: fmt(risk.result.samples / (risk.ms / 1000), locale, 0) })}
          </p>
          <p className="hint" data-testid="mc-sampling">
            {say(
              risk.result.sampling.shocks > 0 ? 'scenario.mcSamplesShocks' : 'scenario.mcSamplesBackground',
              {
                shocks: risk.result.sampling.shocks,
                depthLow: percent(risk.result.sampling.depth[0]),
                depthHigh: percent(risk.result.sampling.depth[1]),
                durationLow: percent(risk.result.sampling.duration[0]),
                durationHigh: percent(risk.result.sampling.duration[1]),
                minCut: percent(risk.result.sampling.background.minCut),
                maxMonths: risk.result.sampling.background.maxMonths,
              },
            )}
          </p>
          <ul>
            <li>
              {say('scenario.p50')}: {fmt(risk.result.p50, locale)}
            </li>
            <li>
              {say('scenario.p95')}: {fmt(risk.result.p95, locale)}
            </li>
            <li>
              {say('scenario.es')}: {fmt(risk.result.expectedShortfall, locale)}
            </li>
            <li>
              {say('scenario.probability')}: {percent(risk.result.probabilityOfShortfall, 1)} %
            </li>
            <li>
              {say('scenario.drivers')}:{' '}
              {risk.result.drivers.map((d) => `${d.supplier} ${percent(d.share)} %`).join(', ')}
            </li>
          </ul>
        </div>
      ) : null}
    </>
  );
}
