// The diff's summary: the headline figures before and after, and each table's counts of differing rows.
import { formatNumber } from '@ree/ui';
import type { Locale, Translate } from '@/i18n/translate';
import type { VersionDiff } from './diff-links';

export function HeadlineTable({ diff, locale, t }: { diff: VersionDiff; locale: Locale; t: Translate }) {
  const number = (v: number | null) => (v === null ? '–' : formatNumber(v, locale, 1));
  return (
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
  );
}

export function CountsTable({ diff, t }: { diff: VersionDiff; t: Translate }) {
  return (
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
  );
}
