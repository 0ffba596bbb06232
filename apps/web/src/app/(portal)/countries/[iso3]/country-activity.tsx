import { DataTable } from '@ree/ui';
import { EventTitle, OperatorField } from '@/components/entity-tables';
import { DataText } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { eventKind } from '@/i18n/event-kind';
import { type Translate, translateValue } from '@/i18n/translate';
import { serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { entityHref } from '@/lib/entity-href';

/**
 * A country's facilities and events: streamed below its production figure, after the page has found the country
 * (an unknown one is a 404 before anything is sent).
 */
export async function CountryActivity({ iso3, t }: { iso3: string; t: Translate }) {
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const [facilities, events] = await Promise.all([
    api.supply.facilities.query({ country: iso3, pageSize: 100, asOf }),
    api.supply.timeline.query({ country: iso3, pageSize: 100, asOf }),
  ]);
  return (
    <>
      <h2>{t('countries.facilities')}</h2>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('countries.facilities')}
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
            { header: t('facilities.operator'), cell: (f) => <OperatorField field={f.operator} /> },
            { header: t('col.stage'), cell: (f) => translateValue(t, 'stage', f.stage) },
            {
              header: t('facilities.status'),
              cell: (f) => translateValue(t, 'facilityStatus', f.operatingStatus),
            },
          ]}
        />
      </div>
      <h2>{t('countries.events')}</h2>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('countries.events')}
          rowKey={(i) => `${i.type}-${i.id}`}
          rows={events.items}
          columns={[
            { header: t('timeline.date'), cell: (i) => i.date ?? t('timeline.undated') },
            { header: t('timeline.type'), cell: (i) => eventKind(t, i.type, i.kind) },
            { header: t('timeline.event'), cell: (i) => <EventTitle item={i} /> },
          ]}
        />
      </div>
    </>
  );
}
