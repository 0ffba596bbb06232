// The resilience score of a consumer × material × stage × year. The rows come from the database; the input, the
// score and what stands behind each component come from @ree/domain's scoreFromDataset.
import {
  ComponentId,
  ComponentProvenance,
  type DatasetScore,
  ImportsUsed,
  Iso3,
  importYears,
  Material,
  ResilienceScore,
  Stage,
  scoreFromDataset,
  scoreSensitivity,
  scoreTrend,
  Year,
} from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { datasetRows } from './dataset-rows.ts';
import { assertCountry } from './reference.ts';
import { sourcesFor, today } from './sources.ts';
import { cachedForVersion } from './version-cache.ts';
import { versioned } from './versioned.ts';
import type { VersionRef } from './versions.ts';
import { resolveVersion } from './versions.ts';

export const ScoreInput = z.strictObject({
  consumer: Iso3.default('JPN'),
  material: Material.default('NdPr'),
  stage: Stage.default('separation'),
  year: Year.optional(),
  /** Read controls and agreements as of this date (default: the year's end, or today). */
  date: z.iso.date().optional(),
  asOf: z.uuid().optional(),
});

export const ScoreExplained = versioned({
  /** The date controls and agreements were read as of. */
  asOfDate: z.string(),
  result: ResilienceScore,
  imports: ImportsUsed.nullable(),
  /** When no imports were found: what was tried. */
  importsTried: z.array(z.string()),
  /** The sources and notes behind each component. */
  provenance: z.record(ComponentId, ComponentProvenance),
  /** Years with import data for this consumer, stage and material (or what stands in for it). */
  years: z.array(Year),
  /** Which component's weight moves the score most, and the points each component's risk costs. */
  sensitivity: z
    .object({
      mostSensitiveWeight: ComponentId.nullable(),
      components: z.array(
        z.object({ id: ComponentId, pointsLost: z.number(), weightUp: z.number(), weightDown: z.number() }),
      ),
    })
    .nullable(),
});
export type ScoreExplained = z.infer<typeof ScoreExplained>;

export async function explainScore(db: Db, params: z.infer<typeof ScoreInput>) {
  const version = await resolveVersion(db, params.asOf);
  const key = JSON.stringify(['score', params, today()]);
  return cachedForVersion(version.id, key, () => scoreIn(db, version, params));
}

/** The score in a given version, published or draft, uncached (the diff compares drafts too). */
export async function scoreIn(
  db: Db,
  version: VersionRef & { published?: boolean },
  params: z.infer<typeof ScoreInput>,
): Promise<ScoreExplained & { input: DatasetScore['input'] }> {
  await assertCountry(db, version.id, params.consumer);
  const data = await datasetRows(db, version);
  const years = importYears(data, params);
  const year = params.year ?? years.at(-1) ?? new Date().getUTCFullYear();
  const scored = scoreFromDataset(data, {
    consumer: params.consumer,
    material: params.material,
    stage: params.stage,
    year,
    today: today(),
    ...(params.date ? { asOf: params.date } : {}),
  });
  const sourceIds = Object.values(scored.provenance).flatMap((p) => p.sourceIds);
  return {
    datasetVersion: { id: version.id, label: version.label, publishedOn: version.publishedOn },
    sources: await sourcesFor(db, version.id, sourceIds),
    asOfDate: scored.asOf,
    input: scored.input,
    result: scored.result,
    imports: scored.imports,
    importsTried: scored.importsTried,
    provenance: scored.provenance,
    years,
    sensitivity: sensitivityOf(scored.input),
  };
}

function sensitivityOf(input: DatasetScore['input']) {
  const s = scoreSensitivity(input);
  return s ? { mostSensitiveWeight: s.mostSensitiveWeight, components: s.components } : null;
}

export const TrendPoint = z.object({
  year: Year,
  score: z.number().nullable(),
  coverage: z.number(),
  range: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** Whose imports the year's score read (the material's own, or a stand-in). */
  importsMaterial: Material.nullable(),
  importsStatus: z.enum(['verified', 'estimated', 'unverified']).nullable(),
});
export const ScoreTrend = z.object({
  datasetVersion: z.object({ id: z.string(), label: z.string() }),
  points: z.array(TrendPoint),
});

/** The score of every year with import data, computed by the domain in one pass over the version's rows. */
export async function scoreTrendOf(
  db: Db,
  params: Omit<z.infer<typeof ScoreInput>, 'year' | 'date'>,
): Promise<z.infer<typeof ScoreTrend>> {
  const version = await resolveVersion(db, params.asOf);
  await assertCountry(db, version.id, params.consumer);
  return cachedForVersion(version.id, JSON.stringify(['trend', params, today()]), async () => {
    const data = await datasetRows(db, version);
    // `asOf` names the version read above; the domain's own asOf is a date, which the trend never takes.
    const query = {
      consumer: params.consumer,
      material: params.material,
      stage: params.stage,
      today: today(),
    };
    const points = scoreTrend(data, query).map((p) => ({
      year: p.year,
      score: p.result.score,
      coverage: p.result.coverage,
      range: p.result.status === 'ok' ? p.result.range : null,
      importsMaterial: p.imports?.material ?? null,
      importsStatus: p.imports?.status ?? null,
    }));
    return { datasetVersion: version, points };
  });
}
