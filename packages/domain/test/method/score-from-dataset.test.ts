import { describe, expect, it } from 'vitest';
import { resilienceScore, scoreFromDataset, scoreTrend } from '../../src/index.ts';
import { japanOutline } from './fixture.ts';

const today = '2026-12-01';
const data = japanOutline();
const score = (material: 'Dy' | 'NdPr' | 'REE' | 'Tb', year: number) =>
  scoreFromDataset(data, { consumer: 'JPN', material, stage: 'separation', year, today });

describe('the score from a dataset', () => {
  it("Dy is scored from Dy's own imports, far below NdPr (defect 1)", () => {
    const dy = score('Dy', 2025);
    const ndpr = score('NdPr', 2025);
    expect(dy.imports).toMatchObject({ material: 'Dy', level: 'own', year: 2025 });
    expect(ndpr.imports).toMatchObject({ material: 'NdPr', level: 'own' });
    expect(dy.result.score).not.toBeNull();
    expect(ndpr.result.score).not.toBeNull();
    expect((ndpr.result.score ?? 0) - (dy.result.score ?? 0)).toBeGreaterThan(25);
    expect(dy.result.drag).toBe('restrictedSupply');
  });

  it('a material without its own figures says what stood in and loses coverage (Tb from all-REE)', () => {
    const tb = score('Tb', 2025);
    expect(tb.imports).toMatchObject({ material: 'REE', level: 'all', quality: 0.7 });
    expect(tb.imports?.note).toBe('REE figures stand in for Tb (data quality 70 %)');
    expect(tb.provenance.supplierConcentration.notes).toEqual([tb.imports?.note]);
  });

  it('Japan 2010 is scored from the share row, not 100 % China from one tonnage (defect 2)', () => {
    const r = score('REE', 2010);
    expect(r.input.imports).toEqual({ CHN: 0.816 });
    expect(r.input.unallocated).toBeCloseTo(0.184, 12);
    expect(r.result.status).toBe('ok');
    expect(r.result.score).toBeGreaterThan(10);
    // The quota cut was in force on 2010-12-31 for every destination; the embargo was over.
    expect(r.input.exportRestricting).toEqual(['CHN']);
  });

  it('unallocated supply is never the largest supplier; its worst case is the low end of the range (defect 3)', () => {
    const r = score('REE', 2025);
    const largest = r.result.components.find((c) => c.id === 'largestSupplier');
    expect(largest?.inputs.largestSupplier).toBe('CHN');
    expect(r.result.unallocatedShare).toBeCloseTo(0.4, 12);
    if (r.result.status !== 'ok') throw new Error(r.result.reason);
    expect(r.result.range.low).toBeLessThan(r.result.range.high);
    expect(largest?.riskUpper).toBeCloseTo(0.6, 12);
  });

  it('partner credit: JARE–Lynas secures the itemised imports from Malaysia, nothing without them (defect 4)', () => {
    const ndpr = score('NdPr', 2025);
    expect(ndpr.input.partners).toEqual(['MYS']);
    expect(ndpr.result.components.find((c) => c.id === 'partnerSupply')?.risk).toBeCloseTo(0.3, 12);
    const ree = score('REE', 2025); // only China itemised
    expect(ree.input.partners).toEqual([]);
    expect(ree.provenance.partnerSupply.notes[0]).toMatch(/no itemised imports from MYS/);
  });

  it('counts controls in force at the end of the year, per element (defect 6)', () => {
    expect(score('Dy', 2025).input.exportRestricting).toEqual(['CHN']);
    expect(score('NdPr', 2025).input.exportRestricting).toEqual([]);
  });

  it('a stockpile target is not cover; undisclosed holdings are missing data (defect 7)', () => {
    const r = score('Dy', 2025);
    expect(r.input.stockpileDays).toBeUndefined();
    expect(r.result.missing.map((m) => m.id)).toContain('stockpileCover');
    expect(r.provenance.stockpileCover.notes).toEqual([
      'holdings undisclosed (JOGMEC: target 60 days); a target is not cover',
    ]);
  });

  it('is the domain score of the input it reports, and the trend has every year with imports', () => {
    const r = score('Dy', 2025);
    expect(r.result).toEqual(resilienceScore(r.input));
    expect(
      scoreTrend(data, { consumer: 'JPN', material: 'Dy', stage: 'separation', today }).map((p) => p.year),
    ).toEqual([2010, 2025]);
  });
});
