import { describe, expect, it } from 'vitest';
import {
  EU27,
  EU27_IMPORTS_NOTE,
  EU27_MEMBERS,
  importYears,
  isEuMember,
  scoreFromDataset,
  scoreTradeFlows,
  scoreTrend,
  TradeFlow,
} from '../../src/index.ts';
import { dataset, source, tonnes, wgi } from './fixture.ts';

const today = '2026-12-01';

/** Eurostat-style EU-27 imports, with an intra-EU row (Germany → EU) that a member's sale would add. */
function euData(options: { intra: boolean }) {
  return dataset({
    sources: [source('eurostat'), source('wgi'), source('eu')],
    governance: [wgi('CHN', 5.67), wgi('MYS', 4.14), wgi('RUS', 7.5), wgi('DEU', 0.6)],
    trade: [
      tonnes(EU27, 'WLD', 'REE', 2024, 12300, 'eurostat'),
      tonnes(EU27, 'CHN', 'REE', 2024, 6000, 'eurostat'),
      tonnes(EU27, 'RUS', 'REE', 2024, 3700, 'eurostat'),
      tonnes(EU27, 'MYS', 'REE', 2024, 2600, 'eurostat'),
      ...(options.intra
        ? [
            tonnes(EU27, 'DEU', 'REE', 2024, 9000, 'eurostat'),
            tonnes(EU27, 'FRA', 'REE', 2021, 500, 'eurostat'),
          ]
        : []),
    ],
    indicators: [
      {
        material: 'REE',
        indicator: 'eol-rir',
        scope: 'EU',
        year: 2023,
        value: 0.01,
        sourceId: 'eu',
        status: 'verified',
      },
    ],
  });
}

const scoreEu = (intra: boolean) =>
  scoreFromDataset(euData({ intra }), {
    consumer: EU27,
    material: 'REE',
    stage: 'separation',
    year: 2024,
    today,
  });

describe('the EU-27 as a consumer', () => {
  it('lists the 27 member states, each once, without the United Kingdom', () => {
    expect(new Set(EU27_MEMBERS).size).toBe(27);
    expect(isEuMember('DEU')).toBe(true);
    expect(isEuMember('GBR')).toBe(false);
    expect(isEuMember(EU27)).toBe(false);
  });

  it('never counts an intra-EU row: the score is that of the extra-EU imports alone', () => {
    const without = scoreEu(false);
    const withIntra = scoreEu(true);
    expect(Object.keys(withIntra.input.imports).sort()).toEqual(['CHN', 'MYS', 'RUS']);
    expect(withIntra.input.imports).toEqual(without.input.imports);
    expect(withIntra.result.score).toBe(without.result.score);
    expect(withIntra.input.imports.CHN).toBeCloseTo(6000 / 12300, 12);
  });

  it('says in the explanation that trade between members is not counted, and which rows were left out', () => {
    const notes = scoreEu(true).provenance.supplierConcentration.notes;
    expect(notes).toContain(EU27_IMPORTS_NOTE);
    expect(notes).toContain('intra-EU rows left out of the 2024 imports: DEU');
    expect(scoreEu(false).provenance.supplierConcentration.notes).toEqual([EU27_IMPORTS_NOTE]);
  });

  it("reads the EU's own recycling figure as the region's, not as a proxy", () => {
    const r = scoreEu(false);
    expect(r.input.recyclingShare).toBe(0.01);
    expect(r.input.quality?.recyclingAndDomestic).toBe(1);
    expect(r.provenance.recyclingAndDomestic.notes).toEqual([]);
  });

  it('a year with only intra-EU rows has no imports; the trend skips it', () => {
    const data = euData({ intra: true });
    expect(importYears(data, { consumer: EU27, material: 'REE', stage: 'separation' })).toEqual([2024]);
    expect(
      scoreTrend(data, { consumer: EU27, material: 'REE', stage: 'separation', today }).map((p) => p.year),
    ).toEqual([2024]);
  });

  it('a material with no EU import rows at all is insufficient data', () => {
    const r = scoreFromDataset(dataset({ sources: [source('wgi')], governance: [wgi('CHN', 5.67)] }), {
      consumer: EU27,
      material: 'Dy',
      stage: 'separation',
      year: 2024,
      today,
    });
    expect(r.imports).toBeNull();
    expect(r.result.status).toBe('insufficient-data');
    expect(r.result.score).toBeNull();
  });

  it('scoring whole trade tables skips intra-EU flows as well', () => {
    const flow = (exporter: string, quantity: number) =>
      TradeFlow.parse({
        importer: EU27,
        exporter,
        material: 'REE',
        stage: 'separation',
        year: 2024,
        quantity,
        unit: 't',
        sourceId: 'eurostat',
        status: 'verified',
      });
    const flows = (intra: boolean) => [
      flow('CHN', 6000),
      flow('MYS', 2600),
      ...(intra ? [flow('FRA', 9000)] : []),
    ];
    const ctx = { wgi: { CHN: 5.67, MYS: 4.14, FRA: 1 } };
    expect(scoreTradeFlows(flows(true), ctx)).toEqual(scoreTradeFlows(flows(false), ctx));
  });
});
