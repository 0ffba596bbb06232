import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  euSupplyRisk,
  euSupplyRiskBottleneck,
  hhiWgi,
  InvalidSupplyError,
  importReliance,
  shareFrom,
  wgiToEuScale,
} from '../src/index.ts';

describe('EU supply risk (eu-crm-2017)', () => {
  it('matches a hand-computed case', () => {
    // China restricts exports (t = 1.5), which applies to both terms.
    // Global: CHN 0.7, AUS 0.3 → HHI_WGI,t = 0.49·5.67·1.5 + 0.09·2.02 = 4.16745 + 0.1818 = 4.34925
    // Sourcing: CHN 0.5, MYS 0.5 → 0.25·5.67·1.5 + 0.25·4.14 = 2.12625 + 1.035 = 3.16125
    // SR = (4.34925·0.4 + 3.16125·0.6)·(1 − 0.1)·0.9 = (1.7397 + 1.89675)·0.81 = 2.9455245
    const wgi = { CHN: 5.67, AUS: 2.02, MYS: 4.14 };
    const result = euSupplyRisk({
      globalSupply: { CHN: 70, AUS: 30 },
      sourcing: { CHN: 1, MYS: 1 },
      wgi,
      tradeFactors: { CHN: 1.5 },
      importReliance: 0.8,
      eolRir: 0.1,
      substitutionIndex: 0.9,
    });
    expect(result.hhiWgiSourcing).toBeCloseTo(3.16125, 10);
    expect(result.supplyRisk).toBeCloseTo(2.9455245, 9);
    expect(result.hhiWgiGlobal).toBeCloseTo(4.34925, 10);
  });

  it('sourcing defaults to global supply; a single supplier gives its WGI', () => {
    const r = euSupplyRisk({
      globalSupply: { CHN: 1 },
      wgi: { CHN: 5.67 },
      importReliance: 1,
      eolRir: 0,
      substitutionIndex: 1,
    });
    expect(r).toEqual({ supplyRisk: 5.67, hhiWgiGlobal: 5.67, hhiWgiSourcing: 5.67 });
  });

  it('reports the bottleneck stage', () => {
    const common = { wgi: { CHN: 5.67, AUS: 2.02 }, importReliance: 1, eolRir: 0, substitutionIndex: 1 };
    const r = euSupplyRiskBottleneck({
      extraction: { ...common, globalSupply: { CHN: 62, AUS: 38 } },
      processing: { ...common, globalSupply: { CHN: 92, AUS: 8 } },
    });
    expect(r.stage).toBe('processing');
    expect(r.supplyRisk).toBe(r.byStage.processing.supplyRisk);
    expect(r.byStage.processing.supplyRisk).toBeGreaterThan(r.byStage.extraction.supplyRisk);
  });

  it('refuses fractions outside 0–1 and a supplier without governance', () => {
    const base = { globalSupply: { CHN: 1 }, wgi: { CHN: 5 }, eolRir: 0, substitutionIndex: 1 };
    expect(() => euSupplyRisk({ ...base, importReliance: 1.2 })).toThrow(/importReliance must be a fraction/);
    expect(() => hhiWgi({ CHN: 1, XXX: 1 }, { CHN: 5 })).toThrow(InvalidSupplyError);
  });

  it('only ever throws domain errors on arbitrary numbers, never returns NaN', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), fc.double(), (a, b, ir, eol) => {
        try {
          const r = euSupplyRisk({
            globalSupply: { A: a, B: b },
            wgi: { A: 3, B: 7 },
            importReliance: ir,
            eolRir: eol,
            substitutionIndex: 1,
          });
          expect(Number.isNaN(r.supplyRisk)).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidSupplyError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('other indicators', () => {
  it('import reliance follows the EU formula and clamps net exporters to 0', () => {
    expect(importReliance({ production: 0, imports: 100, exports: 0 })).toBe(1);
    expect(importReliance({ production: 50, imports: 100, exports: 50 })).toBe(0.5);
    expect(importReliance({ production: 100, imports: 10, exports: 60 })).toBe(0);
  });

  it('share from a set of suppliers', () => {
    expect(shareFrom({ CHN: 80, AUS: 20 }, ['CHN'])).toBeCloseTo(0.8);
    expect(shareFrom({ CHN: 80, AUS: 20 }, ['CHN', 'CHN', 'USA'])).toBeCloseTo(0.8);
  });

  it('WGI to the EU scale: (2.5 − mean) × 2', () => {
    expect(wgiToEuScale(1.49)).toBeCloseTo(2.02);
    expect(wgiToEuScale(-0.33)).toBeCloseTo(5.66);
    expect(wgiToEuScale(-1.6)).toBeCloseTo(8.2);
  });
});
