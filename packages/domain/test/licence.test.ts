import { describe, expect, it } from 'vitest';
import { parseDataset, redistributable, Source, splitByLicence, withheldSources } from '../src/index.ts';

const src = (id: string, redistribution?: 'open' | 'facts-quoted' | 'withheld') =>
  Source.parse({
    id,
    citation: `Citation of ${id}`,
    licence: 'some licence',
    ...(redistribution ? { redistribution } : {}),
  });

describe('the redistribution rule', () => {
  it('passes on open and facts-quoted sources, withholds licensed data and sources that do not say', () => {
    expect(redistributable(src('usgs-mcs-2026', 'open'))).toBe(true);
    expect(redistributable(src('reuters-2025-10-30', 'facts-quoted'))).toBe(true);
    expect(redistributable(src('argus-europe-2025-09-25', 'withheld'))).toBe(false);
    expect(redistributable(src('unsaid'))).toBe(false);
    expect(redistributable(undefined)).toBe(false);
  });

  it('refuses a value that is not one of the three', () => {
    expect(Source.safeParse({ id: 'x-1', citation: 'abc', redistribution: 'yes' }).success).toBe(false);
  });

  it('splits rows into kept and a withheld summary with row counts per source', () => {
    const sources = [src('usgs-mcs-2026', 'open'), src('argus-a', 'withheld'), src('smm-b', 'withheld')];
    const rows = [
      { sourceId: 'usgs-mcs-2026', v: 1 },
      { sourceId: 'smm-b', v: 2 },
      { sourceId: 'argus-a', v: 3 },
      { sourceId: 'argus-a', v: 4 },
      { sourceId: 'not-in-version', v: 5 },
    ];
    const { kept, withheld } = splitByLicence(rows, sources);
    expect(kept).toEqual([{ sourceId: 'usgs-mcs-2026', v: 1 }]);
    expect(withheld.map((w) => [w.sourceId, w.rows])).toEqual([
      ['argus-a', 2],
      ['not-in-version', 1],
      ['smm-b', 1],
    ]);
    expect(withheld[0]).toMatchObject({ citation: 'Citation of argus-a', licence: 'some licence' });
    expect(withheld[0]?.reason).toMatch(/does not allow redistribution/);
    expect(withheld[1]?.reason).toMatch(/unknown/);
  });
});

describe('the shipped dataset', () => {
  it('says for every source whether it may be passed on, and withholds the price assessments', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = new URL('../../../apps/api/data/reference/', import.meta.url);
    const files: Record<string, string> = {};
    for (const name of await readdir(dir))
      if (name.endsWith('.csv')) files[name] = await readFile(new URL(name, dir), 'utf8');
    const data = parseDataset(files).rows;
    expect(data.sources.filter((s) => s.redistribution === undefined).map((s) => s.id)).toEqual([]);
    const withheld = withheldSources(data.sources);
    // Every price series of a price-reporting agency is withheld; USGS's prices (public domain) are not.
    const agencies = /^(argus|fastmarkets|smm|benchmark|bmi)-/;
    const priceSources = new Set(data.prices.map((p) => p.sourceId));
    for (const id of priceSources) expect(withheld.has(id), id).toBe(agencies.test(id));
    expect(withheld.has('usgs-mcs-2026')).toBe(false);
    expect(withheld.has('iea-gcmo-2024')).toBe(false);
    expect(withheld.has('eurostat-2025-04-09')).toBe(false);
    expect(withheld.has('reuters-2025-10-30')).toBe(false);
  });
});
