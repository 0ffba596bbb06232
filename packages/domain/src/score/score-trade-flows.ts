import { Material } from '../entities/element.ts';
import { Stage } from '../entities/stage.ts';
import type { TradeFlow } from '../entities/trade.ts';
import { EU27, isEuMember } from '../region/eu27.ts';
import {
  type ResilienceInput,
  type ResilienceScoreValue,
  scoreValueOfSuppliers,
} from './resilience-score.ts';

/** What the score needs beyond the flows themselves, looked up per cell. */
export interface ScoringContext {
  wgi: Readonly<Record<string, number>>;
  /** Countries restricting exports of `material` in `year` (to `importer`). */
  exportRestricting?: (material: string, year: number, importer: string) => string[];
  partners?: (importer: string) => string[];
  domesticProduction?: (importer: string, material: string, stage: string, year: number) => number;
  recyclingShare?: (importer: string, material: string) => number | undefined;
  substitutionIndex?: (material: string) => number | undefined;
  stockpileDays?: (importer: string, material: string) => number | undefined;
}

/** Trade flows reduced to what scoring reads: tonnage flows only (shares cannot be mixed with tonnes). */
type FlowLike = Pick<
  TradeFlow,
  'importer' | 'exporter' | 'material' | 'stage' | 'year' | 'quantity' | 'unit'
>;

/** Small integer codes for strings, so a cell's key is a small integer rather than a concatenated string. */
class Interner<T> {
  readonly codes = new Map<T, number>();
  code(value: T): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.codes.size;
      this.codes.set(value, c);
    }
    return c;
  }
}

const NO_IMPORTS: Record<string, number> = {};
const MATERIAL_INDEX: Record<string, number> = Object.fromEntries(Material.options.map((m, i) => [m, i]));
const MATERIAL_COUNT = Material.options.length;
const STAGE_INDEX: Record<string, number> = Object.fromEntries(Stage.options.map((s, i) => [s, i]));
const STAGE_COUNT = Stage.options.length;
const FIRST_YEAR = 1950;
const YEAR_COUNT = 2060 - FIRST_YEAR + 1;

/** Dense codes for small integers 0..n−1, in order of first appearance. */
function denseCodes(n: number) {
  const table = new Int32Array(n).fill(-1);
  let next = 0;
  return {
    code(value: number): number {
      let c = table[value] as number;
      if (c < 0) {
        c = next++;
        table[value] = c;
      }
      return c;
    },
    size: () => next,
  };
}

interface Cell {
  flow: FlowLike;
  exporters: string[];
  quantities: number[];
}

/**
 * Scores every consumer × material × stage × year cell that has trade flows (flows in tonnes; a cell's imports
 * are summed by exporter). Returns scores without breakdowns (`resilienceScoreValue`); ask `resilienceScore` for
 * one cell's breakdown. Built for whole datasets: a million flows in well under a second.
 * @example scoreTradeFlows(flows, { wgi }).length // one result per cell
 */
export function scoreTradeFlows(flows: readonly FlowLike[], context: ScoringContext): ResilienceScoreValue[] {
  // First pass: give every importer, and every material, stage and year that occurs, a small dense code (the
  // last three through lookup tables over the domain's enums). A cell's index into a packed array then follows,
  // which is far cheaper than hashing composite keys.
  const importers = new Interner<string>();
  const seen = {
    material: denseCodes(MATERIAL_COUNT),
    stage: denseCodes(STAGE_COUNT),
    year: denseCodes(YEAR_COUNT),
  };
  const codes = new Int32Array(flows.length * 4);
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i] as FlowLike;
    if (!(flow.year >= FIRST_YEAR && flow.year < FIRST_YEAR + YEAR_COUNT)) {
      throw new RangeError(
        `flow ${i} has year ${flow.year}, outside ${FIRST_YEAR}–${FIRST_YEAR + YEAR_COUNT - 1}`,
      );
    }
    codes[i * 4] = importers.code(flow.importer);
    codes[i * 4 + 1] = seen.material.code(MATERIAL_INDEX[flow.material] ?? 0);
    codes[i * 4 + 2] = seen.stage.code(STAGE_INDEX[flow.stage] ?? 0);
    codes[i * 4 + 3] = seen.year.code(flow.year - FIRST_YEAR);
  }
  const [nm, ns, ny] = [seen.material.size(), seen.stage.size(), seen.year.size()];
  const cells: (Cell | undefined)[] = new Array(importers.codes.size * nm * ns * ny).fill(undefined);
  const order: Cell[] = [];
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i] as FlowLike;
    if (flow.unit !== 't') continue;
    // The EU-27's imports are from outside the Union: a member state's sales to it are internal trade.
    if (flow.importer === EU27 && isEuMember(flow.exporter)) continue;
    const k = i * 4;
    const key =
      (((codes[k] as number) * nm + (codes[k + 1] as number)) * ns + (codes[k + 2] as number)) * ny +
      (codes[k + 3] as number);
    let cell = cells[key];
    if (!cell) {
      cell = { flow, exporters: [], quantities: [] };
      cells[key] = cell;
      order.push(cell);
    }
    const at = cell.exporters.indexOf(flow.exporter);
    if (at >= 0) cell.quantities[at] = (cell.quantities[at] ?? 0) + flow.quantity;
    else {
      cell.exporters.push(flow.exporter);
      cell.quantities.push(flow.quantity);
    }
  }
  const results: ResilienceScoreValue[] = [];
  for (const { flow, exporters, quantities } of order) {
    const input: ResilienceInput = {
      consumer: flow.importer,
      material: flow.material,
      stage: flow.stage,
      year: flow.year,
      imports: NO_IMPORTS, // given as arrays below
      domesticProduction:
        context.domesticProduction?.(flow.importer, flow.material, flow.stage, flow.year) ?? 0,
      wgi: context.wgi,
      exportRestricting: context.exportRestricting?.(flow.material, flow.year, flow.importer),
      partners: context.partners?.(flow.importer),
      recyclingShare: context.recyclingShare?.(flow.importer, flow.material),
      substitutionIndex: context.substitutionIndex?.(flow.material),
      stockpileDays: context.stockpileDays?.(flow.importer, flow.material),
    };
    results.push(scoreValueOfSuppliers(input, exporters, quantities));
  }
  return results;
}
