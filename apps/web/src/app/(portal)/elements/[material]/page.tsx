import { Material } from '@ree/domain';
import { DataTable, formatNumber } from '@ree/ui';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { OperatorField, OperatorLinks, PartnershipsTable, PoliciesTable } from '@/components/entity-tables';
import { DataText, Ident } from '@/components/latin';
import { PageLoading } from '@/components/page-loading';
import { PortalLink } from '@/components/portal-link';
import { namer } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt } from '@/lib/attempt';
import { entityHref } from '@/lib/entity-href';
import { DemandFigure } from './demand-figure';
import { StageFigure } from './stage-figure';
import { SupplyRiskFigure } from './supply-risk-figure';

export const generateMetadata = titled('title.element');

const STAGES = ['mining', 'separation', 'metal', 'magnet'] as const;

/** Checks the symbol before the Suspense boundary, so an unknown one is a real 404, then streams the figures. */
export default async function ElementPage({ params }: { params: Promise<{ material: string }> }) {
  const parsed = Material.safeParse((await params).material);
  if (!parsed.success) notFound();
  return (
    <Suspense fallback={<PageLoading />}>
      <ElementFigures material={parsed.data} />
    </Suspense>
  );
}

async function ElementFigures({ material }: { material: Material }) {
  await requireUser(`/elements/${material}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const [elements, risk, demand, facilities, chain, ...stages] = await Promise.all([
    api.reference.elements.query({ asOf }),
    attempt(api.production.supplyRisk.query({ material, asOf })),
    api.reference.demand.query({ material, asOf }),
    api.supply.facilities.query({ product: material, pageSize: 100, asOf }),
    api.entities.elementChain.query({ material, asOf }),
    // The material's own figures where there are any; else the API names the stand-in it used.
    ...STAGES.map(async (stage) => ({
      stage,
      result: await attempt(api.production.concentration.query({ material, stage, asOf })),
    })),
  ]);
  const element = elements.items.find((e) => e.symbol === material);
  const names = namer(locale);
  return (
    <main id="main">
      <h1>
        {element
          ? `${element.symbol} — ${names.material(element.symbol, element.name)}`
          : names.material(material)}
      </h1>
      {element ? (
        <p>
          {t('elements.group')}: {element.group} · {t('elements.uses')}:{' '}
          {element.uses.map(names.use).join(t('list.separator')) || '–'}
        </p>
      ) : null}

      <h2>{t('elements.byStage')}</h2>
      {stages.map(({ stage, result }) =>
        result.ok ? (
          <StageFigure key={stage} stage={stage} data={result.data} t={t} locale={locale} />
        ) : (
          <p key={stage} role="status">
            {translateValue(t, 'stage', stage)}: {t('figure.empty')}
          </p>
        ),
      )}

      <h2>{t('elements.supplyRisk')}</h2>
      {risk.ok ? (
        <SupplyRiskFigure data={risk.data} t={t} locale={locale} />
      ) : (
        <p role="status">{t('figure.empty')}</p>
      )}

      <h2>{t('demand.title')}</h2>
      {demand.scopes.length > 0 ? (
        <DemandFigure data={demand} t={t} locale={locale} />
      ) : (
        <p role="status">{t('demand.none', { material: names.material(material) })}</p>
      )}

      <h2>{t('elements.facilities')}</h2>
      {facilities.items.length === 0 ? (
        <p role="status">{t('elements.noFacilities', { material: names.material(material) })}</p>
      ) : (
        <p>
          <a href={`/facilities?${new URLSearchParams({ product: material })}`}>
            {t('elements.facilitiesMap')}
          </a>
        </p>
      )}
      {facilities.items.length > 0 ? (
        <div className="ree-table-wrap">
          <DataTable
            caption={
              <>
                {t('elements.facilities')} · {t('figure.version')}:{' '}
                <Ident>{facilities.datasetVersion.label}</Ident>
              </>
            }
            rowKey={(f) => f.id}
            rows={facilities.items}
            columns={[
              {
                header: t('facilities.name'),
                cell: (f) => (
                  <PortalLink href={entityHref('facility', f.id)}>
                    <DataText>{f.name}</DataText>
                  </PortalLink>
                ),
              },
              { header: t('entity.operator'), cell: (f) => <OperatorField field={f.operator} /> },
              {
                header: t('col.country'),
                cell: (f) => <PortalLink href={`/countries/${f.country}`}>{f.country}</PortalLink>,
              },
              { header: t('col.stage'), cell: (f) => translateValue(t, 'stage', f.stage) },
              {
                header: t('facilities.products'),
                cell: (f) => <DataText>{f.products.join(', ')}</DataText>,
              },
              {
                header: t('facilities.capacity'),
                cell: (f) =>
                  f.capacityPerYear === null ? (
                    '–'
                  ) : (
                    <>
                      {`${formatNumber(f.capacityPerYear, locale)} ${f.capacityUnit}/yr `}
                      <DataText>{f.capacityProduct ?? f.capacityBasis}</DataText>
                      {f.capacityKind ? ` (${translateValue(t, 'capacityKind', f.capacityKind)})` : ''}
                    </>
                  ),
              },
              {
                header: t('facilities.status'),
                cell: (f) => translateValue(t, 'facilityStatus', f.operatingStatus),
              },
            ]}
          />
        </div>
      ) : null}

      {/* search and entity pages: the chain on from its facilities */}
      <h2>{t('entity.chain')}</h2>
      <p>
        {t('entity.operators')}: <OperatorLinks operators={chain.operators} fallback="–" />
      </p>
      <h3>{t('entity.partnerships')}</h3>
      <PartnershipsTable rows={chain.partnerships} t={t} />
      <h3>{t('entity.policies')}</h3>
      <PoliciesTable rows={chain.policies} t={t} caption={t('entity.policies')} />
    </main>
  );
}
