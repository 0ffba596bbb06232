import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { DiffParams, diffHref } from './diff-links';
import { DiffRows } from './diff-rows';
import { CountsTable, HeadlineTable } from './diff-summary';

export const metadata: Metadata = { title: 'Differences between versions' };

/** Rows per list and page: the overview shows this many of each list, a page of one list as many again. */
const PAGE_SIZE = 200;

export default async function DiffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  await requireAdmin('/admin/diff');
  const params = DiffParams.safeParse(raw);
  if (!params.success) notFound();
  const { from, to, entity, kind, after, seen } = params.data;
  // One list of one table when the address names both; otherwise the overview of every table.
  const list = entity && kind ? { entity, kind, after } : undefined;
  const { t, locale } = await getT();
  const api = await serverApi();
  const result = await attempt(api.datasets.diff.query({ from, to, limit: PAGE_SIZE, page: list }));
  // An unknown version (NOT_FOUND) or a damaged cursor (BAD_REQUEST): the link is wrong, and not-found.tsx says
  // how. Anything else is the server's failure, not a missing page.
  const diff = foundOrThrow(result);
  const versions = { from: diff.from.id, to: diff.to.id };
  const title = <h1>{t('admin.diff', { from: diff.from.label, to: diff.to.label })}</h1>;
  if (diff.page) {
    const only = diff.entities[0];
    if (!only) notFound();
    const shown = only[diff.page.kind].length;
    const before = diff.page.after ? seen : 0;
    return (
      <main id="main">
        <p>
          <a href={diffHref(versions)}>← {t('admin.diffOverview')}</a>
        </p>
        {title}
        <h2>{t('admin.diffList', { file: only.file, kind: t(`admin.${diff.page.kind}`) })}</h2>
        {before !== undefined && shown > 0 ? (
          <p>
            {t('admin.diffPage', {
              first: before + 1,
              last: before + shown,
              total: only.counts[diff.page.kind],
            })}
          </p>
        ) : null}
        {shown === 0 ? <p>{t('admin.noChanges')}</p> : null}
        <DiffRows diff={only} versions={versions} limit={PAGE_SIZE} seen={before ?? 0} t={t} />
        {diff.page.after ? (
          <p>
            <a href={diffHref(versions, { entity: only.entity, kind: diff.page.kind })}>
              {t('admin.diffStart')}
            </a>
          </p>
        ) : null}
      </main>
    );
  }
  const differing = diff.entities.filter((e) => e.counts.added + e.counts.removed + e.counts.changed > 0);
  return (
    <main id="main">
      <p>
        <a href={`/admin/versions/${diff.to.id}`}>← {t('admin.backToVersion')}</a>
      </p>
      {title}
      <h2>{t('admin.headline')}</h2>
      <HeadlineTable diff={diff} locale={locale} t={t} />
      <h2>{t('admin.tables')}</h2>
      <CountsTable diff={diff} t={t} />
      {differing.length === 0 ? <p>{t('admin.noChanges')}</p> : null}
      {differing.map((e) => {
        const shown = e.changed.length + e.added.length + e.removed.length;
        const total = e.counts.added + e.counts.removed + e.counts.changed;
        return (
          <section key={e.entity} aria-labelledby={`diff-${e.entity}`}>
            <h3 id={`diff-${e.entity}`}>{e.file}</h3>
            {shown < total ? <p>{t('admin.more', { shown, total })}</p> : null}
            <DiffRows diff={e} versions={versions} limit={PAGE_SIZE} t={t} />
          </section>
        );
      })}
    </main>
  );
}
