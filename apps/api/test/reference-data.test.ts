// The shipped dataset in the database: what loaded, what the database refuses, and what the API serves.

import { ENTITY_FILES, ENTITY_NAMES, EU_CRM_2023 } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let caller: ReturnType<typeof callerFor>;
beforeAll(async () => {
  database = await openTestDatabase();
  caller = callerFor(database, await createTestUser(database, 'user'));
});
afterAll(() => database?.close());

const TABLE: Record<(typeof ENTITY_NAMES)[number], string> = {
  sources: 'source',
  countries: 'country',
  elements: 'element',
  governance: 'governance_score',
  production: 'production_record',
  reserves: 'reserve_estimate',
  facilities: 'facility',
  trade: 'trade_flow',
  partnerships: 'partnership',
  investments: 'investment',
  policies: 'policy_measure',
  stockpiles: 'stockpile',
  indicators: 'material_indicator',
  demand: 'end_use_share',
  prices: 'price_point',
  claims: 'article_claim',
};

describe('the shipped dataset', () => {
  it('every CSV row is in the current published version', async () => {
    const dataset = await readReferenceDataset();
    const version = await resolveVersion(database.db);
    for (const entity of ENTITY_NAMES) {
      const [row] = await database.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${TABLE[entity]}" WHERE "versionId" = $1`,
        version.id,
      );
      expect(row?.n, ENTITY_FILES[entity].file).toBe(dataset.rows[entity].length);
    }
    expect(dataset.rows.elements).toHaveLength(17);
  });

  it('every row names a source that exists, and every verified figure has a citation', async () => {
    const dataset = await readReferenceDataset();
    const citations = new Map(dataset.rows.sources.map((s) => [s.id, s.citation]));
    for (const entity of ENTITY_NAMES) {
      for (const row of dataset.rows[entity] as { sourceId?: string; status?: string }[]) {
        if (!('sourceId' in row)) continue;
        expect(citations.has(String(row.sourceId)), `${entity}: ${row.sourceId}`).toBe(true);
        if (row.status === 'verified')
          expect(citations.get(String(row.sourceId))?.length ?? 0).toBeGreaterThan(20);
      }
    }
  });
});

describe('published versions are immutable in the database itself', () => {
  it('refuses UPDATE, DELETE and INSERT on rows of a published version', async () => {
    const version = await resolveVersion(database.db);
    const raw = (sql: string) => database.db.$executeRawUnsafe(sql, version.id);
    await expect(raw(`UPDATE "production_record" SET "quantity" = 1 WHERE "versionId" = $1`)).rejects.toThrow(
      /published/,
    );
    await expect(raw(`DELETE FROM "source" WHERE "versionId" = $1`)).rejects.toThrow(/published/);
    await expect(
      raw(
        `INSERT INTO "country" ("versionId", "iso3", "name", "region") VALUES ($1, 'XXA', 'Nowhere', 'World')`,
      ),
    ).rejects.toThrow(/published/);
    await expect(raw(`UPDATE "dataset_version" SET "label" = 'hacked' WHERE "id" = $1`)).rejects.toThrow(
      /immutable/,
    );
    await expect(raw(`DELETE FROM "dataset_version" WHERE "id" = $1`)).rejects.toThrow(/cannot be deleted/);
    const china = await database.db.productionRecord.findFirst({
      where: { versionId: version.id, country: 'CHN', year: 2024, stage: 'mining', unit: 't' },
    });
    expect(china?.quantity).toBe(270_000);
  });

  it('reads `asOf` an older version return the older numbers; one version is current per dataset', async () => {
    const base = await readReferenceDataset();
    const slug = `asof-test-${crypto.randomUUID().slice(0, 8)}`;
    const first = await seedReferenceDataset(database.db, {
      ...base,
      slug,
      label: 'Test 1',
      contentHash: 'h1',
    });
    const changed = base.rows.production.map((r) =>
      r.country === 'CHN' && r.year === 2024 && r.unit === 't' ? { ...r, quantity: 280_000 } : r,
    );
    const second = await seedReferenceDataset(database.db, {
      ...base,
      slug,
      label: 'Test 2',
      contentHash: 'h2',
      rows: { ...base.rows, production: changed },
    });
    const old = await caller.production.concentration({ asOf: first.versionId, year: 2024 });
    const now = await caller.production.concentration({ asOf: second.versionId, year: 2024 });
    expect(old.rows.find((r) => r.country === 'CHN')?.value).toBe(270_000);
    expect(now.rows.find((r) => r.country === 'CHN')?.value).toBe(280_000);
    expect(old.datasetVersion.label).toBe('Test 1');
    const current = await database.db.datasetVersion.findMany({
      where: { dataset: { slug }, isCurrent: true },
    });
    expect(current.map((v) => v.label)).toEqual(['Test 2']);
  });
});

