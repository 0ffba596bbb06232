// The baseline as the analyst may edit it: demand, stockpile, how long to simulate, the Monte Carlo settings, and
// each supplier's supply, spare capacity and partner status. Suppliers are keyed by their id (unique by schema).
import { SCENARIO_LIMITS } from '@ree/domain';
import { FieldMessage } from './field-error';
import type { Say } from './labels';
import type { DraftForm, DraftValues, FieldError } from './use-scenario-draft';

const asNumber = { valueAsNumber: true } as const;

export function BaselineFields({
  form,
  values,
  fieldError,
  say,
}: {
  form: DraftForm;
  values: DraftValues;
  fieldError: FieldError;
  say: Say;
}) {
  const { register } = form;
  return (
    <>
      <h2>{say('scenario.baseline')}</h2>
      <div className="controls">
        <label>
          {say('scenario.demand')}
          <input type="number" min={0} step="any" {...register('input.baseline.demandPerYear', asNumber)} />
          <FieldMessage message={fieldError('baseline.demandPerYear')} />
        </label>
        <label>
          {say('scenario.stockpile')}
          <input type="number" min={0} step="any" {...register('input.baseline.stockpileDays', asNumber)} />
          <FieldMessage message={fieldError('baseline.stockpileDays')} />
        </label>
        <label>
          {say('scenario.months')}
          <input
            type="number"
            min={1}
            max={SCENARIO_LIMITS.months}
            {...register('input.baseline.months', asNumber)}
          />
          <FieldMessage message={fieldError('baseline.months')} />
        </label>
        <label className="checkbox">
          <input type="checkbox" {...register('input.baseline.partnersFirst')} />
          {say('scenario.partnersFirst')}
        </label>
        <label>
          {say('scenario.samples')}
          <input
            type="number"
            min={SCENARIO_LIMITS.minSamples}
            max={SCENARIO_LIMITS.maxSamples}
            {...register('input.monteCarlo.samples', asNumber)}
          />
          <FieldMessage message={fieldError('monteCarlo.samples')} />
        </label>
        <label>
          {say('scenario.seed')}
          <input type="number" min={0} {...register('input.monteCarlo.seed', asNumber)} />
          <FieldMessage message={fieldError('monteCarlo.seed')} />
        </label>
      </div>
      <div className="ree-table-wrap">
        <table className="ree-table">
          <caption>{say('scenario.baseline')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('scenario.supplier')}</th>
              <th scope="col">{say('scenario.supply')}</th>
              <th scope="col">{say('scenario.spare')}</th>
              <th scope="col">{say('scenario.partner')}</th>
            </tr>
          </thead>
          <tbody>
            {values.input.baseline.suppliers.map((s, i) => (
              <tr key={s.id}>
                <th scope="row">{s.id}</th>
                <td>
                  <input
                    aria-label={`${s.id} ${say('scenario.supply')}`}
                    type="number"
                    min={0}
                    step="any"
                    {...register(`input.baseline.suppliers.${i}.supplyPerYear`, asNumber)}
                  />
                  <FieldMessage message={fieldError(`baseline.suppliers.${i}.supplyPerYear`)} />
                </td>
                <td>
                  <input
                    aria-label={`${s.id} ${say('scenario.spare')}`}
                    type="number"
                    min={0}
                    step="any"
                    {...register(`input.baseline.suppliers.${i}.spareCapacityPerYear`, asNumber)}
                  />
                  <FieldMessage message={fieldError(`baseline.suppliers.${i}.spareCapacityPerYear`)} />
                </td>
                <td>
                  <input
                    aria-label={`${s.id} ${say('scenario.partner')}`}
                    type="checkbox"
                    {...register(`input.baseline.suppliers.${i}.partner`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
