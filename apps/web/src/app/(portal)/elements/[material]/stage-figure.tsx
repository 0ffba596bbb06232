import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import { ChartDataLinks } from '@/components/chart-data-links';
import { figureLabels, figureStatus } from '@/components/figure-labels';
import { Ident, Quoting } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { StandInNote, UnallocatedNote } from '@/components/share-notes';
import { WorldMap } from '@/components/world-map';
import { namer } from '@/i18n/names';
import type { Locale, Translate } from '@/i18n/translate';
import { translateValue } from '@/i18n/translate';
import type { RouterOutputs } from '@/lib/api-types';

type Concentration = RouterOutputs['production']['concentration'];

/** One stage's shares of a material: the element's own figures, or the stand-in named above the map. */
export function StageFigure({
  stage,
  data,
  t,
  locale,
}: {
  stage: string;
  data: Concentration;
  t: Translate;
  locale: Locale;
}) {
  const names = namer(locale);
  const title = `${translateValue(t, 'stage', stage)} · ${names.material(data.materialUsed)} · ${data.yearUsed}`;
  return (
    <Figure
      id={`stage-${stage}`}
      title={title}
      sources={data.sources}
      datasetVersion={data.datasetVersion}
      status={figureStatus(t, data.status)}
      labels={figureLabels(t)}
      table={
        <DataTable
          caption={title}
          rowKey={(r) => r.country}
          rows={data.rows}
          columns={[
            {
              header: t('col.country'),
              cell: (r) => (
                <PortalLink href={`/countries/${r.country}`}>{names.country(r.country, r.name)}</PortalLink>
              ),
            },
            { header: t('col.share'), cell: (r) => formatShare(r.share, locale), numeric: true },
            ...(data.unit === 't'
              ? [
                  {
                    header: `t ${data.basis}`,
                    cell: (r: Concentration['rows'][number]) => formatNumber(r.value, locale),
                    numeric: true,
                  },
                ]
              : []),
          ]}
        />
      }
      actions={
        <>
          <DownloadCsvButton
            label={t('figure.downloadCsv')}
            filename={`${data.materialUsed}-${stage}-${data.yearUsed}.csv`}
            doc={{
              title,
              sources: data.sources,
              datasetVersion: data.datasetVersion.label,
              headers: ['country', 'share', 'basis', 'edition', 'status'],
              rows: [
                ...data.rows.map((r) => [
                  r.country,
                  r.share,
                  data.basis,
                  data.editions.join(' '),
                  data.status,
                ]),
                ['(unallocated)', data.unallocatedShare, data.basis, data.editions.join(' '), data.status],
              ],
            }}
          />
          <ChartDataLinks chart="stage-shares" params={{ material: data.material, stage }} t={t} />
        </>
      }
    >
      <StandInNote data={data} t={t} locale={locale} testId={`stage-${stage}-fallback`} />
      <p>
        {t('elements.hhi', {
          hhi: formatNumber(data.hhi, locale),
          band: translateValue(t, 'band', data.hhiBand),
        })}{' '}
        · {t('elements.top3', { share: formatShare(data.top3Share, locale) })} ·{' '}
        {t('elements.basis', { basis: data.basis })} ·{' '}
        <Quoting
          text={t('elements.edition')}
          values={{ edition: <Ident>{data.editions.join(', ')}</Ident> }}
        />
      </p>
      <UnallocatedNote data={data} t={t} locale={locale} />
      {data.otherEditions.length > 0 ? (
        <p className="hint">
          <Quoting
            text={t('elements.otherEditions')}
            values={{ editions: <Ident>{data.otherEditions.join(', ')}</Ident> }}
          />
        </p>
      ) : null}
      <WorldMap
        values={Object.fromEntries(data.rows.map((r) => [r.country, r.share]))}
        title={title}
        description={t('dashboard.mapAlt')}
        formatValue={(v) => formatShare(v, locale)}
        noDataLabel={t('figure.empty')}
        nameOf={names.country}
      />
    </Figure>
  );
}
