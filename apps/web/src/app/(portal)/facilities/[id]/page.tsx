import { formatNumber } from '@ree/ui';
import { notFound } from 'next/navigation';
import {
  InvestmentsTable,
  OperatorLinks,
  PartnershipsTable,
  PoliciesTable,
} from '@/components/entity-tables';
import { DataText, Ident } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { entityHref, facilityMapHref } from '@/lib/entity-href';
import { ENTITY_ID, EntityFigure, Facts } from '../../entity-figure';

export const generateMetadata = titled('title.facility');

export default async function FacilityPage({ params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  if (!ENTITY_ID.test(id)) notFound();
  await requireUser(`/facilities/${id}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const page = foundOrThrow(await attempt(api.entities.facility.query({ id, asOf })));
  const f = page.facility;
  return (
    <main id="main">
      <p>{t('entity.facility')}</p>
      <h1 lang="en">{f.name}</h1>
      <EntityFigure id="facility" title={t('entity.facts')} t={t} answer={page}>
        <Facts
          items={[
            [t('entity.operator'), <OperatorLinks key="o" operators={f.operators} fallback={f.operator} />],
            [
              t('entity.country'),
              <PortalLink key="c" href={entityHref('country', f.country)}>
                {localName(locale, 'country', f.country)}
              </PortalLink>,
            ],
            [t('col.stage'), translateValue(t, 'stage', f.stage)],
            [
              t('facilities.products'),
              f.products.map((p, i) => (
                <span key={p}>
                  {i > 0 ? ', ' : null}
                  <PortalLink href={entityHref('element', p)}>{p}</PortalLink>
                </span>
              )),
            ],
            [
              t('facilities.capacity'),
              f.capacityPerYear === null ? (
                '–'
              ) : (
                <span key="cap">
                  {`${formatNumber(f.capacityPerYear, locale)} ${f.capacityUnit} ${f.capacityBasis}/yr${
                    f.capacityKind ? ` (${translateValue(t, 'capacityKind', f.capacityKind)})` : ''
                  }`}
                  {f.capacityProduct ? (
                    <>
                      {' · '}
                      <DataText>{f.capacityProduct}</DataText>
                    </>
                  ) : null}
                </span>
              ),
            ],
            [t('facilities.status'), translateValue(t, 'facilityStatus', f.operatingStatus)],
            [t('facilities.start'), f.startYear ?? '–'],
            [
              t('entity.coordinates'),
              f.latitude === null || f.longitude === null ? (
                '–'
              ) : (
                <span key="xy">
                  {`${f.latitude}, ${f.longitude}`} · <a href={facilityMapHref(f)}>{t('facilities.onMap')}</a>
                </span>
              ),
            ],
            [t('col.status'), translateValue(t, 'status', f.status)],
            [t('col.source'), <Ident key="s">{f.sourceId}</Ident>],
            [t('entity.notes'), f.notes ? <DataText key="n">{f.notes}</DataText> : f.notes],
          ]}
        />
      </EntityFigure>
      <h2>{t('entity.partnerships')}</h2>
      <PartnershipsTable rows={page.partnerships} t={t} />
      <h2>{t('entity.investments')}</h2>
      <InvestmentsTable rows={page.investments} t={t} locale={locale} />
      <h2>{t('entity.policies')}</h2>
      <PoliciesTable rows={page.policies} t={t} caption={t('entity.policies')} />
    </main>
  );
}
