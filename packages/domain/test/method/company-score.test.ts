import { describe, expect, it } from 'vitest';
import {
  COMPANY_UPLOAD_SOURCE,
  CompanySupplier,
  companyCells,
  companyImports,
  resilienceScore,
  scoreCompanyMix,
  scoreFromDataset,
} from '../../src/index.ts';
import { dataset, japanOutline, share } from './fixture.ts';

const today = '2026-12-01';
const row = (country: string, material: string, year: number, quantity: number, unit = 't') =>
  CompanySupplier.parse({ country, material, stage: 'separation', year, quantity, unit });

/** A magnet maker: NdPr oxide from China, Malaysia and Vietnam; Dy from China and Malaysia. */
const magnetMaker = [
  row('CHN', 'NdPr', 2025, 300),
  row('MYS', 'NdPr', 2025, 150),
  row('VNM', 'NdPr', 2025, 50),
  row('CHN', 'Dy', 2024, 10),
  row('CHN', 'Dy', 2025, 9),
  row('MYS', 'Dy', 2025, 1),
];

describe("a company's own import mix", () => {
  it('turns tonnes into shares of its whole purchases, with nothing unallocated', () => {
    const lookup = companyImports(magnetMaker, { material: 'NdPr', stage: 'separation', year: 2025 });
    expect(lookup.found?.mix.shares).toEqual({ CHN: 0.6, MYS: 0.3, VNM: 0.1 });
    expect(lookup.found?.mix.unallocated).toBe(0);
    expect(lookup.found?.mix.total).toBe(500);
    expect(lookup.found?.mix.sourceIds).toEqual([COMPANY_UPLOAD_SOURCE]);
  });

  it('keeps given shares as they are; what they leave out is unallocated', () => {
    const lookup = companyImports([row('CHN', 'Tb', 2025, 0.7, 'share')], {
      material: 'Tb',
      stage: 'separation',
      year: 2025,
    });
    expect(lookup.found?.mix.shares).toEqual({ CHN: 0.7 });
    expect(lookup.found?.mix.unallocated).toBeCloseTo(0.3, 12);
  });

  it('lists each material and stage with its newest year', () => {
    expect(companyCells(magnetMaker)).toEqual([
      { material: 'Dy', stage: 'separation', year: 2025 },
      { material: 'NdPr', stage: 'separation', year: 2025 },
    ]);
  });

  it("builds the score input from the upload and the dataset's governance and controls", () => {
    const r = scoreCompanyMix(japanOutline(), magnetMaker, {
      companyId: 'c-1',
      material: 'Dy',
      stage: 'separation',
      today,
    });
    expect(r.input.consumer).toBe('c-1');
    expect(r.input.imports).toEqual({ CHN: 0.9, MYS: 0.1 });
    expect(r.input.wgi.CHN).toBe(5.67);
    // China's April 2025 licensing applies to every destination, a company's too.
    expect(r.input.exportRestricting).toEqual(['CHN']);
    // A country's agreements and stockpiles are not the company's.
    expect(r.input.partners).toEqual([]);
    expect(r.input.stockpileDays).toBeUndefined();
    expect(r.input.recyclingShare).toBeUndefined();
    expect(r.input.substitutionIndex).toBe(0.99);
    expect(r.result.score).toEqual(resilienceScore(r.input).score);
    expect(r.provenance.supplierConcentration.sourceIds).toEqual([COMPANY_UPLOAD_SOURCE]);
    expect(r.provenance.supplierConcentration.notes[0]).toBe(
      'the imports are your upload (Dy, separation, 2025)',
    );
  });

  it('scores the same as a country whose imports were the same rows', () => {
    const data = japanOutline();
    const asCountry = dataset({
      ...data,
      trade: [share('XXA', 'CHN', 'Dy', 2025, 0.9), share('XXA', 'MYS', 'Dy', 2025, 0.1)],
      partnerships: [],
      stockpiles: [],
      indicators: data.indicators.filter((i) => i.indicator !== 'eol-rir'),
    });
    const company = scoreCompanyMix(data, magnetMaker, {
      companyId: 'XXA',
      material: 'Dy',
      stage: 'separation',
      today,
    });
    const country = scoreFromDataset(asCountry, {
      consumer: 'XXA',
      material: 'Dy',
      stage: 'separation',
      year: 2025,
      today,
    });
    expect(company.result.score).toBeCloseTo(country.result.score ?? Number.NaN, 12);
  });

  it('a material the upload does not list is insufficient data, saying so', () => {
    const r = scoreCompanyMix(japanOutline(), magnetMaker, {
      companyId: 'c-1',
      material: 'Tb',
      stage: 'separation',
      today,
    });
    expect(r.result.status).toBe('insufficient-data');
    expect(r.importsTried).toEqual(['your upload has no rows for Tb separation 2026']);
  });

  it('refuses a share above 1 and a negative quantity', () => {
    expect(() => row('CHN', 'Dy', 2025, 1.5, 'share')).toThrow(/fraction/);
    expect(() => row('CHN', 'Dy', 2025, -1)).toThrow();
  });
});
