// What a simulation worker does with a job: the domain's own `runScenario`, unchanged, so the server's result is
// the browser's result to the last digit. No method code lives in the API.
import { runScenario, type ScenarioInput, type ScenarioResult } from '@ree/domain';

export function runScenarioTask(input: ScenarioInput): ScenarioResult {
  return runScenario(input);
}
