// One table's differing rows: changed ones with the old value struck through beside the new, added and removed
// ones whole. Below them, a link to the next page of every list that goes on.
import type { Translate } from '@/i18n/translate';
import { DIFF_KINDS, type DiffKind, diffHref, type EntityDiff } from './diff-links';

type Value = string | number | boolean | string[] | null;
const show = (v: Value | undefined) =>
  v === null || v === undefined ? '–' : Array.isArray(v) ? v.join('; ') : String(v);

interface Shown {
  kind: DiffKind;
  key: string;
  row: Record<string, Value>;
  before: Record<string, Value> | null;
  fields: string[];
}

function rowsOf(e: EntityDiff): Shown[] {
  return [
    ...e.changed.map((c) => ({
      kind: 'changed' as const,
      key: c.key,
      row: c.after,
      before: c.before,
      fields: c.fields,
    })),
    ...e.added.map((a) => ({ kind: 'added' as const, key: a.key, row: a.row, before: null, fields: [] })),
    ...e.removed.map((r) => ({ kind: 'removed' as const, key: r.key, row: r.row, before: null, fields: [] })),
  ];
}

export function DiffRows({
  diff,
  versions,
  limit,
  seen = 0,
  t,
}: {
  diff: EntityDiff;
  versions: { from: string; to: string };
  limit: number;
  /** Rows of the list before this page (0 in the overview). */
  seen?: number;
  t: Translate;
}) {
  const next = DIFF_KINDS.flatMap((kind) => {
    const after = diff.next[kind];
    if (!after) return [];
    const upTo = seen + diff[kind].length;
    const count = Math.max(1, Math.min(limit, diff.counts[kind] - upTo));
    return [{ kind, count, href: diffHref(versions, { entity: diff.entity, kind, after, seen: upTo }) }];
  });
  return (
    <>
      <div className="ree-table-wrap">
        <table className="ree-table" data-testid={`diff-${diff.entity}`}>
          <caption>{diff.file}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.what')}</th>
              {diff.columns.map((f) => (
                <th key={f} scope="col">
                  {f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowsOf(diff).map((r) => (
              <tr key={`${r.kind}-${r.key}`} className={`ree-row--${r.kind}`}>
                <td>{t(`admin.${r.kind}`)}</td>
                {diff.columns.map((f) =>
                  r.fields.includes(f) ? (
                    <td key={f}>
                      <del>{show(r.before?.[f])}</del> <mark>{show(r.row[f])}</mark>
                    </td>
                  ) : (
                    <td key={f}>{show(r.row[f])}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next.length ? (
        <nav className="controls" aria-label={diff.file}>
          {next.map((n) => (
            <a key={n.kind} href={n.href}>
              {t(`admin.diffNext.${n.kind}`, { count: n.count })} →
            </a>
          ))}
        </nav>
      ) : null}
    </>
  );
}
