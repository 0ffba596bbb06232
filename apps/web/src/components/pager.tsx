import type { Translate } from '@/i18n/translate';

/** Previous/next links that keep the rest of the query string (the view stays shareable). */
export function Pager({
  page,
  pageSize,
  total,
  query,
  t,
}: {
  page: number;
  pageSize: number;
  total: number;
  query: URLSearchParams;
  t: Translate;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const q = new URLSearchParams(query);
    q.set('page', String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav className="controls" aria-label={t('pager.page', { page, pages })}>
      {page > 1 ? <a href={link(page - 1)}>← {t('pager.previous')}</a> : null}
      <span>{t('pager.page', { page, pages })}</span>
      {page < pages ? <a href={link(page + 1)}>{t('pager.next')} →</a> : null}
    </nav>
  );
}
