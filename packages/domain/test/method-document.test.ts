import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, methodDocument, resilienceScore, WORKED_EXAMPLE } from '../src/index.ts';

describe('METHOD.md', () => {
  it('is exactly what the code generates (run `pnpm --filter @ree/domain method` after changing the method)', () => {
    expect(readFileSync(new URL('../METHOD.md', import.meta.url), 'utf8')).toBe(methodDocument());
  });

  it('states the default weights, which sum to 1, and the worked example’s score', () => {
    const doc = methodDocument();
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const score = resilienceScore(WORKED_EXAMPLE).score ?? Number.NaN;
    expect(doc).toContain(`**Score: ${score.toFixed(1)}**`);
  });
});
