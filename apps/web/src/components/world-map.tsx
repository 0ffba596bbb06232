// A choropleth world map drawn on the server from Natural Earth shapes (world-atlas): no tiles, no client script.
import { NO_DATA, SEQUENTIAL, sequentialColour } from '@ree/ui';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

/** ISO 3166-1 numeric codes (world-atlas ids) for the alpha-3 codes in the dataset. */
const NUMERIC: Record<string, string> = {
  AUS: '036',
  BRA: '076',
  CAN: '124',
  CHN: '156',
  EST: '233',
  GRL: '304',
  IND: '356',
  JPN: '392',
  MDG: '450',
  MMR: '104',
  MYS: '458',
  NGA: '566',
  RUS: '643',
  THA: '764',
  TZA: '834',
  USA: '840',
  VNM: '704',
  ZAF: '710',
};

const WIDTH = 960;
const HEIGHT = 470;
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = feature(topology, topology.objects.countries).features;
const path = geoPath(geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' }));

export interface WorldMapProps {
  /** Share (0–1) by ISO3 code. */
  values: Record<string, number>;
  title: string;
  description: string;
  formatValue: (value: number) => string;
  noDataLabel: string;
}

export function WorldMap({ values, title, description, formatValue, noDataLabel }: WorldMapProps) {
  const byNumeric = new Map(Object.entries(values).map(([iso3, v]) => [NUMERIC[iso3], { iso3, v }]));
  const max = Math.max(0, ...Object.values(values));
  return (
    <div>
      <svg
        className="world-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="map-title map-desc"
      >
        <title id="map-title">{title}</title>
        <desc id="map-desc">{description}</desc>
        {shapes.map((shape) => {
          const hit = byNumeric.get(String(shape.id));
          return (
            <path
              key={String(shape.id ?? shape.properties.name)}
              d={path(shape) ?? ''}
              fill={sequentialColour(hit?.v, max)}
            >
              <title>{`${shape.properties.name}: ${hit ? formatValue(hit.v) : noDataLabel}`}</title>
            </path>
          );
        })}
      </svg>
      <div className="legend" aria-hidden="true">
        <span className="swatch" style={{ background: NO_DATA }} /> {noDataLabel}
        {SEQUENTIAL.map((colour, i) => (
          <span
            key={colour}
            className="swatch"
            style={{ background: colour }}
            title={formatValue(((i + 1) / SEQUENTIAL.length) * max)}
          />
        ))}
        <span>0 → {formatValue(max)}</span>
      </div>
    </div>
  );
}
