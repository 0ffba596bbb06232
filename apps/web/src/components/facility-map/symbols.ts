// One mark per stage, told apart by shape as well as by colour (a colour-blind reader, a grey print), each about
// 10 viewBox units across and centred on 0,0. Fills are the chart series tokens (light-dark() pairs); the outline
// is the ink colour (CSS), which stands out from a country's grey in both themes.
import type { FacilityStage } from '@ree/domain';
import { PALETTE } from '@ree/ui';

export const STAGE_MARKS: Readonly<Record<FacilityStage, { d: string; fill: string }>> = {
  exploration: { d: 'M-1.8-5h3.6v3.2H5v3.6H1.8V5h-3.6V1.8H-5v-3.6h3.2z', fill: PALETTE[7] ?? '' }, // plus
  mining: { d: 'M-4.6 0a4.6 4.6 0 1 0 9.2 0a4.6 4.6 0 1 0-9.2 0z', fill: PALETTE[0] ?? '' }, // circle
  cracking: { d: 'M-4-4h8v8h-8z', fill: PALETTE[4] ?? '' }, // square
  separation: { d: 'M0-5.6L5.6 0L0 5.6L-5.6 0z', fill: PALETTE[5] ?? '' }, // diamond
  metal: { d: 'M0-5.4L5 3.6H-5z', fill: PALETTE[2] ?? '' }, // triangle up
  magnet: { d: 'M0 5.4L5-3.6H-5z', fill: PALETTE[3] ?? '' }, // triangle down
  recycling: { d: 'M-5 0l2.5-4.3h5L5 0l-2.5 4.3h-5z', fill: PALETTE[1] ?? '' }, // hexagon
};

/** The id of a stage's mark in the page (defined once in the map's <defs>, reused by the points and the legend). */
export const markId = (stage: FacilityStage) => `fm-${stage}`;
