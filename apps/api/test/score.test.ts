// The score on the shipped data, through the API: each of the expert review's defects in the score, with the
// number the domain gives for the same input.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resilienceScore } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { explainScore } from '../src/queries/score.ts';
import { today } from '../src/queries/sources.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let caller: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  caller = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

const japan = (material: 'NdPr' | 'Dy' | 'Tb' | 'REE' | 'Er', year?: number) =>
  explainScore(database.db, { consumer: 'JPN', material, stage: 'separation', ...(year ? { year } : {}) });

describe('score.explain on the shipped data', () => {
  it("Dy is scored from Japan's own Dy imports, far below NdPr; the API's number is the domain's (defect 1)", async () => {
    const dy = await japan('Dy');
    const ndpr = await japan('NdPr');
    expect(dy.input.year).toBe(2025);
    expect(dy.imports).toMatchObject({ material: 'Dy', level: 'own', year: 2025 });
    expect(dy.input.imports).toEqual({ CHN: 0.99 });
    // Japan's NdPr: Sojitz (Lynas, shipped from Malaysia) holds more than 70 % of its Nd market; Nd stands in.
    expect(ndpr.imports).toMatchObject({ material: 'Nd', level: 'mix' });
    expect(dy.result.score).toBeLessThan(15);
    expect(ndpr.result.score).toBeGreaterThan(40);
    expect(dy.result).toEqual(resilienceScore(dy.input));
    const trends = await Promise.all(
      (['NdPr', 'Dy', 'Tb'] as const).map((material) =>
        caller.score.trend({ consumer: 'JPN', material, stage: 'separation' }),
      ),
    );
    const latest = trends.map((t) => t.points.at(-1)?.score);
    expect(new Set(latest).size).toBe(3);
  });

  it("Japan's 2010 score comes from the 2010 share row (81.6 % China), not 100 % China from one tonnage (defect 2)", async () => {
    const r = await japan('REE', 2010);
    expect(r.input.imports).toEqual({ CHN: 0.8161 });
    expect(r.input.unallocated).toBeCloseTo(0.1839, 12);
    expect(r.result.status).toBe('ok');
    expect(r.result.score).toBeGreaterThan(15);
    // The quota cut was in force at the end of 2010 for every destination; the embargo was over by then.
    expect(r.input.exportRestricting).toEqual(['CHN']);
  });

  it('"other countries" is never a supplier: unallocated imports bound the score instead (defect 3)', async () => {
    for (const year of [2010, 2012, 2025]) {
      const r = await japan('REE', year);
      expect(Object.keys(r.input.imports)).not.toContain('ROW');
      const largest = r.result.components.find((c) => c.id === 'largestSupplier');
      expect(largest?.inputs.largestSupplier).toBe('CHN');
    }
    const r2025 = await japan('REE', 2025);
    expect(r2025.result.unallocatedShare).toBeCloseTo(0.4, 12);
    if (r2025.result.status !== 'ok') throw new Error(r2025.result.reason);
    expect(r2025.result.range.low).toBeLessThan(r2025.result.range.high);
  });

  it('partner credit counts where an agreement is backed by itemised supply: JARE–Lynas and Malaysia (defect 4)', async () => {
    const ndpr = await japan('NdPr', 2025);
    expect(ndpr.input.partners).toEqual(['MYS']);
    const partner = ndpr.result.components.find((c) => c.id === 'partnerSupply');
    expect(partner?.risk).toBeCloseTo(0.3, 12);
    expect(ndpr.provenance.partnerSupply.notes.join(' ')).toMatch(
      /jare-lynas-2023: secures the imports from MYS/,
    );
    // 2012 itemises France, Vietnam, Estonia… but not Malaysia: the Lynas agreements secure nothing counted.
    const y2012 = await japan('REE', 2012);
    expect(y2012.input.partners).toEqual([]);
    expect(y2012.provenance.partnerSupply.notes.join(' ')).toMatch(/no itemised imports from MYS/);
  });

  it('controls count from their effective date to their end or suspension, per element and destination (defect 6)', async () => {
    expect((await japan('Dy', 2025)).input.exportRestricting).toContain('CHN'); // No. 18, in force since April
    expect((await japan('NdPr', 2025)).input.exportRestricting).not.toContain('CHN');
    const er = await explainScore(database.db, {
      consumer: 'JPN',
      material: 'Er',
      stage: 'separation',
      year: 2025,
    });
    expect(er.input.exportRestricting).not.toContain('CHN'); // No. 57: suspended before it took effect
    expect(er.provenance.restrictedSupply.notes.join(' ')).toMatch(
      /suspended on 2025-11-07 before it took effect until 2026-11-10/,
    );
    const dy2024 = await japan('Dy', 2024);
    expect(dy2024.input.exportRestricting).toEqual([]);
    expect(dy2024.asOfDate).toBe('2024-12-31');
  });

  it("Japan's stockpile is a target with undisclosed holdings: no cover is counted, and the note says why (defect 7)", async () => {
    const r = await japan('Dy', 2025);
    expect(r.input.stockpileDays).toBeUndefined();
    expect(r.result.missing.map((m) => m.id)).toContain('stockpileCover');
    expect(r.provenance.stockpileCover.notes[0]).toMatch(
      /holdings undisclosed .*target 60 days.*a target is not cover/,
    );
    expect(r.provenance.stockpileCover.sourceIds).toEqual(['meti-2020-strategy']);
  });

  it('each component names its own sources', async () => {
    const r = await japan('Dy', 2025);
    expect(r.provenance.restrictedSupply.sourceIds).toEqual(
      expect.arrayContaining(['peoples-daily-japan-2025-12-10', 'china-mofcom']),
    );
    expect(r.provenance.substitutability.sourceIds).toEqual(['eu-crm-2023']);
    expect(r.provenance.governanceConcentration.sourceIds).toContain('wgi-2022');
    expect(r.result.drag).toBe('restrictedSupply');
  });

  it('a consumer without import data gets "insufficient data", not a number', async () => {
    const r = await caller.score.explain({
      consumer: 'AUS',
      material: 'Dy',
      stage: 'separation',
      year: 2024,
    });
    expect(r.result.status).toBe('insufficient-data');
    expect(r.result.score).toBeNull();
    expect(r.importsTried.length).toBeGreaterThan(0);
  });
});

