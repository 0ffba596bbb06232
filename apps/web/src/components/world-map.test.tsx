// The map sends ids and fills, not geometry; the geometry is the one hashed asset the build writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { assetModule, assetName, drawWorldMap } from '../../scripts/build-world-map.mjs';
import { WorldMap } from './world-map';
import { WORLD_MAP_URL } from './world-map-asset';

const web = path.resolve(import.meta.dirname, '../..');

describe('the base map asset', () => {
  it('is current: the committed SVG and module are what the build script writes', () => {
    const { svg, names, projection } = drawWorldMap();
    expect(WORLD_MAP_URL).toBe(`/maps/${assetName(svg)}`);
    expect(readFileSync(path.join(web, 'public', WORLD_MAP_URL), 'utf8')).toBe(svg);
    expect(readFileSync(path.join(web, 'src/components/world-map-asset.ts'), 'utf8')).toBe(
      assetModule(WORLD_MAP_URL, names, projection),
    );
  });

  it('has every country as an addressable path with no paint of its own (the page sets fill and stroke)', () => {
    const svg = readFileSync(path.join(web, 'public', WORLD_MAP_URL), 'utf8');
    expect(svg).toContain('<path id="n156" d="M');
    expect(svg).not.toMatch(/fill=|stroke=/);
  });
});

describe('WorldMap', () => {
  const html = renderToStaticMarkup(
    <WorldMap
      values={{ CHN: 0.7, USA: 0.1, XXX: 0.2 }}
      title="Dy mining 2024"
      description="Shares by country"
      formatValue={(v) => `${Math.round(v * 100)} %`}
      noDataLabel="No data"
    />,
  );

  it('references the shared outlines and paints only the countries with a value', () => {
    expect(html).toContain(`<use href="${WORLD_MAP_URL}#all" fill="var(--ree-map-none)"></use>`);
    expect(html).toMatch(
      new RegExp(
        `<use href="${WORLD_MAP_URL}#n156" fill="var\\(--ree-map-\\d\\)"><title>China: 70 %</title></use>`,
      ),
    );
    expect(html).toContain('#n840');
    expect(html.match(/<use /g)).toHaveLength(3); // the base + China + USA; the unknown code is left out
  });

  it('carries no geometry, so the HTML and the flight data stay small', () => {
    expect(html).not.toContain('<path');
    expect(html.length).toBeLessThan(2_000);
  });

  it('keeps its accessible name and description', () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="map-title map-desc"/);
    expect(html).toContain('<title id="map-title">Dy mining 2024</title>');
  });
});
