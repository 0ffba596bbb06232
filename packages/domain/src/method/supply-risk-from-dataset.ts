// The EU criticality method's supply risk for one material, from a dataset's rows: extraction and processing
// shares (the material's own, or the nearest stand-in, said), the EU's import reliance, end-of-life recycling
// input rate and substitution index for the material, governance, and trade factors only where the data has them.
import { z } from 'zod';
import type { DatasetRows } from '../dataset/entity-files.ts';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import { type EuStage, euSupplyRisk } from '../indicators/eu-supply-risk.ts';
import { asOfDate } from './controls.ts';
import { governanceAsOf, indexDataset, productionKey } from './dataset-index.ts';
import { findIndicator } from './indicators.ts';
import { fallbackNote, lookupMix } from './lookup.ts';
import type { SupplyMix } from './supply-mix.ts';
import { RestrictedTradeFactor, tradeFactorsAsOf } from './trade-factors.ts';

const IsoDate = z.iso.date();

export const SupplyRiskQuery = z
  .strictObject({
    material: Material,
    /** The assessing region's code in the data (the EU's CRM assessment: `EU`). */
    assessor: z
      .string()
      .regex(/^[A-Z]{2,3}$/)
      .default('EU'),
    year: Year,
    /** Read export controls as of this date; default the year's last day, or `today` for this year. */
    asOf: IsoDate.optional(),
    /** Today's date, so that the same call gives the same answer everywhere; default the year's last day. */
    today: IsoDate.optional(),
    /** The trade factor t for a supplier with an export control in force on `asOf`; default none (t = 1), as the EU in 2023. */
    restrictedTradeFactor: RestrictedTradeFactor.optional(),
  })
  .refine((q) => !q.asOf || q.asOf.startsWith(`${q.year}-`), {
    message: 'the as-of date lies in the year asked',
    path: ['asOf'],
  });
export type SupplyRiskQuery = z.input<typeof SupplyRiskQuery>;

/**
 * The EU weights global supply and its own sourcing by import reliance; for the heavy rare earths' processing it
 * used global supply only. The data has no per-element EU sourcing, so global supply stands in for both.
 */
const GLOBAL_SOURCING_NOTE =
  "global supply stands in for the assessor's own sourcing (no per-element sourcing in the data; the EU itself used global supply only for the heavy rare earths' processing)";

/** Governance of a named supplier without a score in the data: the worst, so that a gap never lowers the risk. */
export const UNSCORED_WGI = 10;

export interface StageSupplyRisk {
  stage: EuStage;
  supplyRisk: number;
  hhiWgiGlobal: number;
  hhiWgiSourcing: number;
  shares: Record<string, number>;
  unallocatedShare: number;
  materialUsed: Material;
  yearUsed: number;
  sourceIds: string[];
  /** How the assessor's own sourcing was taken (the data has none per element: global supply stands in). */
  sourcing: 'global supply stands in';
  notes: string[];
}

export interface DatasetSupplyRisk {
  material: Material;
  year: number;
  /** The date export controls were read on. */
  asOf: string;
  /** Suppliers with an export control in force on the material towards the assessor on `asOf`, and why. */
  controls: { restricting: string[]; notes: string[] };
  /** The stage with the higher risk (the EU reports it), null when neither can be computed. */
  bottleneck: EuStage | null;
  supplyRisk: number | null;
  extraction: StageSupplyRisk | { stage: EuStage; missing: string };
  processing: StageSupplyRisk | { stage: EuStage; missing: string };
  inputs: {
    importReliance: { value: number; sourceId: string; material: Material } | null;
    eolRir: { value: number; sourceId: string; material: Material } | null;
    substitutionIndex: { value: number; sourceId: string; material: Material } | null;
    tradeFactors: Record<string, number>;
    wgi: Record<string, number>;
  };
  /** The assessor's own published figure, to compare against. */
  published: { supplyRisk: number; stage: EuStage | null; year: number; sourceId: string } | null;
  /** What prevents a result, when `supplyRisk` is null. */
  missing: string[];
}

const STAGE_OF: Record<EuStage, 'mining' | 'separation'> = { extraction: 'mining', processing: 'separation' };

/**
 * The supply risk of `material` in `year`, each input named with its source.
 * @example supplyRiskFromDataset(rows, { material: 'Dy', year: 2025 }).bottleneck // 'processing'
 */
