import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import { DownloadCsvButton, DownloadPngButton } from '@ree/ui/downloads';
import { ChartDataLinks } from '@/components/chart-data-links';
import { figureLabels, figureStatus } from '@/components/figure-labels';
import { StandInNote, UnallocatedNote } from '@/components/share-notes';
import { WorldMap } from '@/components/world-map';
import { namer } from '@/i18n/names';
import type { Locale, Translate } from '@/i18n/translate';
import { translateValue } from '@/i18n/translate';
import type { RouterOutputs } from '@/lib/api-types';

type Concentration = RouterOutputs['production']['concentration'];

/** The dashboard's world map of one material × stage × year, with the stand-in and unallocated share said. */
export function MapFigure({ data, t, locale }: { data: Concentration; t: Translate; locale: Locale }) {
  const labels = figureLabels(t);
  const names = namer(locale);
  const title = t('dashboard.map', {
    material: names.material(data.material),
    stage: translateValue(t, 'stage', data.stage),
    year: data.year,
  });
  return (
    <Figure
      id="world-map"
      title={title}
      sources={data.sources}
      datasetVersion={data.datasetVersion}
      status={figureStatus(t, data.status)}
      labels={labels}
      table={
        <DataTable
          caption={title}
          rowKey={(r) => r.country}
          rows={data.rows}
          columns={[
            { header: t('col.country'), cell: (r) => names.country(r.country, r.name) },
            {
              header: data.unit === 't' ? t('col.production') : t('col.value'),
              cell: (r) => formatNumber(r.value, locale, 2),
              numeric: true,
            },
            { header: t('col.share'), cell: (r) => formatShare(r.share, locale), numeric: true },
          ]}
        />
      }
      actions={
        <>
          <DownloadPngButton
            label={t('figure.downloadPng')}
            targetId="world-map-chart"
            filename={`${data.material}-${data.stage}-${data.year}.png`}
          />
          <DownloadCsvButton
            label={t('figure.downloadCsv')}
            filename={`${data.material}-${data.stage}-${data.year}.csv`}
            doc={{
              title: title,
              sources: data.sources,
              datasetVersion: data.datasetVersion.label,
              headers: ['country', 'name', data.unit === 't' ? 'tonnes' : 'published_share', 'share'],
              rows: data.rows.map((r) => [r.country, r.name, r.value, r.share]),
            }}
          />
          <ChartDataLinks
            chart="world-map"
            params={{ material: data.material, stage: data.stage, year: data.year }}
            t={t}
          />
        </>
      }
    >
      <WorldMap
        values={Object.fromEntries(data.rows.map((r) => [r.country, r.share]))}
        title={title}
        description={t('dashboard.mapAlt')}
        formatValue={(v) => formatShare(v, locale)}
        noDataLabel={t('figure.empty')}
        nameOf={names.country}
      />
      {data.rows[0] && data.unit === 't' ? (
        <p>
          <span className="headline" data-testid="top-share">
            {formatShare(data.rows[0].share, locale)}
          </span>{' '}
          {names.country(data.rows[0].country, data.rows[0].name)} · HHI {formatNumber(data.hhi, locale)} (
          {translateValue(t, 'band', data.hhiBand)}) · {t('elements.basis', { basis: data.basis })}
        </p>
      ) : null}
      <StandInNote data={data} t={t} locale={locale} />
      <UnallocatedNote data={data} t={t} locale={locale} />
    </Figure>
  );
}
