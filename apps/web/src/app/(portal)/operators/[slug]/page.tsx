import { notFound } from 'next/navigation';
import {
  FacilitiesTable,
  InvestmentsTable,
  PartnershipsTable,
  PoliciesTable,
} from '@/components/entity-tables';
import { PortalLink } from '@/components/portal-link';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { entityHref } from '@/lib/entity-href';
import { ENTITY_ID, EntityFigure, Facts } from '../../entity-figure';

export const generateMetadata = titled('title.operator');

export default async function OperatorPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  if (!ENTITY_ID.test(slug)) notFound();
  await requireUser(`/operators/${slug}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const page = foundOrThrow(await attempt(api.entities.operator.query({ slug, asOf })));
  const links = (kind: 'country' | 'element', ids: string[]) =>
    ids.map((id, i) => (
      <span key={id}>
        {i > 0 ? ', ' : null}
        <PortalLink href={entityHref(kind, id)}>{id}</PortalLink>
      </span>
    ));
  return (
    <main id="main">
      <p>{t('entity.operator')}</p>
      <h1 lang="en">{page.operator.name}</h1>
      <EntityFigure id="operator" title={t('entity.facilities')} t={t} answer={page}>
        <Facts
          items={[
            [t('entity.country'), links('country', page.operator.countries)],
            [t('facilities.products'), links('element', page.operator.products)],
          ]}
        />
        <FacilitiesTable rows={page.facilities} t={t} caption={t('entity.facilities')} />
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
