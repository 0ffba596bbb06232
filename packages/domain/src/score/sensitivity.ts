// Which input or weight moves a score most: for each component, the points its risk costs, and how far the score
// moves when its weight is raised or lowered by half (the others renormalised), or its risk set to the worst case
// the data allows (unallocated supply as one worst supplier).
import { ComponentId, DEFAULT_WEIGHTS } from './method.ts';
import { type ResilienceInput, resilienceScore } from './resilience-score.ts';

export interface ComponentSensitivity {
  id: ComponentId;
  /** Points the component's risk costs the score: 100 × weight × risk. */
  pointsLost: number;
  /** Change in the score when this component's weight is × 1.5, and × 0.5. */
  weightUp: number;
  weightDown: number;
}

export interface ScoreSensitivity {
  score: number;
  components: ComponentSensitivity[];
  /** The component whose weight moves the score most (the larger of |weightUp|, |weightDown|). */
  mostSensitiveWeight: ComponentId | null;
  /** The component that costs the score most points. */
  drag: ComponentId | null;
}

/**
 * @example scoreSensitivity(input)?.mostSensitiveWeight // e.g. 'restrictedSupply'
 * @returns null when the input has no score (insufficient data).
 */
export function scoreSensitivity(input: ResilienceInput): ScoreSensitivity | null {
  const base = resilienceScore(input);
  if (base.status !== 'ok') return null;
  const weightOf = (id: ComponentId) => input.weights?.[id] ?? DEFAULT_WEIGHTS[id];
  const scaled = (id: ComponentId, factor: number) => {
    const weights = Object.fromEntries(
      ComponentId.options.map((c) => [
        c,
        (c === id ? factor : 1) * (input.weights?.[c] ?? DEFAULT_WEIGHTS[c]),
      ]),
    );
    const r = resilienceScore({ ...input, weights });
    return r.status === 'ok' ? r.score - base.score : 0;
  };
  const components = base.components.map((c) => ({
    id: c.id,
    pointsLost: c.maxPoints - c.points,
    weightUp: weightOf(c.id) > 0 ? scaled(c.id, 1.5) : 0,
    weightDown: weightOf(c.id) > 0 ? scaled(c.id, 0.5) : 0,
  }));
  const by = (f: (c: ComponentSensitivity) => number) =>
    components.reduce<ComponentSensitivity | null>((a, b) => (a && f(a) >= f(b) ? a : b), null)?.id ?? null;
  return {
    score: base.score,
    components,
    mostSensitiveWeight: by((c) => Math.max(Math.abs(c.weightUp), Math.abs(c.weightDown))),
    drag: base.drag,
  };
}
