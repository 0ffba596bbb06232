// A saved scenario outlives the code that saved it. Each is stored with the schema version of its input; reading
// one moves an older input forward through the migrations below, one version at a time, and then checks it with
// today's ScenarioInput, so a schema change never breaks a saved scenario. A stored result that no longer fits
// today's ScenarioResult (or came from an older input version) is not shown: the caller runs the input again.
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { ScenarioInput, ScenarioResult } from './scenario.ts';

/**
 * The version of ScenarioInput this code writes.
 * 1: scenarios saved before versions were stored (Monte Carlo samples up to 200,000).
 * 2: every input bounded by SCENARIO_LIMITS (samples at most 20,000).
 */
export const SCENARIO_SCHEMA_VERSION = 2;

type Migration = (input: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n input into a version-(n + 1) one. Never edit one: add the next. */
const MIGRATIONS: Record<number, Migration> = {
  // Samples were capped at 200,000 before the limits; a larger run now costs too much, so it is lowered to the
  // cap (the result's P95 gets a little less precise, its seed stays).
  1: (input) => {
    const monteCarlo = input.monteCarlo;
    if (typeof monteCarlo !== 'object' || monteCarlo === null || Array.isArray(monteCarlo)) return input;
    const { samples } = monteCarlo as { samples?: unknown };
    if (typeof samples !== 'number' || samples <= SCENARIO_LIMITS.maxSamples) return input;
    return { ...input, monteCarlo: { ...monteCarlo, samples: SCENARIO_LIMITS.maxSamples } };
  },
};

export class StoredScenarioError extends DomainError {
  override name = 'StoredScenarioError';
}

const StoredObject = z.record(z.string(), z.json());

/** A saved scenario's input, moved to today's schema and checked, and its result when it still fits. */
export function readStoredScenario(stored: { schemaVersion: number; input: unknown; result: unknown }): {
  input: z.output<typeof ScenarioInput>;
  result: ScenarioResult | null;
} {
  const { schemaVersion } = stored;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > SCENARIO_SCHEMA_VERSION) {
    throw new StoredScenarioError(
      `This scenario was saved with schema version ${schemaVersion}; this code reads 1 to ${SCENARIO_SCHEMA_VERSION}.`,
    );
  }
  let input: Record<string, unknown> = StoredObject.parse(stored.input);
  for (let v = schemaVersion; v < SCENARIO_SCHEMA_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) throw new StoredScenarioError(`No migration from scenario schema version ${v}.`);
    input = migrate(input);
  }
  const checked = ScenarioInput.safeParse(input);
  if (!checked.success) {
    throw new StoredScenarioError(
      `This saved scenario does not fit today's schema: ${checked.error.issues[0]?.message ?? 'invalid'}.`,
    );
  }
  const result = schemaVersion === SCENARIO_SCHEMA_VERSION ? ScenarioResult.safeParse(stored.result) : null;
  return { input: checked.data, result: result?.success ? result.data : null };
}
