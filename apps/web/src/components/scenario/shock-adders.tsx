// The buttons that add a shock: the two real cases, a cut, a surge, or an outage of a facility from the dataset.
// The schema refuses more shocks than the limit, so they stop offering one there.
import { SCENARIO_LIMITS, SHOCK_PRESETS, type Shock } from '@ree/domain';
import type { Say } from './labels';

export interface FacilityChoice {
  id: string;
  name: string;
  country: string;
  capacityPerYear: number | null;
}

export function ShockAdders({
  count,
  firstSupplier,
  facilities,
  add,
  say,
}: {
  count: number;
  firstSupplier: string | undefined;
  facilities: readonly FacilityChoice[];
  add: (shock: Shock) => void;
  say: Say;
}) {
  const full = count >= SCENARIO_LIMITS.shocks;
  const button = (label: string, shock: () => Shock) => (
    <button
      type="button"
      className="ree-button ree-button--secondary"
      disabled={full}
      onClick={() => add(shock())}
    >
      {label}
    </button>
  );
  return (
    <div className="controls">
      {button(say('scenario.preset2010'), SHOCK_PRESETS.embargo2010)}
      {button(say('scenario.preset2025'), SHOCK_PRESETS.licensing2025)}
      {button(say('scenario.addCut'), () => ({
        kind: 'exportCut',
        supplier: firstSupplier ?? 'CHN',
        fraction: 1,
        startMonth: 0,
        months: 3,
      }))}
      {button(say('scenario.addSurge'), () => ({
        kind: 'demandSurge',
        fraction: 0.2,
        startMonth: 0,
        months: 6,
      }))}
      {facilities.length > 0 ? (
        <label>
          {say('scenario.addOutage')}
          <select
            value=""
            disabled={full}
            onChange={(e) => {
              const f = facilities.find((x) => x.id === e.target.value);
              if (f)
                add({
                  kind: 'facilityOutage',
                  facility: f.id,
                  supplier: f.country,
                  lostPerYear: f.capacityPerYear ?? 0,
                  startMonth: 0,
                  months: 3,
                });
            }}
          >
            <option value="">{say('scenario.facility')}…</option>
            {facilities.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({f.country})
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
