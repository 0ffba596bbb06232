import { notFound } from 'next/navigation';
import { InvestmentsTable, OperatorLinks, PoliciesTable } from '@/components/entity-tables';
import { DataText, Ident } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { eventKindOnly } from '@/i18n/event-kind';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { withAsOf } from '@/lib/as-of';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { entityHref } from '@/lib/entity-href';
import { ENTITY_ID, EntityFigure, Facts } from '../../entity-figure';

export const generateMetadata = titled('title.partnership');

export default async function PartnershipPage({ params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  if (!ENTITY_ID.test(id)) notFound();
  await requireUser(`/partnerships/${id}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const page = foundOrThrow(await attempt(api.entities.partnership.query({ id, asOf })));
  const p = page.partnership;
  const country = (iso3: string) => (
    <a key={iso3} href={withAsOf(entityHref('country', iso3), asOf)}>
      {localName(locale, 'country', iso3)}
    </a>
  );
  return (
    <main id="main">
      <p>{t('entity.partnership')}</p>
      <h1 lang="en">{p.parties ?? p.id}</h1>
      <EntityFigure id="partnership" title={t('entity.facts')} t={t} answer={page}>
        <Facts
          items={[
            [t('entity.country'), country(p.country)],
            [t('entity.partner'), country(p.partner)],
            [t('entity.role'), eventKindOnly(t, 'partnership', p.role)],
            [t('entity.focus'), <DataText key="f">{p.focus}</DataText>],
            [t('entity.operators'), <OperatorLinks key="o" operators={page.operators} fallback="–" />],
            [t('entity.dates'), [p.startDate, p.endDate].filter(Boolean).join(' – ')],
            [t('entity.securesSupply'), p.securesSupply ? t('entity.yes') : t('entity.no')],
            [
              t('entity.elements'),
              p.materials.length === 0
                ? t('entity.allElements')
                : p.materials.map((m, i) => (
                    <span key={m}>
                      {i > 0 ? ', ' : null}
                      <PortalLink href={entityHref('element', m)}>{m}</PortalLink>
                    </span>
                  )),
            ],
            [t('col.status'), translateValue(t, 'status', p.status)],
            [t('col.source'), <Ident key="s">{p.sourceId}</Ident>],
          ]}
        />
      </EntityFigure>
      <h2>{t('entity.investments')}</h2>
      <InvestmentsTable rows={page.investments} t={t} locale={locale} />
      <h2>{t('entity.policies')}</h2>
      <PoliciesTable rows={page.policies} t={t} caption={t('entity.policies')} />
    </main>
  );
}
