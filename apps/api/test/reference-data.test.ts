// The shipped dataset in the database: what loaded, what the database refuses, and what the API serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_FILES, ENTITY_NAMES, readReferenceDataset } from '../src/data/reference-dataset.ts';
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
    expect(byYear[2010]).toMatchObject({ quantity: 0.857, status: 'estimated' });
    expect(result.flows.find((f) => f.year === 2010 && f.unit === 't')?.quantity).toBe(20_000);
    expect(byYear[2018]).toMatchObject({ quantity: 0.58, status: 'verified' });
    expect(byYear[2025]?.quantity).toBe(0.65);
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
    expect(separation.items[0]?.id).toBe('lynas-malaysia');
    expect(separation.items.at(-1)?.capacityPerYear).toBeNull();
    expect(separation.items.every((f) => f.stage === 'separation')).toBe(true);
    const page = await caller.supply.facilities({ pageSize: 2, page: 2, sort: 'name' });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo.total).toBeGreaterThanOrEqual(10);
    const lynas = await caller.supply.facilities({ search: 'lynas' });
    expect(lynas.items.map((f) => f.id).sort()).toEqual(['kalgoorlie', 'lynas-malaysia', 'mount-weld']);
    await expect(caller.supply.facilities({ pageSize: 1000 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it("timeline: China's export controls in date order, filtered by country, type and year", async () => {
    const result = await caller.supply.timeline({ country: 'CHN', types: ['policy'], yearFrom: 2023 });
    expect(result.items.map((i) => i.id)).toEqual([
      'china-technology-ban-2023',
      'china-licensing-2025-04',
      'china-licensing-2025-10',
      'china-dual-use-japan-2026',
    ]);
    expect(result.items[1]?.elements).toEqual(['Sm', 'Gd', 'Tb', 'Dy', 'Lu', 'Sc', 'Y']);
    const seed = await caller.supply.timeline({ pageSize: 100 });
    expect(seed.items.filter((i) => i.sourceId === 'seed-article')).toHaveLength(11);
    await expect(caller.supply.timeline({ yearFrom: 2020, yearTo: 2010 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('element and country views', () => {
  it('EU supply risk: processing is the bottleneck for rare earths (92 % Chinese refining), with its inputs', async () => {
    const r = await caller.production.supplyRisk({ material: 'REE' });
    expect(r.stage).toBe('processing');
    expect(r.processing?.year).toBe(2023);
    // By hand, refining 2023: the IEA's shares (China 0.92, Malaysia 0.05, Australia 0.01) normalised to the 98 % they
    // cover, as the EU method's shares sum to 1; no trade factor (no general export control on rare earths in
    // 2023); IR 1, EoL-RIR 0, SI 1, so SR = HHI_WGI = Σ (sᵢ/0.98)² × WGIᵢ.
    const s = (x: number) => (x / 0.98) ** 2;
    expect(r.processing?.supplyRisk).toBeCloseTo(s(0.92) * 5.67 + s(0.05) * 4.14 + s(0.01) * 2.02, 9);
    expect(r.supplyRisk).toBeGreaterThan(r.extraction?.supplyRisk ?? Number.POSITIVE_INFINITY);
    expect(r.assumptions).toMatchObject({ importReliance: 1, eolRir: 0, substitutionIndex: 1 });
  });

  it('facilities that produce dysprosium include the heavy-rare-earth circuits and REE producers', async () => {
    const dy = await caller.supply.facilities({ product: 'Dy', pageSize: 100 });
    expect(dy.items.map((f) => f.id)).toEqual(
      expect.arrayContaining(['lynas-malaysia', 'eneabba', 'mount-weld']),
    );
    expect(dy.items.map((f) => f.id)).not.toContain('mountain-pass-separation'); // NdPr only
  });

  it("a country's profile: China's production over time, reserves, governance and stages", async () => {
    const china = await caller.supply.countryProfile({ iso3: 'CHN' });
    expect(china.production.filter((p) => p.stage === 'mining' && p.unit === 't').map((p) => p.year)).toEqual(
      [2008, 2010, 2011, 2016, 2021, 2022, 2023, 2024],
    );
    expect(china.reserves[0]).toMatchObject({ quantity: 44_000_000 });
    expect(china.governance[0]).toMatchObject({ wgi: 5.67 });
    expect(china.stages).toEqual(expect.arrayContaining(['mining', 'separation', 'magnet']));
  });
});
