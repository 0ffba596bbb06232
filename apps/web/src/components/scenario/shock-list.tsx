// The shocks of the draft, one row each, keyed by the form's own stable ids (not their position), so removing
// one keeps what was typed in the others.
import { SCENARIO_LIMITS } from '@ree/domain';
import { useController, useFieldArray } from 'react-hook-form';
import { FieldMessage } from './field-error';
import type { Say } from './labels';
import { type FacilityChoice, ShockAdders } from './shock-adders';
import type { DraftForm, DraftValues, FieldError } from './use-scenario-draft';

const asNumber = { valueAsNumber: true } as const;
const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
/** A fraction as the field shows it: per cent to two places; an empty field stays empty. */
const percentOf = (fraction: number | undefined) =>
  fraction === undefined || Number.isNaN(fraction) ? '' : Math.round(fraction * 10000) / 100;

export function ShockList({
  form,
  values,
  facilities,
  fieldError,
  say,
}: {
  form: DraftForm;
  values: DraftValues;
  facilities: readonly FacilityChoice[];
  fieldError: FieldError;
  say: Say;
}) {
  const { register, control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'input.shocks' });
  const suppliers = values.input.baseline.suppliers.map((s) => s.id);
  // The kind's name without the verb ("Add an export cut" → "an export cut"), as the list has always shown it.
  const kindName = (key: string) => say(key).replace(/^\S+\s/, '');
  return (
    <>
      <h2>{say('scenario.shocks')}</h2>
      <ShockAdders
        count={fields.length}
        firstSupplier={suppliers[0]}
        facilities={facilities}
        add={(shock) => append(shock)}
        say={say}
      />
      <FieldMessage message={fieldError('shocks')} />
      <ol className="shock-list">
        {fields.map((field, i) => {
          const shock = values.input.shocks?.[i] ?? field;
          return (
            <li key={field.id} className="controls">
              <strong>
                {shock.kind === 'exportCut'
                  ? kindName('scenario.addCut')
                  : shock.kind === 'facilityOutage'
                    ? shock.facility
                    : kindName('scenario.addSurge')}
              </strong>
              {shock.kind !== 'demandSurge' ? (
                <label>
                  {say('scenario.supplier')}
                  <select {...register(`input.shocks.${i}.supplier`)}>
                    {[...new Set([...suppliers, shock.supplier])].map((id) => (
                      <option key={id}>{id}</option>
                    ))}
                  </select>
                  <FieldMessage message={fieldError(`shocks.${i}.supplier`)} />
                </label>
              ) : null}
              {shock.kind === 'facilityOutage' ? (
                <label>
                  {say('scenario.lost')}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    {...register(`input.shocks.${i}.lostPerYear`, asNumber)}
                  />
                  <FieldMessage message={fieldError(`shocks.${i}.lostPerYear`)} />
                </label>
              ) : (
                <PercentField
                  form={form}
                  index={i}
                  label={shock.kind === 'exportCut' ? say('scenario.cut') : say('scenario.surge')}
                  message={fieldError(`shocks.${i}.fraction`)}
                />
              )}
              <label>
                {say('scenario.start')}
                <input
                  type="number"
                  min={0}
                  max={SCENARIO_LIMITS.months - 1}
                  {...register(`input.shocks.${i}.startMonth`, asNumber)}
                />
                <FieldMessage message={fieldError(`shocks.${i}.startMonth`)} />
              </label>
              <label>
                {say('scenario.duration')}
                <input
                  type="number"
                  min={1}
                  max={SCENARIO_LIMITS.months}
                  {...register(`input.shocks.${i}.months`, asNumber)}
                />
                <FieldMessage message={fieldError(`shocks.${i}.months`)} />
              </label>
              <button type="button" className="ree-button ree-button--secondary" onClick={() => remove(i)}>
                {say('scenario.remove')}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A cut or surge, shown in per cent and kept as a fraction: the schema's and the simulation's unit. */
function PercentField({
  form,
  index,
  label,
  message,
}: {
  form: DraftForm;
  index: number;
  label: string;
  message: string | undefined;
}) {
  const { field } = useController({ control: form.control, name: `input.shocks.${index}.fraction` });
  return (
    <label>
      {label}
      <input
        type="number"
        step="any"
        name={field.name}
        ref={field.ref}
        onBlur={field.onBlur}
        value={percentOf(field.value)}
        onChange={(e) => field.onChange(num(e.target.value) / 100)}
      />
      <FieldMessage message={message} />
    </label>
  );
}
