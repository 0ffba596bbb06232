// The scenario being edited: a react-hook-form draft checked by the domain's own schema (the zod resolver), and
// the month-by-month run of it, redone in the browser (and timed) on every edit that passes the schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { type DisruptionResult, ScenarioInput, simulateDisruption } from '@ree/domain';
import { useEffect, useMemo } from 'react';
import { get, type UseFormReturn, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';

/** The form: the scenario's name and notes beside its input, which the domain's schema checks as it is saved. */
export const ScenarioDraft = z.object({ name: z.string(), notes: z.string(), input: ScenarioInput });
/** What the fields hold (the schema's input side: a field may be empty or out of range while being edited). */
export type DraftValues = z.input<typeof ScenarioDraft>;
/** What passes the schema, defaults filled in: what is simulated and saved. */
export type ScenarioDraft = z.output<typeof ScenarioDraft>;
export type DraftInput = ScenarioDraft['input'];
export type DraftForm = UseFormReturn<DraftValues, unknown, ScenarioDraft>;

/** The message the schema gives for a field (or for a list as a whole), shown next to it. */
export type FieldError = (path: string) => string | undefined;

/** One run of the simulation, from the draft's checked input, with the time it took in the browser. */
export function simulate(input: DraftInput): DisruptionResult {
  return simulateDisruption({
    ...input.baseline,
    shocks: input.shocks,
    ...(input.scoreInput ? { scoreInput: input.scoreInput } : {}),
  });
}

export function useScenarioDraft(initial: ScenarioDraft) {
  const form: DraftForm = useForm({ resolver: zodResolver(ScenarioDraft), defaultValues: initial });
  // A copy on every change, so what is computed from it is computed again (the form mutates its own values).
  const values = useWatch({ control: form.control, compute: (v: DraftValues) => structuredClone(v) });
  const { trigger } = form;
  // Every field's message at once, as the schema's cross-field checks (a shock naming a supplier) need.
  useEffect(() => {
    void trigger();
  }, [values, trigger]);

  const parsed = useMemo(() => ScenarioInput.safeParse(values.input), [values]);
  const { result, ms } = useMemo(() => {
    if (!parsed.success) return { result: null, ms: null };
    const started = performance.now();
    const run = simulate(parsed.data);
    return { result: run, ms: performance.now() - started };
  }, [parsed]);

  const { errors } = form.formState;
  const fieldError: FieldError = (path) => {
    return messageOf(get(errors, `input.${path}`)) ?? messageOf(get(errors, `input.${path}.root`));
  };
  return { form, values, checked: parsed.success ? parsed.data : null, result, ms, fieldError };
}

function messageOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
    ? error.message
    : undefined;
}
