import { notFound } from 'next/navigation';
import { FacilitiesTable } from '@/components/entity-tables';
import { DataText, Ident } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { eventKindOnly } from '@/i18n/event-kind';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { entityHref } from '@/lib/entity-href';
import { ENTITY_ID, EntityFigure, Facts } from '../../entity-figure';

export const generateMetadata = titled('title.policy');

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  if (!ENTITY_ID.test(id)) notFound();
  await requireUser(`/policies/${id}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const page = foundOrThrow(await attempt(api.entities.policy.query({ id, asOf })));
  const p = page.policy;
  const dates = [
    p.startDate,
    p.effectiveOn ? `→ ${p.effectiveOn}` : '',
    p.suspendedOn ? `‖ ${p.suspendedOn}–${p.suspendedUntil ?? ''}` : '',
    p.endDate ? `– ${p.endDate}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <main id="main">
      <p>{t('entity.policy')}</p>
      <h1 lang="en">{p.title}</h1>
      <EntityFigure id="policy" title={t('entity.facts')} t={t} answer={page}>
        <Facts
          items={[
            [
              t('entity.country'),
              <PortalLink key="c" href={entityHref('country', p.country)}>
                {localName(locale, 'country', p.country)}
              </PortalLink>,
            ],
            [t('entity.kind'), eventKindOnly(t, 'policy', p.kind)],
            [
              t('entity.elements'),
              p.elements.length === 0
                ? t('entity.allElements')
                : p.elements.map((e, i) => (
                    <span key={e}>
                      {i > 0 ? ', ' : null}
                      <PortalLink href={entityHref('element', e)}>{e}</PortalLink>
                    </span>
                  )),
            ],
            [
              t('entity.target'),
              p.targetCountry ? (
                <PortalLink href={entityHref('country', p.targetCountry)}>
                  {localName(locale, 'country', p.targetCountry)}
                </PortalLink>
              ) : null,
            ],
            [t('entity.dates'), dates],
            [t('entity.impact'), <DataText key="i">{p.impact}</DataText>],
            [t('col.status'), translateValue(t, 'status', p.status)],
            [t('col.source'), <Ident key="s">{p.sourceId}</Ident>],
          ]}
        />
      </EntityFigure>
      <h2>{t('entity.facilities')}</h2>
      <FacilitiesTable rows={page.facilities} t={t} caption={t('entity.facilities')} />
    </main>
  );
}
