// What a watch looks for, and what an alert says. Stored as JSON (watch.params, watch_notification.message) and
// read back through these same schemas, so a row that no longer parses is an error, never a guess.
import { ElementSymbol, Iso3, Material, Stage, Year } from '@ree/domain';
import { z } from 'zod';

/** The most watches one account may keep: each is checked against every published version. */
export const MAX_WATCHES_PER_USER = 50;

export const WatchKind = z.enum(['score_below', 'hhi_above', 'new_export_control']);
export type WatchKind = z.infer<typeof WatchKind>;

/** A score (0–100) of a consumer × material × stage falling below a threshold. */
const ScoreBelow = z.strictObject({
  kind: z.literal('score_below'),
  consumer: Iso3,
  material: Material,
  stage: Stage,
  threshold: z.number().min(0, 'a score is 0–100').max(100, 'a score is 0–100'),
});

/** The HHI (0–10,000) of a material × stage's production rising above a threshold. */
const HhiAbove = z.strictObject({
  kind: z.literal('hhi_above'),
  material: Material,
  stage: Stage,
  threshold: z.number().min(0, 'an HHI is 0–10,000').max(10_000, 'an HHI is 0–10,000'),
});

/** An export restriction covering the element, in force, that the previous published version did not have. */
const NewExportControl = z.strictObject({
  kind: z.literal('new_export_control'),
  element: ElementSymbol,
});

export const WatchParams = z.discriminatedUnion('kind', [ScoreBelow, HhiAbove, NewExportControl]);
export type WatchParams = z.infer<typeof WatchParams>;

export const Watch = z.object({ id: z.string(), createdAt: z.date(), params: WatchParams });
export type Watch = z.infer<typeof Watch>;

const Figure = z.object({
  /** The value in the previously published version, or null when it had none (or there was none). */
  before: z.number().nullable(),
  after: z.number(),
  /** The year the new version's figure is of (its latest with data). */
  year: Year,
});

export const ControlRef = z.object({
  id: z.string(),
  country: z.string(),
  kind: z.string(),
  title: z.string(),
  effectiveOn: z.string(),
});

/** What an alert says: the watch's parameters and what crossed, so it reads the same after the watch is gone. */
export const AlertMessage = z.discriminatedUnion('kind', [
  ScoreBelow.extend(Figure.shape),
  HhiAbove.extend(Figure.shape),
  NewExportControl.extend({ controls: z.array(ControlRef).min(1) }),
]);
export type AlertMessage = z.infer<typeof AlertMessage>;

export const Notification = z.object({
  id: z.string(),
  watchId: z.string(),
  version: z.object({ id: z.string(), label: z.string() }),
  message: AlertMessage,
  createdAt: z.date(),
  readAt: z.date().nullable(),
  emailedAt: z.date().nullable(),
});
export type Notification = z.infer<typeof Notification>;
