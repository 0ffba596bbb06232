// The figures watches compare, read from a version with the very code the pages use: the score from scoreIn, the
// HHI from concentrationIn (both @ree/domain underneath), export controls from the version's policy rows with the
// domain's own rule for what is in force. Each figure is read once per run however many watches ask for it.
import { type ElementSymbol, inForceOn, type Material, RESTRICTING_KINDS, type Stage } from '@ree/domain';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { concentrationIn } from '../queries/concentration.ts';
import { datasetRows } from '../queries/dataset-rows.ts';
import { scoreIn } from '../queries/score.ts';
import { today } from '../queries/sources.ts';
import type { VersionRef } from '../queries/versions.ts';
import type { ControlRef } from './schemas.ts';

export interface YearFigure {
  value: number;
  year: number;
}

type Control = typeof ControlRef._output;

/** A figure that the version cannot compute (no data for that cell, an unknown country) is null, not an error. */
async function orNull<T>(compute: () => Promise<T | null>): Promise<T | null> {
  try {
    return await compute();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export interface FigureReader {
  /** The resilience score of the version's latest year with import data, as /score shows it by default. */
  score(v: VersionRef, q: { consumer: string; material: Material; stage: Stage }): Promise<YearFigure | null>;
  /** The HHI of production in the version's latest year with data, as the concentration page shows it. */
  hhi(v: VersionRef, q: { material: Material; stage: Stage }): Promise<YearFigure | null>;
  /** Export restrictions in the version that cover the element and are in force today. */
  controls(v: VersionRef, element: ElementSymbol): Promise<Control[]>;
}

export function figureReader(db: Db): FigureReader {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: unknown[], compute: () => Promise<T>): Promise<T> => {
    const k = JSON.stringify(key);
    let hit = memo.get(k) as Promise<T> | undefined;
    if (!hit) {
      hit = compute();
      memo.set(k, hit);
    }
    return hit;
  };
  const date = today();
  return {
    score: (v, q) =>
      once(['score', v.id, q.consumer, q.material, q.stage], () =>
        orNull(async () => {
          const s = await scoreIn(db, v, { consumer: q.consumer, material: q.material, stage: q.stage });
          const year = s.input.year;
          return s.result.score === null ? null : { value: s.result.score, year };
        }),
      ),
    hhi: (v, q) =>
      once(['hhi', v.id, q.material, q.stage], () =>
        orNull(async () => {
          const c = await concentrationIn(db, v, { material: q.material, stage: q.stage, projection: false });
          return { value: c.hhi, year: c.year };
        }),
      ),
    controls: (v, element) =>
      once(['controls', v.id, element], async () => {
        const { policies } = await datasetRows(db, v);
        return policies
          .filter(
            (p) =>
              RESTRICTING_KINDS.includes(p.kind) &&
              // No elements listed means every rare earth.
              (p.elements.length === 0 || p.elements.includes(element)) &&
              inForceOn(p, date),
          )
          .map((p) => ({
            id: p.id,
            country: p.country,
            kind: p.kind,
            title: p.title,
            effectiveOn: p.effectiveOn ?? p.startDate,
          }));
      }),
  };
}
