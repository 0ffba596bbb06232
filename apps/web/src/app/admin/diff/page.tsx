import { formatNumber } from '@ree/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const metadata: Metadata = { title: 'Differences between versions' };

const Params = z.object({ from: z.uuid(), to: z.uuid() });

type Value = string | number | boolean | string[] | null;
const show = (v: Value | undefined) =>
  v === null || v === undefined ? '–' : Array.isArray(v) ? v.join('; ') : String(v);

export default async function DiffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  await requireAdmin('/admin/diff');
  const params = Params.safeParse(raw);
  if (!params.success) notFound();
  const { t, locale } = await getT();
  const api = await serverApi();
  const result = await attempt(api.datasets.diff.query(params.data));
  if (!result.ok) notFound();
  const diff = result.data;
  const number = (v: number | null) => (v === null ? '–' : formatNumber(v, locale, 1));
  return (
    <main id="main">
      <p>
        <a href={`/admin/versions/${diff.to.id}`}>← {t('admin.backToVersion')}</a>
      </p>
      <h1>{t('admin.diff', { from: diff.from.label, to: diff.to.label })}</h1>
      <h2>{t('admin.headline')}</h2>
      <div className="ree-table-wrap">
        <table className="ree-table" data-testid="headline">
          <caption>{t('admin.headline')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.figure')}</th>
              <th scope="col">{t('admin.before')}</th>
              <th scope="col">{t('admin.after')}</th>
              <th scope="col">{t('admin.change')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.headline.map((h) => (
              <tr key={h.figure} className={h.change ? 'ree-row--changed' : undefined}>
                <th scope="row">{h.figure}</th>
                <td>{number(h.before)}</td>
                <td>{number(h.after)}</td>
                <td>
                  {h.change ? `${h.change > 0 ? '+' : ''}${number(h.change)}` : h.change === 0 ? '0' : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('admin.tables')}</h2>
      <div className="ree-table-wrap">
        <table className="ree-table">
          <caption>{t('admin.tables')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.table')}</th>
              <th scope="col">{t('admin.added')}</th>
              <th scope="col">{t('admin.removed')}</th>
              <th scope="col">{t('admin.changed')}</th>
              <th scope="col">{t('admin.unchanged')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.entities.map((e) => (
              <tr key={e.entity}>
                <th scope="row">{e.file}</th>
                <td>{e.counts.added}</td>
                <td>{e.counts.removed}</td>
                <td>{e.counts.changed}</td>
                <td>{e.counts.unchanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {diff.entities.every((e) => e.counts.added + e.counts.removed + e.counts.changed === 0) ? (
        <p>{t('admin.noChanges')}</p>
      ) : null}
      {diff.entities
        .filter((e) => e.counts.added + e.counts.removed + e.counts.changed > 0)
        .map((e) => {
          const fields = Object.keys(e.changed[0]?.after ?? e.added[0]?.row ?? e.removed[0]?.row ?? {});
          const rows = [
            ...e.changed.map((c) => ({
              kind: 'changed' as const,
              key: c.key,
              row: c.after,
              before: c.before,
              fields: c.fields,
            })),
            ...e.added.map((a) => ({
              kind: 'added' as const,
              key: a.key,
              row: a.row,
              before: null,
              fields: [] as string[],
            })),
            ...e.removed.map((r) => ({
              kind: 'removed' as const,
              key: r.key,
              row: r.row,
              before: null,
              fields: [] as string[],
            })),
          ];
          const shown = e.changed.length + e.added.length + e.removed.length;
          const total = e.counts.added + e.counts.removed + e.counts.changed;
          return (
            <section key={e.entity} aria-labelledby={`diff-${e.entity}`}>
              <h3 id={`diff-${e.entity}`}>{e.file}</h3>
              {shown < total ? <p>{t('admin.more', { shown, total })}</p> : null}
              <div className="ree-table-wrap">
                <table className="ree-table" data-testid={`diff-${e.entity}`}>
                  <caption>{e.file}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.what')}</th>
                      {fields.map((f) => (
                        <th key={f} scope="col">
                          {f}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.kind}-${r.key}`} className={`ree-row--${r.kind}`}>
                        <td>{t(`admin.${r.kind}`)}</td>
                        {fields.map((f) =>
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
            </section>
          );
        })}
    </main>
  );
}
