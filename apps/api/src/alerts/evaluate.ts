// Which watches a newly current version sets off. A watch fires on a crossing or a new item relative to the
// version that was current before, never on a level that merely persists, so publishing again (or rolling back to
// a version already seen) does not repeat an alert; the (watch, version) unique key makes each run idempotent.
import type { Db } from '../db/client.ts';
import type { VersionRef } from '../queries/versions.ts';
import { type FigureReader, figureReader } from './figures.ts';
import { type AlertMessage, WatchParams } from './schemas.ts';

/** The alert a watch raises in `current`, relative to `previous` (null: no version was current before). */
export async function checkWatch(
  figures: FigureReader,
  params: WatchParams,
  current: VersionRef,
  previous: VersionRef | null,
): Promise<AlertMessage | null> {
  switch (params.kind) {
    case 'score_below': {
      const after = await figures.score(current, params);
      if (!after || after.value >= params.threshold) return null;
      const before = previous ? await figures.score(previous, params) : null;
      if (before && before.value < params.threshold) return null;
      return { ...params, before: before?.value ?? null, after: after.value, year: after.year };
    }
    case 'hhi_above': {
      const after = await figures.hhi(current, params);
      if (!after || after.value <= params.threshold) return null;
      const before = previous ? await figures.hhi(previous, params) : null;
      if (before && before.value > params.threshold) return null;
      return { ...params, before: before?.value ?? null, after: after.value, year: after.year };
    }
    case 'new_export_control': {
      const now = await figures.controls(current, params.element);
      const seen = new Set(
        previous ? (await figures.controls(previous, params.element)).map((c) => c.id) : [],
      );
      const controls = now.filter((c) => !seen.has(c.id));
      return controls.length ? { ...params, controls } : null;
    }
  }
}

/**
 * Checks every watch without an alert for `current` yet and stores the alerts raised. Returns the users who got a
 * new alert in this run (the e-mail digest goes to them) and the watches that could not be read.
 */
export async function raiseAlerts(
  db: Db,
  current: VersionRef,
  previous: VersionRef | null,
): Promise<{ raised: number; users: string[]; invalid: string[] }> {
  if (previous?.id === current.id) return { raised: 0, users: [], invalid: [] };
  const watches = await db.watch.findMany({
    where: { notifications: { none: { versionId: current.id } } },
    select: { id: true, ownerId: true, kind: true, params: true },
    orderBy: { createdAt: 'asc' },
  });
  const figures = figureReader(db);
  const rows: { userId: string; watchId: string; versionId: string; message: AlertMessage }[] = [];
  const invalid: string[] = [];
  for (const watch of watches) {
    const parsed = WatchParams.safeParse({ ...(watch.params as object), kind: watch.kind });
    // A watch whose stored parameters no longer parse (an enum narrowed since) is reported, and the others go on.
    if (!parsed.success) {
      invalid.push(watch.id);
      continue;
    }
    const message = await checkWatch(figures, parsed.data, current, previous);
    if (message) rows.push({ userId: watch.ownerId, watchId: watch.id, versionId: current.id, message });
  }
  if (rows.length === 0) return { raised: 0, users: [], invalid };
  // Two runs for one version (two API instances, a retry) store each alert once.
  const { count } = await db.watchNotification.createMany({ data: rows, skipDuplicates: true });
  return { raised: count, users: [...new Set(rows.map((r) => r.userId))], invalid };
}
