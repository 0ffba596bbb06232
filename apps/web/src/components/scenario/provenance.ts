// What a scenario's baseline was read from, as the API says it: the dataset version, the base year and the sources.
import type { RouterOutputs } from '@/lib/api-types';

type Baseline = RouterOutputs['scenarios']['baseline'];

export interface ScenarioProvenance {
  datasetVersion: Baseline['datasetVersion'];
  /** The base year: the year of the imports the baseline was read for (null when it was built without a score). */
  year: number | null;
  sources: Baseline['sources'];
}
