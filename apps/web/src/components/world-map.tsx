// A choropleth world map without its geometry: the country outlines are one static, immutable SVG drawn at build
// time (scripts/build-world-map.mjs); the page's inline <svg> references it by <use href> and carries only ids and
// fills, so a map costs a few hundred bytes of HTML (and of flight data) instead of ~150 kB. No client script.
import { NO_DATA, SEQUENTIAL, sequentialColour } from '@ree/ui';
import { WORLD_MAP_NAMES, WORLD_MAP_SIZE, WORLD_MAP_URL } from './world-map-asset';

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

const { width: WIDTH, height: HEIGHT } = WORLD_MAP_SIZE;

export interface WorldMapProps {
  /** Share (0–1) by ISO3 code. */
  values: Record<string, number>;
  title: string;
  description: string;
  formatValue: (value: number) => string;
  noDataLabel: string;
  /** The country's name in the page's language (the map's own names are English). */
  nameOf?: (iso3: string, english: string) => string;
}

export function WorldMap({ values, title, description, formatValue, noDataLabel, nameOf }: WorldMapProps) {
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
        {/* Every country in the no-data colour, then one <use> per country with a value on top of it. */}
        <use href={`${WORLD_MAP_URL}#all`} fill={NO_DATA} />
        {Object.entries(values).map(([iso3, v]) => {
          const id = `n${NUMERIC[iso3] ?? ''}`;
          const name = WORLD_MAP_NAMES[id];
          if (!name) return null;
          return (
            <use key={iso3} href={`${WORLD_MAP_URL}#${id}`} fill={sequentialColour(v, max)}>
              <title>{`${nameOf ? nameOf(iso3, name) : name}: ${formatValue(v)}`}</title>
            </use>
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