export function supplyRiskFromDataset(data: DatasetRows, rawQuery: SupplyRiskQuery): DatasetSupplyRisk {
  const q = SupplyRiskQuery.parse(rawQuery);
  const index = indexDataset(data);
  const asOf = q.asOf ?? asOfDate(q.year, q.today ?? `${q.year}-12-31`);
  const trade = tradeFactorsAsOf(data.policies, {
    material: q.material,
    assessor: q.assessor,
    date: asOf,
    ...(q.restrictedTradeFactor ? { restrictedFactor: q.restrictedTradeFactor } : {}),
  });
  const find = (indicator: 'import-reliance' | 'eol-rir' | 'si-sr') => {
    const f = findIndicator(data.indicators, {
      material: q.material,
      indicator,
      scope: q.assessor,
      year: q.year,
    });
    return f ? { value: f.row.value, sourceId: f.row.sourceId, material: f.row.material } : null;
  };
  const inputs = {
    importReliance: find('import-reliance'),
    eolRir: find('eol-rir'),
    substitutionIndex: find('si-sr'),
    tradeFactors: trade.factors,
    wgi: governanceAsOf(index, q.year).wgi,
  };
  const missing = [
    inputs.importReliance ? null : `${q.assessor} import reliance for ${q.material}`,
    inputs.eolRir ? null : `end-of-life recycling input rate for ${q.material}`,
    inputs.substitutionIndex ? null : `substitution index for ${q.material}`,
  ].filter((m): m is string => m !== null);

  const stageRisk = (stage: EuStage): StageSupplyRisk | { stage: EuStage; missing: string } => {
    const cells = (m: Material) => index.production.get(productionKey(STAGE_OF[stage], m, false));
    const { found, tried } = lookupMix(cells, index.sources, { material: q.material, year: q.year });
    if (!found) return { stage, missing: `no ${STAGE_OF[stage]} shares (${tried.join('; ')})` };
    if (missing.length > 0) return { stage, missing: missing.join(', ') };
    const notes = [fallbackNote({ material: q.material, year: q.year }, found)].filter(
      (n): n is string => n !== null,
    );
    const wgi = withUnscored(inputs.wgi, found.mix, notes);
    if (found.mix.unallocated > 0)
      notes.push(
        `${(found.mix.unallocated * 100).toFixed(1)} % of supply is not allocated to a country: taken as spread over many small suppliers (it adds nothing to HHI_WGI)`,
      );
    notes.push(GLOBAL_SOURCING_NOTE);
    const r = euSupplyRisk({
      globalSupply: { ...found.mix.shares, ...unallocatedAsSpread(found.mix) },
      wgi,
      tradeFactors: inputs.tradeFactors,
      importReliance: inputs.importReliance?.value ?? 1,
      eolRir: inputs.eolRir?.value ?? 0,
      substitutionIndex: inputs.substitutionIndex?.value ?? 1,
    });
    return {
      stage,
      supplyRisk: r.supplyRisk,
      hhiWgiGlobal: r.hhiWgiGlobal,
      hhiWgiSourcing: r.hhiWgiSourcing,
      shares: found.mix.shares,
      unallocatedShare: found.mix.unallocated,
      materialUsed: found.material,
      yearUsed: found.year,
      sourceIds: found.mix.sourceIds,
      sourcing: 'global supply stands in',
      notes,
    };
  };
  const extraction = stageRisk('extraction');
  const processing = stageRisk('processing');
  const computed = [extraction, processing].filter((s): s is StageSupplyRisk => 'supplyRisk' in s);
  const top = computed.reduce<StageSupplyRisk | null>(
    (a, b) => (a && a.supplyRisk >= b.supplyRisk ? a : b),
    null,
  );
  const published = findIndicator(data.indicators, {
    material: q.material,
    indicator: 'supply-risk',
    scope: q.assessor,
    year: q.year,
  });
  return {
    material: q.material,
    year: q.year,
    asOf,
    controls: { restricting: trade.restricting, notes: trade.notes },
    bottleneck: top?.stage ?? null,
    supplyRisk: top?.supplyRisk ?? null,
    extraction,
    processing,
    inputs,
    published:
      published && published.level === 'own'
        ? {
            supplyRisk: published.row.value,
            stage: published.row.stage ?? null,
            year: published.row.year,
            sourceId: published.row.sourceId,
          }
        : null,
    missing: computed.length > 0 ? [] : missing.length > 0 ? missing : ['production shares'],
  };
}

/** The formula's key for unallocated supply: governance 0, so it adds nothing, as many small suppliers would. */
const UNALLOCATED = '(unallocated)';

/**
 * Unallocated supply spread over many small suppliers contributes (next to) nothing to HHI_WGI. It goes into the
 * formula as one entry of governance 0, so the named shares stay shares of the whole rather than being scaled up.
 */
function unallocatedAsSpread(mix: SupplyMix): Record<string, number> {
  return mix.unallocated > 0 ? { [UNALLOCATED]: mix.unallocated } : {};
}

function withUnscored(wgi: Record<string, number>, mix: SupplyMix, notes: string[]): Record<string, number> {
  const out: Record<string, number> = { ...wgi, [UNALLOCATED]: 0 };
  for (const country of Object.keys(mix.shares)) {
    if (out[country] !== undefined) continue;
    out[country] = UNSCORED_WGI;
    notes.push(`no governance score for ${country}: counted as ${UNSCORED_WGI}, the worst`);
  }
  return out;
}
