import { describe, expect, it } from 'vitest';
import { CHART_IDS, chartDataUrls, chartPageUrl, parseChartParams } from './params';

const parse = (chart: Parameters<typeof parseChartParams>[0], query: string) =>
  parseChartParams(chart, new URLSearchParams(query));

describe('chart download URLs', () => {
  it("carry the view's parameters, only those given", () => {
    expect(chartDataUrls('world-map', { material: 'Dy', stage: 'separation', year: 2024 })).toEqual({
      csv: '/charts/world-map/data.csv?material=Dy&stage=separation&year=2024',
      metadata: '/charts/world-map/metadata.json?material=Dy&stage=separation&year=2024',
    });
    expect(chartDataUrls('facilities', { stage: undefined, search: 'Lynas & co', sort: 'name' }).csv).toBe(
      '/charts/facilities/data.csv?search=Lynas+%26+co&sort=name',
    );
    expect(chartDataUrls('country-production', { iso3: 'JPN' }).metadata).toBe(
      '/charts/country-production/metadata.json?iso3=JPN',
    );
  });

  it('round-trip: what a URL carries parses back to the same view', () => {
    const url = chartDataUrls('score', { consumer: 'USA', material: 'Tb', stage: 'metal', year: 2023 }).csv;
    const parsed = parse('score', url.split('?')[1] ?? '');
    expect(parsed).toEqual({
      ok: true,
      params: { consumer: 'USA', material: 'Tb', stage: 'metal', year: 2023 },
    });
  });

  it('fill in the page defaults for parameters left out', () => {
    expect(parse('world-map', '')).toEqual({ ok: true, params: { material: 'REE', stage: 'mining' } });
    expect(parse('china-share', '')).toEqual({ ok: true, params: { consumer: 'JPN' } });
  });

  it('name the page each chart is on', () => {
    expect(chartPageUrl('stage-shares', { material: 'Dy', stage: 'mining' })).toBe('/elements/Dy');
    expect(chartPageUrl('score-trend', { consumer: 'USA', material: 'Dy', stage: 'mining' })).toBe(
      '/dashboard?consumer=USA',
    );
    for (const chart of CHART_IDS) expect(chartPageUrl(chart, {} as never)).toMatch(/^\//);
  });
});

describe('chart parameter checks', () => {
  it('say which parameter is wrong, what it must be, and what was given', () => {
    const bad = parse('world-map', 'material=Xx&year=3000');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problem).toMatch(/material: .*"REE".*\(got "Xx"\)/);
    expect(bad.problem).toMatch(/year: .*2060.*\(got "3000"\)/);
  });

  it('refuse a parameter the chart does not take, naming the ones it does', () => {
    const bad = parse('china-share', 'consumer=JPN&limit=5');
    expect(bad).toEqual({
      ok: false,
      problem: 'unknown parameter(s) limit; china-share takes consumer, asOf',
    });
  });

  it('refuse a parameter given twice, and a country that is not ISO alpha-3', () => {
    expect(parse('score', 'consumer=JPN&consumer=USA')).toMatchObject({
      ok: false,
      problem: /consumer: give it once/,
    });
    expect(parse('country-production', 'iso3=jpn')).toMatchObject({
      ok: false,
      problem: /iso3: a country is three capital letters/,
    });
    expect(parse('country-production', '')).toMatchObject({ ok: false, problem: /iso3/ });
  });

  it('never let a parameter named like an object key reach a prototype', () => {
    const bad = parse('world-map', '__proto__=x&constructor=y');
    expect(bad).toMatchObject({ ok: false, problem: /unknown parameter\(s\) __proto__, constructor/ });
  });
});

describe('chart downloads of an older version', () => {
  const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c0d9e8f7a6b';
  it('carry asOf in the data URLs and back to the page, and parse it back', () => {
    const urls = chartDataUrls('china-share', { consumer: 'JPN', asOf: ID });
    expect(urls.csv).toBe(`/charts/china-share/data.csv?consumer=JPN&asOf=${ID}`);
    const parsed = parseChartParams('china-share', new URLSearchParams(urls.csv.split('?')[1] ?? ''));
    expect(parsed).toEqual({ ok: true, params: { consumer: 'JPN', asOf: ID } });
    if (parsed.ok)
      expect(chartPageUrl('china-share', parsed.params)).toBe(`/dashboard?consumer=JPN&asOf=${ID}`);
    expect(chartPageUrl('stage-shares', { material: 'Dy', stage: 'mining', asOf: ID })).toBe(
      `/elements/Dy?asOf=${ID}`,
    );
  });

  it('refuse an asOf that is not a version id, saying what it must be', () => {
    const parsed = parse('world-map', 'asOf=latest');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problem).toMatch(/^asOf: asOf is a published dataset version id .*\(got "latest"\)/);
  });
});
