import { InvalidSupplyError } from '../errors.ts';
import { type Supply, shares } from './hhi.ts';

/** Input of the EU supply-risk formula (eu-crm-2017, applied again in eu-crm-2023). */
export interface EuSupplyRiskInput {
  /** Global supply by country (quantities or shares) at the assessed stage. */
  globalSupply: Supply;
  /** The assessing economy's sourcing by country; defaults to `globalSupply`. */
  sourcing?: Supply;
  /** Governance on the EU 0–10 scale (10 = worst) by country. */
  wgi: Readonly<Record<string, number>>;
  /** Trade-related factor t_c (0.8 trade agreement, 1.1–1.5 export restrictions); 1 when absent. */
  tradeFactors?: Readonly<Record<string, number>>;
  /** Import reliance IR, 0–1. */
  importReliance: number;
  /** End-of-life recycling input rate EoL-RIR, 0–1. */
  eolRir: number;
  /** Substitution index for supply risk SI_SR, 0–1 (1 = no substitute). */
  substitutionIndex: number;
}

export interface EuSupplyRisk {
  supplyRisk: number;
  hhiWgiGlobal: number;
  hhiWgiSourcing: number;
}

function fraction(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidSupplyError(`${name} must be a fraction from 0 to 1, got ${value}`);
  }
  return value;
}

/**
 * HHI_WGI,t = Σ_c S_c² × WGI_c × t_c, with S_c as fractions, so the result is on 0–10 (× t).
 * @throws InvalidSupplyError when a supplier with a non-zero share has no governance score.
 */
export function hhiWgi(
  supply: Supply,
  wgi: Readonly<Record<string, number>>,
  tradeFactors: Readonly<Record<string, number>> = {},
): number {
  let sum = 0;
  for (const [country, share] of Object.entries(shares(supply))) {
    if (share === 0) continue;
    const g = wgi[country];
    if (g === undefined || !Number.isFinite(g)) {
      throw new InvalidSupplyError(
        `no governance score (WGI) for ${country}, which supplies ${(share * 100).toFixed(1)} %`,
      );
    }
    sum += share * share * g * (tradeFactors[country] ?? 1);
  }
  return sum;
}

/**
 * The EU criticality method's supply risk:
 * SR = [HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2)] × (1 − EoL_RIR) × SI_SR.
 * A material is critical when SR ≥ 1 and economic importance ≥ 2.8. Source: eu-crm-2017.
 * @example euSupplyRisk({ globalSupply: { CHN: 1 }, wgi: { CHN: 5.67 }, importReliance: 1, eolRir: 0, substitutionIndex: 1 })
 * // { supplyRisk: 5.67, hhiWgiGlobal: 5.67, hhiWgiSourcing: 5.67 }
 */
export function euSupplyRisk(input: EuSupplyRiskInput): EuSupplyRisk {
  const ir = fraction('importReliance', input.importReliance);
  const eol = fraction('eolRir', input.eolRir);
  const si = fraction('substitutionIndex', input.substitutionIndex);
  const hhiWgiGlobal = hhiWgi(input.globalSupply, input.wgi, input.tradeFactors);
  const hhiWgiSourcing = input.sourcing
    ? hhiWgi(input.sourcing, input.wgi, input.tradeFactors)
    : hhiWgiGlobal;
  const supplyRisk = (hhiWgiGlobal * (ir / 2) + hhiWgiSourcing * (1 - ir / 2)) * (1 - eol) * si;
  return { supplyRisk, hhiWgiGlobal, hhiWgiSourcing };
}

export type EuStage = 'extraction' | 'processing';

/**
 * Computes SR for extraction and for processing and reports the higher one, as the EU does (the bottleneck).
 * @example euSupplyRiskBottleneck({ extraction: a, processing: b }).stage // 'processing' when b's SR is higher
 */
export function euSupplyRiskBottleneck(inputs: Record<EuStage, EuSupplyRiskInput>): EuSupplyRisk & {
  stage: EuStage;
  byStage: Record<EuStage, EuSupplyRisk>;
} {
  const byStage = {
    extraction: euSupplyRisk(inputs.extraction),
    processing: euSupplyRisk(inputs.processing),
  };
  const stage: EuStage =
    byStage.processing.supplyRisk >= byStage.extraction.supplyRisk ? 'processing' : 'extraction';
  return { ...byStage[stage], stage, byStage };
}
