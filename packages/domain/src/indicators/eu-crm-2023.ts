// The EU's Critical Raw Materials assessment 2023, rare earths: the published results and parameters (as CritMAT
// transcribes them, input_data/seeds/eureport_results.csv), and what the EU method gives from them. The EU's
// per-element country shares are not public in any source here, so a published SR can be reproduced only where one
// supplier at one governance score is known to hold all supply: the heavy rare earths' processing, 100 % China.
import type { ElementSymbol } from '../entities/element.ts';
import { type EuStage, euSupplyRisk } from './eu-supply-risk.ts';

export interface EuCrm2023Row {
  /** Published supply risk and the stage the EU named as the bottleneck. */
  supplyRisk: number;
  stage: EuStage;
  /** Published SR at each stage (null where CritMAT's transcription is blank or broken). */
  extraction: number | null;
  processing: number | null;
  economicImportance: number;
  /** Import reliance at extraction and processing, 0–1. */
  importReliance: { extraction: number | null; processing: number };
  eolRir: number;
  siSr: number;
  /** Whether the EU weighted its own sourcing (GS+EU) or used global supply only (GSonly) at processing. */
  processingBasis: 'GS+EU' | 'GSonly';
}

type Assessed = Exclude<ElementSymbol, 'Pm'>;

const row = (
  supplyRisk: number,
  stage: EuStage,
  extraction: number | null,
  processing: number | null,
  economicImportance: number,
  irExtraction: number | null,
  eolRir: number,
  siSr: number,
  processingBasis: 'GS+EU' | 'GSonly',
): EuCrm2023Row => ({
  supplyRisk,
  stage,
  extraction,
  processing,
  economicImportance,
  importReliance: { extraction: irExtraction, processing: 1 },
  eolRir,
  siSr,
  processingBasis,
});

/**
 * The EU CRM 2023 results for the 16 assessed rare earths (promethium is not assessed). Source: eu-crm-2023 via
 * CritMAT (MIT). Pr's processing SR is blank there; its published SR (3.2) is above its extraction SR (1.8), so the
 * processing SR is 3.2 by inference (left null here).
 */
export const EU_CRM_2023: Readonly<Record<Assessed, EuCrm2023Row>> = Object.freeze({
  La: row(3.5, 'processing', 2.0, 3.5, 2.9, 1, 0.01, 0.97, 'GS+EU'),
  Ce: row(4.0, 'processing', 3.9, 4.0, 4.9, 1, 0.01, 0.97, 'GSonly'),
  Pr: row(3.2, 'processing', 1.8, null, 7.0, 0.8, 0.01, 0.98, 'GS+EU'),
  Nd: row(4.5, 'extraction', 4.5, 3.7, 7.2, 0.8, 0.01, 0.99, 'GS+EU'),
  Sm: row(3.5, 'processing', 2.0, 3.5, 7.7, 0.8, 0.01, 0.98, 'GS+EU'),
  Eu: row(5.6, 'processing', 2.2, 5.6, 3.3, 0.8, 0.01, 1.0, 'GSonly'),
  Gd: row(3.3, 'processing', 1.1, 3.3, 3.3, 0.8, 0.01, 0.59, 'GSonly'),
  Tb: row(4.9, 'processing', 2.5, 4.9, 6.4, 0.8, 0.01, 0.92, 'GSonly'),
  Dy: row(5.6, 'processing', 5.3, 5.6, 7.8, 0.8, 0.01, 0.99, 'GSonly'),
  Ho: row(5.6, 'processing', 2.2, 5.6, 3.2, 0.8, 0.01, 1.0, 'GSonly'),
  Er: row(5.6, 'processing', 2.2, 5.6, 3.5, 0.8, 0.01, 1.0, 'GSonly'),
  Tm: row(5.6, 'processing', 2.2, 5.6, 3.2, 0.8, 0.01, 1.0, 'GSonly'),
  Yb: row(5.6, 'processing', 2.2, 5.6, 3.2, 0.8, 0.01, 1.0, 'GSonly'),
  Lu: row(5.6, 'processing', 2.2, 5.6, 5.0, 0.8, 0.01, 1.0, 'GSonly'),
  Y: row(3.5, 'processing', 1.4, 3.5, 2.9, 1, 0.01, 0.9, 'GSonly'),
  Sc: row(2.4, 'processing', null, 2.4, 3.7, null, 0, 0.87, 'GSonly'),
});

/**
 * China's governance on the EU scale from WGI 2022 (wgi-2022), the score a single Chinese supplier carries. The EU
 * study (March 2023) must have used an earlier WGI edition; China's score moves little between editions, and the
 * eight heavy rare earths reproduce to the published decimal with it.
 */
export const CHINA_WGI_2022 = 5.67;

export interface EuCrm2023Reproduction {
  element: Assessed;
  published: number;
  /** SR at processing with global supply 100 % China, or null where that is not the EU's input. */
  reproduced: number | null;
  /** Whether the reproduction rounds to the published figure (one decimal, as published). */
  matches: boolean;
  /** Why it can or cannot be reproduced from public inputs. */
  why: string;
}

const GS_ONLY_CHINA =
  'processing on global supply only (GSonly), 100 % China at WGI 5.67: SR = 5.67 × (1 − EoL-RIR) × SI_SR';

/**
 * Reproduces each published SR that the public inputs allow, and says why the others cannot be.
 * @example reproduceEuCrm2023().find((r) => r.element === 'Dy') // { published: 5.6, reproduced: 5.56, matches: true, … }
 */
export function reproduceEuCrm2023(): EuCrm2023Reproduction[] {
  return (Object.keys(EU_CRM_2023) as Assessed[]).map((element) => {
    const r = EU_CRM_2023[element];
    if (r.stage !== 'processing' || r.processingBasis !== 'GSonly' || element === 'Sc' || element === 'Ce') {
      return {
        element,
        published: r.supplyRisk,
        reproduced: null,
        matches: false,
        why: notReproducible(element, r),
      };
    }
    const reproduced = euSupplyRisk({
      globalSupply: { CHN: 1 },
      wgi: { CHN: CHINA_WGI_2022 },
      importReliance: r.importReliance.processing,
      eolRir: r.eolRir,
      substitutionIndex: r.siSr,
    }).supplyRisk;
    const matches = Math.round(reproduced * 10) / 10 === r.supplyRisk;
    return {
      element,
      published: r.supplyRisk,
      reproduced,
      matches,
      why: matches
        ? GS_ONLY_CHINA
        : `China 100 % gives ${reproduced.toFixed(2)}, not ${r.supplyRisk}: the EU's inputs for ${element} differ (processing shares outside China, or another governance score); they are not public here`,
    };
  });
}

function notReproducible(element: Assessed, r: EuCrm2023Row): string {
  if (element === 'Sc') return 'scandium: processing shares (several producers) are not public here';
  if (element === 'Ce')
    return 'processing is not 100 % Chinese (the published SR implies HHI_WGI ≈ 4.1–4.2) and the global shares are not public here';
  if (r.stage === 'extraction')
    return 'the bottleneck is extraction, weighted with EU sourcing (GS+EU): global mine shares and EU sourcing shares are not public here';
  return 'processing weights EU sourcing (GS+EU) at import reliance 100 %: global and EU sourcing shares are not public here';
}