describe('reference procedures', () => {
  it('elements, countries with governance, sources and versions carry the dataset version', async () => {
    const elements = await caller.reference.elements({ group: 'HREE' });
    expect(elements.items.map((e) => e.symbol)).toContain('Dy');
    expect(elements.items.every((e) => e.group === 'HREE')).toBe(true);
    const countries = await caller.reference.countries({});
    expect(countries.items.find((c) => c.iso3 === 'CHN')?.governance).toMatchObject({
      wgi: 5.67,
      year: 2022,
    });
    const sources = await caller.reference.sources({});
    expect(sources.items.find((s) => s.id === 'usgs-mcs-2025')?.licence).toMatch(/Public domain/);
    const versions = await caller.reference.versions();
    expect(versions.some((v) => v.isCurrent && v.label === countries.datasetVersion.label)).toBe(true);
    await expect(caller.reference.country({ iso3: 'XXX' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Unknown country code "XXX"'),
    });
  });

  it("Japan's import sources over time: the share from China from 2008 to 2025", async () => {
    const result = await caller.supply.importSources({ importer: 'JPN', exporter: 'CHN', material: 'REE' });
    const byYear = Object.fromEntries(result.flows.filter((f) => f.unit === 'share').map((f) => [f.year, f]));
    expect(byYear[2008]).toMatchObject({ quantity: 0.9, unit: 'share', status: 'estimated' });
    expect(byYear[2010]).toMatchObject({ quantity: 0.8161, status: 'verified' });
    expect(result.flows.find((f) => f.year === 2010 && f.unit === 't')?.quantity).toBe(20_000);
    expect(byYear[2018]).toMatchObject({ quantity: 0.58, status: 'verified' });
    expect(byYear[2025]?.quantity).toBe(0.6);
    expect(result.sources.map((s) => s.id)).toContain('nikkei-2020-02-15');
    await expect(caller.supply.importSources({ importer: 'ZZZ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Unknown country code "ZZZ"'),
    });
  });

  it('facilities: filter, sort (unknown capacities last) and paginate', async () => {
    const separation = await caller.supply.facilities({
      stage: 'separation',
      sort: 'capacityPerYear',
      direction: 'desc',
    });
    expect(separation.items[0]?.id).toBe('baotou-huamei-separation');
    expect(separation.items.at(-1)?.capacityPerYear).toBeNull();
    expect(separation.items.every((f) => f.stage === 'separation')).toBe(true);
    const page = await caller.supply.facilities({ pageSize: 2, page: 2, sort: 'name' });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo.total).toBeGreaterThanOrEqual(50);
    const lynas = await caller.supply.facilities({ search: 'lynas', pageSize: 100 });
    expect(lynas.items.map((f) => f.id)).toEqual(
      expect.arrayContaining(['kalgoorlie', 'lynas-malaysia', 'lynas-malaysia-hre-circuit', 'mount-weld']),
    );
    await expect(caller.supply.facilities({ pageSize: 1000 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('facilities are corrected and extended: stages, bases, statuses, China and Japan, coordinates (defect 10)', async () => {
    const all = await caller.supply.facilities({ pageSize: 100 });
    const byId = new Map(all.items.map((f) => [f.id, f]));
    expect(byId.get('kalgoorlie')?.stage).toBe('cracking'); // cracking and leaching, not separation
    expect(byId.get('mount-weld')?.capacityProduct).toMatch(/^NdPr/); // 12,000 t/yr of NdPr, not REO
    expect(byId.get('mountain-pass-separation')).toMatchObject({ startYear: 2023, capacityKind: 'output' });
    expect(byId.get('lynas-malaysia-hre-circuit')?.capacityProduct).toMatch(/not Dy\/Tb output/);
    expect(byId.get('eneabba')).toMatchObject({ capacityPerYear: 5500, operatingStatus: 'construction' });
    expect(byId.get('dong-pao')?.operatingStatus).toBe('abandoned');
    expect(byId.get('irel-oscom-mopp')?.operatingStatus).toBe('operating');
    for (const id of ['bayan-obo', 'baotou-huamei-separation', 'shin-etsu-takefu-separation'])
      expect(byId.has(id), id).toBe(true);
    expect(all.items.filter((f) => f.country === 'CHN').length).toBeGreaterThanOrEqual(5);
    expect(all.items.filter((f) => f.country === 'JPN').length).toBeGreaterThanOrEqual(5);
    expect(all.items.every((f) => (f.latitude === null) === (f.longitude === null))).toBe(true);
    expect(all.items.filter((f) => f.latitude !== null).length).toBeGreaterThan(45);
    // The seed article's "Okinawa Rare Earth Facility" is not a facility (defect 11).
    expect(all.items.some((f) => /okinawa/i.test(`${f.id} ${f.name}`))).toBe(false);
  });

  it("timeline: China's export controls in date order, filtered by country, type and year", async () => {
    const result = await caller.supply.timeline({ country: 'CHN', types: ['policy'], yearFrom: 2023 });
    expect(result.items.map((i) => i.id)).toEqual([
      'china-gallium-germanium-2023',
      'china-graphite-2023',
      'china-technology-ban-2023',
      'china-licensing-2025-04',
      'china-extraterritorial-2025-10',
      'china-licensing-2025-10',
      'china-dual-use-japan-2026',
    ]);
    expect(result.items[3]?.elements).toEqual(['Sm', 'Gd', 'Tb', 'Dy', 'Lu', 'Sc', 'Y']);
    // The seed article's claims are claims, not events (defect 11): none is on the timeline.
    const all = await caller.supply.timeline({ pageSize: 100 });
    expect(all.items.filter((i) => i.sourceId === 'seed-article')).toEqual([]);
    await expect(caller.supply.timeline({ yearFrom: 2020, yearTo: 2010 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('element and country views', () => {
  it('EU supply risk per element, with its own inputs, the bottleneck named and no blanket trade factor (defect 9)', async () => {
    const risk = (material: 'Dy' | 'Nd' | 'La' | 'Er') =>
      caller.production.supplyRisk({ material, year: 2025 });
    const [dy, nd, la, er] = await Promise.all([risk('Dy'), risk('Nd'), risk('La'), risk('Er')]);
    expect(new Set([dy, nd, la].map((r) => r.supplyRisk?.toFixed(2))).size).toBe(3);
    expect(dy.bottleneck).toBe('processing');
    expect(dy.processing).toMatchObject({ materialUsed: 'HREE', yearUsed: 2023 }); // heavy, not all-REE, shares
    expect(dy.extraction).toMatchObject({ materialUsed: 'REE' });
    expect(dy.inputs).toMatchObject({
      eolRir: { value: 0.01, material: 'Dy' },
      substitutionIndex: { value: 0.99, material: 'Dy' },
      importReliance: { value: 1 },
      tradeFactors: {},
    });
    // By hand: China 99.9 % of heavy-REE separation (WGI 5.67), the 0.1 % unallocated spread: 0.999² × 5.67 × 0.99 × 0.99.
    expect(dy.supplyRisk).toBeCloseTo(0.999 ** 2 * 5.67 * 0.99 * 0.99, 9);
    expect(dy.published).toMatchObject({ supplyRisk: 5.6, stage: 'processing' });
    expect(er.inputs.substitutionIndex?.value).toBe(1);
    // "Other countries" never gets a governance score: it is not a supplier.
    for (const r of [dy, nd, la]) expect(Object.keys(r.inputs.wgi)).not.toContain('ROW');
    expect(la.processing).toMatchObject({ materialUsed: 'REE' });
    if ('notes' in la.processing)
      expect(la.processing.notes.join(' ')).toMatch(/REE figures stand in for La/);
  });

  it('EU supply risk as of a date: the controls in force are named, and a trade factor applies only if asked', async () => {
    const endOf2025 = await caller.production.supplyRisk({ material: 'Dy', year: 2025 });
    expect(endOf2025.asOfDate).toBe('2025-12-31');
    expect(endOf2025.controls.restricting).toEqual(['CHN']); // MOFCOM No. 18, in force since 2025-04-04
    const beforeLicensing = await caller.production.supplyRisk({ material: 'Dy', date: '2025-04-03' });
    expect(beforeLicensing).toMatchObject({ year: 2025, asOfDate: '2025-04-03' });
    expect(beforeLicensing.controls.restricting).toEqual([]);
    const withFactor = await caller.production.supplyRisk({ material: 'Dy', year: 2025, tradeFactor: 1.5 });
    expect(withFactor.inputs.tradeFactors).toEqual({ CHN: 1.5 });
    expect(withFactor.supplyRisk).toBeCloseTo((endOf2025.supplyRisk ?? 0) * 1.5, 9); // China is the only named supplier
    await expect(
      caller.production.supplyRisk({ material: 'Dy', year: 2024, date: '2025-01-01' }),
    ).rejects.toThrow(/the date lies in the year asked/);
    await expect(caller.production.supplyRisk({ material: 'Dy', tradeFactor: 4 })).rejects.toThrow();
  });

  it('the EU CRM 2023 figures in indicators.csv are the ones the domain reproduces against', async () => {
    const dataset = await readReferenceDataset();
    for (const [element, row] of Object.entries(EU_CRM_2023)) {
      const of = (indicator: string) =>
        dataset.rows.indicators.find(
          (r) => r.material === element && r.indicator === indicator && r.scope === 'EU',
        )?.value;
      expect(of('supply-risk'), element).toBe(row.supplyRisk);
      expect(of('si-sr'), element).toBe(row.siSr);
      expect(of('eol-rir'), element).toBe(row.eolRir);
    }
  });

  it('facilities that produce dysprosium are those whose products name it, not mixed-REE mines (defect 1)', async () => {
    const dy = await caller.supply.facilities({ product: 'Dy', pageSize: 100 });
    const ids = dy.items.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['eneabba', 'lynas-malaysia-hre-circuit', 'shin-etsu-takefu-separation']),
    );
    for (const id of ['mount-weld', 'kalgoorlie', 'dong-pao', 'mountain-pass-separation'])
      expect(ids).not.toContain(id);
    expect(dy.items.every((f) => f.products.some((p) => ['Dy', 'HREE'].includes(p)))).toBe(true);
  });

  it("a country's profile: China's production over time, reserves, governance and stages", async () => {
    const china = await caller.supply.countryProfile({ iso3: 'CHN' });
    const years = china.production.filter((p) => p.stage === 'mining' && p.unit === 't').map((p) => p.year);
    // Each year once, though the yearbook and the summaries both give some years.
    expect(years).toEqual([2008, 2010, 2011, 2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const y2022 = china.production.find((p) => p.stage === 'mining' && p.year === 2022);
    expect(y2022).toMatchObject({ quantity: 210_000, basis: 'REO', sourceId: 'usgs-myb-2022' });
    expect(y2022?.alsoReported).toEqual([{ quantity: 210_000, sourceId: 'usgs-mcs-2024' }]);
    // 2024 is in MCS 2025 and MCS 2026: the profile shows the newest edition's figure only.
    expect(china.production.filter((p) => p.year === 2024 && p.unit === 't').map((p) => p.sourceId)).toEqual([
      'usgs-mcs-2026',
    ]);
    expect(china.reserves[0]).toMatchObject({ quantity: 44_000_000 });
    expect(china.governance[0]).toMatchObject({ wgi: 5.67 });
    expect(china.stages).toEqual(expect.arrayContaining(['mining', 'separation', 'magnet']));
  });
});
