import { FacilityStage, FacilityStatus } from '@ree/domain';
import { DataTable, Figure, formatNumber } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import type { Metadata } from 'next';
import { z } from 'zod';
import { AsOfField } from '@/components/as-of-field';
import { ChartDataLinks } from '@/components/chart-data-links';
import { OperatorField } from '@/components/entity-tables';
import { figureLabels } from '@/components/figure-labels';
import { streamedPage } from '@/components/page-loading';
import { Pager } from '@/components/pager';
import { PortalLink } from '@/components/portal-link';
import { WorldMap } from '@/components/world-map';
import { getT } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { entityHref } from '@/lib/entity-href';

export const metadata: Metadata = { title: 'Facilities' };

const STAGES = FacilityStage.options;
const STATUSES = FacilityStatus.options;
const SORTS = ['name', 'country', 'stage', 'capacityPerYear', 'startYear', 'operator'] as const;

const Params = z.object({
  stage: z.enum(STAGES).optional().catch(undefined),
  operatingStatus: z.enum(STATUSES).optional().catch(undefined),
  search: z.string().trim().min(1).max(100).optional().catch(undefined),
  sort: z.enum(SORTS).catch('name'),
  direction: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).catch(1),
});

async function FacilitiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/facilities');
  const raw = await searchParams;
  const params = Params.parse(raw);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const result = await api.supply.facilities.query({ ...params, pageSize: 25, asOf });
  const query = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return (
    <main id="main">
      <h1>{t('facilities.title')}</h1>
      <form className="controls" method="get" aria-label={t('facilities.filter')}>
        <AsOfField />
        <label>
          {t('select.stage')}
          <select name="stage" defaultValue={params.stage ?? ''}>
            <option value="">{t('facilities.all')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {translateValue(t, 'stage', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('facilities.status')}
          <select name="operatingStatus" defaultValue={params.operatingStatus ?? ''}>
            <option value="">{t('facilities.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {translateValue(t, 'facilityStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('facilities.operator')}
          <input name="search" defaultValue={params.search ?? ''} maxLength={100} />
        </label>
        <label>
          {t('facilities.sort')}
          <select name="sort" defaultValue={params.sort}>
            {SORTS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          ↑↓
          <select name="direction" defaultValue={params.direction}>
            <option value="asc">asc</option>
            <option value="desc">desc</option>
          </select>
        </label>
        <button type="submit" className="ree-button ree-button--primary">
          {t('select.apply')}
        </button>
      </form>
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
        <WorldMap
          values={result.items.reduce<Record<string, number>>((counts, f) => {
            counts[f.country] = (counts[f.country] ?? 0) + 1;
            return counts;
          }, {})}
          title={t('facilities.count', { count: result.pageInfo.total })}
          description={t('dashboard.mapAlt')}
          formatValue={(v) => formatNumber(v, locale)}
          noDataLabel={t('figure.empty')}
        />
        <div className="ree-table-wrap">
          <DataTable
            caption={t('facilities.title')}
            rowKey={(f) => f.id}
            rows={result.items}
            columns={[
              {
                header: t('facilities.name'),
                cell: (f) => <PortalLink href={entityHref('facility', f.id)}>{f.name}</PortalLink>,
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
                  f.capacityPerYear == null
                    ? '–'
                    : `${formatNumber(f.capacityPerYear, locale)} ${f.capacityUnit}/yr, ${f.capacityProduct ?? f.capacityBasis}${f.capacityKind ? ` (${translateValue(t, 'capacityKind', f.capacityKind)})` : ''}`,
              },
              { header: t('facilities.products'), cell: (f) => f.products.join(', ') },
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
