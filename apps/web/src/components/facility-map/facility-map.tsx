// Facilities as points on the shared base map (the outlines are the one immutable asset; see world-map.tsx): each
// point a link to the facility's page, named by facility, stage and status, marked by stage (shape and colour, with
// a legend). A server component: the HTML carries the points, no script and no geometry.
import { type FacilityStage, type FacilityStatus, FacilityStage as Stages } from '@ree/domain';
import { NO_DATA } from '@ree/ui';
import { WORLD_MAP_SIZE, WORLD_MAP_URL } from '../world-map-asset';
import { placePoints } from './project';
import { markId, STAGE_MARKS } from './symbols';

export interface MapFacility {
  id: string;
  name: string;
  stage: FacilityStage;
  operatingStatus: FacilityStatus;
  latitude: number;
  longitude: number;
}

export interface FacilityMapProps {
  points: readonly MapFacility[];
  /** A point's accessible name and tooltip, e.g. "Mount Weld — mining, operating". */
  label: (point: MapFacility) => string;
  stageLabel: (stage: FacilityStage) => string;
  href: (id: string) => string;
  /** A facility to mark (drawn on top, ringed, `aria-current`). */
  highlight?: string;
  title: string;
  description: string;
  legendLabel: string;
}

const { width: WIDTH, height: HEIGHT } = WORLD_MAP_SIZE;

export function FacilityMap(props: FacilityMapProps) {
  const { points, label, stageLabel, href, highlight, title, description, legendLabel } = props;
  // The marked point last, so no neighbour covers it.
  const placed = placePoints(points).sort((a, b) => Number(a.id === highlight) - Number(b.id === highlight));
  return (
    <div className="facility-map">
      <svg
        className="world-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-labelledby="facility-map-title"
        aria-describedby="facility-map-desc"
      >
        <title id="facility-map-title">{title}</title>
        <desc id="facility-map-desc">{description}</desc>
        <defs>
          {Stages.options.map((stage) => (
            <path key={stage} id={markId(stage)} d={STAGE_MARKS[stage].d} />
          ))}
        </defs>
        <use href={`${WORLD_MAP_URL}#all`} fill={NO_DATA} />
        <g className="facility-map__points">
          {placed.map((p) => (
            // data-latin: the facility's name, kept as the data writes it inside the translated tooltip.
            <a
              key={p.id}
              href={href(p.id)}
              aria-current={p.id === highlight ? 'true' : undefined}
              data-latin={p.name}
            >
              <title>{label(p)}</title>
              {p.id === highlight ? (
                <circle className="facility-map__ring" cx={p.x} cy={p.y} r={9} fill="none" />
              ) : null}
              <use href={`#${markId(p.stage)}`} x={p.x} y={p.y} fill={STAGE_MARKS[p.stage].fill} />
            </a>
          ))}
        </g>
      </svg>
      <ul className="facility-map__legend" aria-label={legendLabel}>
        {Stages.options.map((stage) => (
          <li key={stage}>
            <svg viewBox="-7 -7 14 14" width="14" height="14" aria-hidden="true">
              <use href={`#${markId(stage)}`} fill={STAGE_MARKS[stage].fill} />
            </svg>
            {stageLabel(stage)}
          </li>
        ))}
      </ul>
    </div>
  );
}
