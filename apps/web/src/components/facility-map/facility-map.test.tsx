// The point map sends links and positions, not geometry; every point is a named link, every stage in the legend.
import { FacilityStage } from '@ree/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WORLD_MAP_URL } from '../world-map-asset';
import { FacilityMap, type MapFacility } from './facility-map';
import { markId } from './symbols';

const POINTS: MapFacility[] = [
  {
    id: 'mount-weld',
    name: 'Mount Weld mine and concentrator',
    stage: 'mining',
    operatingStatus: 'operating',
    latitude: -28.8,
    longitude: 122.5,
  },
  {
    id: 'mountain-pass-hre',
    name: 'Mountain Pass heavy rare earth separation circuit',
    stage: 'separation',
    operatingStatus: 'commissioning',
    latitude: 35.47,
    longitude: -115.53,
  },
];

const render = (highlight?: string) =>
  renderToStaticMarkup(
    <FacilityMap
      points={POINTS}
      highlight={highlight}
      href={(id) => `/facilities/${id}`}
      label={(p) => `${p.name} — ${p.stage}, ${p.operatingStatus}`}
      stageLabel={(s) => `stage ${s}`}
      title="2 facilities on the map"
      description="Points by stage"
      legendLabel="Stages"
    />,
  );

describe('FacilityMap', () => {
  const html = render();

  it('draws on the shared base map and carries no country geometry', () => {
    expect(html).toContain(`<use href="${WORLD_MAP_URL}#all"`);
    expect(html).not.toMatch(/<path[^>]* d="M[^"]{200}/);
    expect(html.length).toBeLessThan(4_000);
  });

  it('makes each point a link named by facility, stage and status, marked by its stage', () => {
    expect(html).toMatch(
      /<a href="\/facilities\/mount-weld" data-latin="Mount Weld mine and concentrator"><title>Mount Weld mine and concentrator — mining, operating<\/title><use href="#fm-mining" x="[\d.]+" y="[\d.]+" fill="var\(--ree-series-1\)"><\/use><\/a>/,
    );
    expect(html).toContain('<use href="#fm-separation"');
    expect(html).toMatch(/<svg[^>]*aria-labelledby="facility-map-title"/);
  });

  it('defines one mark per stage and lists every stage in the legend', () => {
    for (const stage of FacilityStage.options) {
      expect(html).toContain(`<path id="${markId(stage)}"`);
      expect(html).toContain(`stage ${stage}`);
    }
    expect(html).toContain('<ul class="facility-map__legend" aria-label="Stages">');
  });

  it('marks the highlighted facility: ringed, aria-current, drawn last', () => {
    const marked = render('mount-weld');
    expect(marked).toMatch(
      /<a href="\/facilities\/mount-weld" aria-current="true" data-latin="[^"]+">.*facility-map__ring/,
    );
    expect(marked.lastIndexOf('/facilities/mount-weld')).toBeGreaterThan(
      marked.lastIndexOf('/facilities/mountain-pass-hre'),
    );
    expect(html).not.toContain('aria-current');
  });
});
