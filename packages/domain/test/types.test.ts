// Compile-time checks of the public types (tsc checks these; the runtime assertions are trivially true).
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type Element,
  type Element as ElementSchema,
  type Material,
  type ResilienceScore,
  resilienceScore,
  type Stage,
  type TradeFlow,
} from '../src/index.ts';

describe('public types', () => {
  it('entity types are inferred from their schemas, not written twice', () => {
    expectTypeOf<Element>().toEqualTypeOf<z.infer<typeof ElementSchema>>();
    expectTypeOf<TradeFlow['stage']>().toEqualTypeOf<Stage>();
    expectTypeOf<'NdPr'>().toExtend<Material>();
    expectTypeOf<'Xx'>().not.toExtend<Material>();
  });

  it('a score narrows on its status: a number when ok, null when data is insufficient', () => {
    expectTypeOf(resilienceScore).returns.toEqualTypeOf<ResilienceScore>();
    expectTypeOf<Extract<ResilienceScore, { status: 'ok' }>['score']>().toEqualTypeOf<number>();
    expectTypeOf<Extract<ResilienceScore, { status: 'insufficient-data' }>['score']>().toEqualTypeOf<null>();
    expectTypeOf<
      Extract<ResilienceScore, { status: 'insufficient-data' }>['reason']
    >().toEqualTypeOf<string>();
  });
});
