import { CHAIN_STAGES, type Stage } from '../entities/stage.ts';
import { type ResilienceInput, type ResilienceScore, resilienceScore } from './resilience-score.ts';

export interface ChainScore {
  /** The weakest stage's score: a chain is as resilient as its bottleneck. Null when no stage could be scored. */
  score: number | null;
  bottleneck: Stage | null;
  stages: { stage: Stage; result: ResilienceScore }[];
}

/**
 * Scores each stage of the chain and reports the bottleneck (the lowest-scoring stage with enough data).
 * @example chainScore({ mining: inputA, separation: inputB }).bottleneck // 'separation' when it scores lower
 */
export function chainScore(inputs: Partial<Record<Stage, ResilienceInput>>): ChainScore {
  const stages: ChainScore['stages'] = [];
  for (const stage of [...CHAIN_STAGES, 'recycling' as const]) {
    const input = inputs[stage];
    if (input) stages.push({ stage, result: resilienceScore({ ...input, stage }) });
  }
  let bottleneck: Stage | null = null;
  let score: number | null = null;
  for (const { stage, result } of stages) {
    if (result.status === 'ok' && (score === null || result.score < score)) {
      score = result.score;
      bottleneck = stage;
    }
  }
  return { score, bottleneck, stages };
}
