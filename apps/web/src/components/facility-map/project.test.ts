// The points use the base map's own projection: they match what drew the outlines, and known plants land inside
// their country's drawn shape (read from the committed asset, so a change to either side is caught).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { worldProjection } from '../../../scripts/build-world-map.mjs';
import { WORLD_MAP_SIZE, WORLD_MAP_URL } from '../world-map-asset';
import { placePoints, projectToMap, SPREAD_RADIUS } from './project';

const svg = readFileSync(path.join(import.meta.dirname, '../../../public', WORLD_MAP_URL), 'utf8');

/** A country's drawn outline as rings of [x, y], from its `<path id="n…">` in the asset (d3 writes M…L…Z). */
function rings(id: string): [number, number][][] {
  const d = new RegExp(`<path id="${id}" d="([^"]+)"`).exec(svg)?.[1];
  if (!d) throw new Error(`no path ${id}`);
  return d
    .split('M')
    .filter(Boolean)
    .map((ring) =>
      ring
        .replace(/Z$/, '')
        .split('L')
        .map((pair) => pair.split(',').map(Number) as [number, number]),
    );
}

/** Even-odd rule over every ring: inside the outline (holes excluded). */
function inside([x, y]: [number, number], shape: [number, number][][]): boolean {
  let odd = false;
  for (const ring of shape) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] ?? [0, 0];
      const [xj, yj] = ring[j] ?? [0, 0];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function bounds(shape: [number, number][][]) {
  const xs = shape.flat().map((p) => p[0]);
  const ys = shape.flat().map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

// Coordinates as in apps/api/data/reference/facilities.csv (rows mount-weld, lynas-malaysia, mountain-pass-mine,
// shin-etsu-takefu-separation, bayan-obo, neo-silmet), with the asset's path id of the country column.
const KNOWN = [
  { id: 'mount-weld', lat: -28.8, lon: 122.5, country: 'n036' }, // Western Australia
  { id: 'lynas-malaysia', lat: 3.98, lon: 103.39, country: 'n458' }, // Gebeng, Kuantan
  { id: 'mountain-pass-mine', lat: 35.47, lon: -115.53, country: 'n840' }, // California
  { id: 'shin-etsu-takefu-separation', lat: 35.9, lon: 136.17, country: 'n392' }, // Fukui
  { id: 'bayan-obo', lat: 41.78, lon: 109.97, country: 'n156' }, // Inner Mongolia
  { id: 'neo-silmet', lat: 59.4, lon: 27.76, country: 'n233' }, // Sillamäe, Estonia
] as const;

describe('projectToMap', () => {
  it('is the projection the base map was drawn with', () => {
    const drawn = worldProjection();
    for (let lon = -180; lon <= 180; lon += 15)
      for (let lat = -85; lat <= 85; lat += 17) {
        const [x, y] = projectToMap(lon, lat);
        const [ex, ey] = drawn([lon, lat]) as [number, number];
        expect(x).toBeCloseTo(ex, 9);
        expect(y).toBeCloseTo(ey, 9);
      }
    expect(projectToMap(0, 0)).toEqual([WORLD_MAP_SIZE.width / 2, WORLD_MAP_SIZE.height / 2]);
  });

  it.each(KNOWN)('puts $id inside its country’s drawn outline', ({ lat, lon, country }) => {
    const shape = rings(country);
    const point = projectToMap(lon, lat);
    const box = bounds(shape);
    expect(point[0]).toBeGreaterThanOrEqual(box.x0);
    expect(point[0]).toBeLessThanOrEqual(box.x1);
    expect(point[1]).toBeGreaterThanOrEqual(box.y0);
    expect(point[1]).toBeLessThanOrEqual(box.y1);
    expect(inside(point, shape)).toBe(true);
  });

  it('a wrong projection would be caught: swapped coordinates leave Mount Weld’s outline', () => {
    expect(inside(projectToMap(-28.8, 122.5 - 180), rings('n036'))).toBe(false);
  });
});

describe('placePoints', () => {
  it('spreads points on one spot around a small circle and leaves lone points where they are', () => {
    const site = { latitude: 35.47, longitude: -115.53 };
    const placed = placePoints([
      { id: 'a', ...site },
      { id: 'b', ...site },
      { id: 'c', ...site },
      { id: 'alone', latitude: -28.8, longitude: 122.5 },
    ]);
    const [cx, cy] = projectToMap(site.longitude, site.latitude);
    const spots = new Set(placed.slice(0, 3).map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(3);
    for (const p of placed.slice(0, 3)) expect(Math.hypot(p.x - cx, p.y - cy)).toBeCloseTo(SPREAD_RADIUS, 0);
    const [ax, ay] = projectToMap(122.5, -28.8);
    expect(placed[3]).toMatchObject({
      id: 'alone',
      x: Math.round(ax * 10) / 10,
      y: Math.round(ay * 10) / 10,
    });
  });
});
