// Longitude/latitude → the base map's pixel coordinates, with the projection that drew the outlines: Equal Earth at
// the scale and translation the build script fitted (world-map-asset.ts), so a plant lands on its own country.
// Server-side only (the facility map is a server component): d3-geo never reaches the browser.
import { geoEqualEarth } from 'd3-geo';
import { WORLD_MAP_PROJECTION } from '../world-map-asset';

const projection = geoEqualEarth()
  .scale(WORLD_MAP_PROJECTION.scale)
  .translate([...WORLD_MAP_PROJECTION.translate]);

/** The point on the base map (viewBox units) of a place given in WGS 84 decimal degrees. */
export function projectToMap(longitude: number, latitude: number): [x: number, y: number] {
  const xy = projection([longitude, latitude]);
  // Equal Earth is defined over the whole sphere: a valid coordinate always has an image.
  if (!xy) throw new RangeError(`no map position for ${longitude}, ${latitude}`);
  return xy;
}

/** How far apart (viewBox units) points at the same place are drawn, so each stays visible and clickable. */
export const SPREAD_RADIUS = 6;

/**
 * Positions for points, one decimal each (sub-pixel, and short in the HTML). Points that fall on the same spot —
 * several plants on one site, as at Mountain Pass or Gebeng — are set around a small circle, in input order.
 */
export function placePoints<P extends { latitude: number; longitude: number }>(
  points: readonly P[],
): (P & { x: number; y: number })[] {
  const projected = points.map((p) => ({ p, xy: projectToMap(p.longitude, p.latitude) }));
  const bySpot = new Map<string, number[]>();
  projected.forEach(({ xy }, i) => {
    const spot = `${Math.round(xy[0])},${Math.round(xy[1])}`;
    bySpot.set(spot, [...(bySpot.get(spot) ?? []), i]);
  });
  const offset = new Map<number, [number, number]>();
  for (const members of bySpot.values()) {
    if (members.length < 2) continue;
    members.forEach((index, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
      offset.set(index, [SPREAD_RADIUS * Math.cos(angle), SPREAD_RADIUS * Math.sin(angle)]);
    });
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return projected.map(({ p, xy }, i) => {
    const [dx, dy] = offset.get(i) ?? [0, 0];
    return { ...p, x: round(xy[0] + dx), y: round(xy[1] + dy) };
  });
}