describe("the seed article's claims (defect 11)", () => {
  it('are served as claims beside what the data says, and never count as facilities, partners or policies', async () => {
    const claims = await caller.reference.claims({});
    const okinawa = claims.items.find((c) => c.id === 'seed-okinawa-facility');
    expect(okinawa).toMatchObject({
      assessment: 'not-found',
      status: 'unverified',
      sourceId: 'seed-article',
    });
    expect(okinawa?.finding).toMatch(/No rare-earth plant in Okinawa is known/);
    expect(claims.items.every((c) => c.sourceId === 'seed-article')).toBe(true);
    // Nothing the score, shares or capacity read comes from the article.
    const timeline = await caller.supply.timeline({ pageSize: 100 });
    const facilities = await caller.supply.facilities({ pageSize: 100 });
    for (const row of [...timeline.items, ...facilities.items]) expect(row.sourceId).not.toBe('seed-article');
    for (const material of ['NdPr', 'Dy'] as const) {
      const r = await japan(material);
      expect(Object.values(r.provenance).flatMap((p) => p.sourceIds)).not.toContain('seed-article');
    }
  });
});

describe('reproducible from the package and the CSVs alone', () => {
  it("the domain's example, run by node on the shipped CSVs, prints the API's Japan scores to the last digit", async () => {
    const example = fileURLToPath(
      new URL('../../../packages/domain/examples/score-japan.mjs', import.meta.url),
    );
    const out = execFileSync(process.execPath, [example, '--json', `--today=${today()}`], {
      encoding: 'utf8',
    });
    const fromPackage = JSON.parse(out) as {
      material: 'NdPr' | 'Dy' | 'Tb';
      year: number;
      result: unknown;
    }[];
    expect(fromPackage).toHaveLength(6);
    for (const { material, year, result } of fromPackage) {
      const api = await caller.score.explain({ consumer: 'JPN', material, stage: 'separation', year });
      expect(api.result, `${material} ${year}`).toEqual(result);
    }
  });
});
