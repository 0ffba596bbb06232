import { FacilityStage, FacilityStatus, Iso3, Material } from '@ree/domain';
import { DataTable, Figure, formatNumber } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import { z } from 'zod';
import { ChartDataLinks } from '@/components/chart-data-links';
import { OperatorField } from '@/components/entity-tables';
import { FacilityMap } from '@/components/facility-map/facility-map';
import { figureLabels } from '@/components/figure-labels';
import { DataText } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { Pager } from '@/components/pager';
import { PortalLink } from '@/components/portal-link';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { withAsOf } from '@/lib/as-of';
import { viewedAsOf } from '@/lib/as-of-server';
import { entityHref } from '@/lib/entity-href';
import { ENTITY_ID } from '../entity-figure';
import { FacilityFilters, SORTS } from './filters';

export const generateMetadata = titled('title.facilities');

const Params = z.object({
  stage: FacilityStage.optional().catch(undefined),
  operatingStatus: FacilityStatus.optional().catch(undefined),
  product: Material.optional().catch(undefined),
  country: Iso3.optional().catch(undefined),
  search: z.string().trim().min(1).max(100).optional().catch(undefined),
  sort: z.enum(SORTS).catch('name'),
  direction: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).catch(1),
});
/** A facility to mark on the map (from its page's "on the map" link); not a filter, so the API never sees it. */
const Highlight = z.string().regex(ENTITY_ID).optional().catch(undefined);

async function FacilitiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/facilities');
  const raw = await searchParams;
  const params = Params.parse(raw);
  const highlight = Highlight.parse(raw.highlight);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  // One set of filters for both: the table shows a page of them, the map every one that has a place.
  const { page: _page, sort: _sort, direction: _direction, ...filters } = params;
  const [result, map] = await Promise.all([
    api.supply.facilities.query({ ...params, pageSize: 25, asOf }),
    api.supply.facilityPoints.query({ ...filters, asOf }),
  ]);
  const query = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return (
    <main id="main">
      <h1>{t('facilities.title')}</h1>
      <FacilityFilters values={params} t={t} asOf={asOf} />
      <Figure
        id="facilities"
        title={t('facilities.count', { count: result.pageInfo.total })}
        sources={result.sources}
        datasetVersion={result.datasetVersion}
        labels={figureLabels(t)}
        actions={
          <>
            <ChartDataLinks
              chart="facilities"
              params={{
                stage: params.stage,
                operatingStatus: params.operatingStatus,
                product: params.product,
                country: params.country,
                search: params.search,
                sort: params.sort,
                direction: params.direction,
              }}
              t={t}
            />
            <DownloadCsvButton
              label={t('figure.downloadCsv')}
              filename="facilities.csv"
              doc={{
                title: t('facilities.title'),
                sources: result.sources,
                datasetVersion: result.datasetVersion.label,
                headers: [
                  'id',
                  'name',
                  'operator',
                  'country',
                  'latitude',
                  'longitude',
                  'stage',
                  'products',
                  'capacity_per_year',
                  'capacity_unit',
                  'capacity_basis',
                  'capacity_kind',
                  'capacity_product',
                  'operating_status',
                  'start_year',
                  'status',
                  'source_id',
                ],
                rows: result.items.map((f) => [
                  f.id,
                  f.name,
                  f.operator,
                  f.country,
                  f.latitude,
                  f.longitude,
                  f.stage,
                  f.products.join('; '),
                  f.capacityPerYear,
                  f.capacityUnit,
                  f.capacityBasis,
                  f.capacityKind,
                  f.capacityProduct ?? null,
                  f.operatingStatus,
                  f.startYear,
                  f.status,
                  f.sourceId,
                ]),
              }}
            />
          </>
        }
      >
        <FacilityMap
          points={map.points}
          highlight={highlight}
          href={(id) => withAsOf(entityHref('facility', id), asOf)}
          label={(p) =>
            t('facilities.pointLabel', {
              name: p.name,
              stage: translateValue(t, 'stage', p.stage),
              status: translateValue(t, 'facilityStatus', p.operatingStatus),
            })
          }
          stageLabel={(stage) => translateValue(t, 'stage', stage)}
          title={t('facilities.mapTitle', { count: map.points.length })}
          description={t('facilities.mapDesc')}
          legendLabel={t('facilities.mapLegend')}
        />
        {map.unlocated > 0 ? <p role="note">{t('facilities.unlocated', { count: map.unlocated })}</p> : null}
        <div className="ree-table-wrap">
          <DataTable
            caption={t('facilities.title')}
            rowKey={(f) => f.id}
            rows={result.items}
            columns={[
              {
                header: t('facilities.name'),
                cell: (f) => (
                  <PortalLink href={entityHref('facility', f.id)}>
                    <DataText>{f.name}</DataText>
                  </PortalLink>
                ),
              },
              { header: t('facilities.operator'), cell: (f) => <OperatorField field={f.operator} /> },
              {
                header: t('col.country'),
                cell: (f) => <PortalLink href={entityHref('country', f.country)}>{f.country}</PortalLink>,
              },
              { header: t('select.stage'), cell: (f) => translateValue(t, 'stage', f.stage) },
              {
                header: t('facilities.capacity'),
                cell: (f) =>
                  f.capacityPerYear == null ? (
                    '–'
                  ) : (
                    <>
                      {`${formatNumber(f.capacityPerYear, locale)} ${f.capacityUnit}/yr, `}
                      <DataText>{f.capacityProduct ?? f.capacityBasis}</DataText>
                      {f.capacityKind ? ` (${translateValue(t, 'capacityKind', f.capacityKind)})` : ''}
                    </>
                  ),
              },
              {
                header: t('facilities.products'),
                cell: (f) => <DataText>{f.products.join(', ')}</DataText>,
              },
              {
                header: t('facilities.status'),
                cell: (f) => translateValue(t, 'facilityStatus', f.operatingStatus),
              },
              { header: t('facilities.start'), cell: (f) => f.startYear ?? '–', numeric: true },
              { header: t('col.status'), cell: (f) => translateValue(t, 'status', f.status) },
            ]}
          />
        </div>
      </Figure>
      <Pager
        page={result.pageInfo.page}
        pageSize={result.pageInfo.pageSize}
        total={result.pageInfo.total}
        query={query}
        t={t}
      />
    </main>
  );
}

export default streamedPage(FacilitiesPage);
