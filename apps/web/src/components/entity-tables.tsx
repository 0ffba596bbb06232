// The tables the entity pages share: facilities, partnerships, investments and policies, every name a link to
// its page. Server components; the rows come from the API's entity answers.
import { operatorCompanies, operatorSlug } from '@ree/domain';
import { DataTable, formatNumber } from '@ree/ui';
import { DataText, Ident } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { eventKindOnly } from '@/i18n/event-kind';
import type { Locale } from '@/i18n/translate';
import { type Translate, translateValue } from '@/i18n/translate';
import type { RouterOutputs } from '@/lib/api-types';
import { entityHref } from '@/lib/entity-href';

type Chain = RouterOutputs['entities']['elementChain'];
type FacilityRow = Chain['facilities'][number];
type PartnershipRow = Chain['partnerships'][number];
type PolicyRow = Chain['policies'][number];
type InvestmentRow = RouterOutputs['entities']['operator']['investments'][number];
type OperatorRef = Chain['operators'][number];

export function OperatorLinks({
  operators,
  fallback,
}: {
  operators: readonly OperatorRef[];
  fallback: string;
}) {
  if (operators.length === 0) return <DataText>{fallback}</DataText>;
  return (
    <>
      {operators.map((o, i) => (
        <span key={o.slug}>
          {i > 0 ? ', ' : null}
          <PortalLink href={entityHref('operator', o.slug)}>
            <DataText>{o.name}</DataText>
          </PortalLink>
        </span>
      ))}
    </>
  );
}

/** A facility's free-text operator field as links to the companies it names (the domain's one reading of it). */
export function OperatorField({ field }: { field: string }) {
  const operators = operatorCompanies(field).map((name) => ({ slug: operatorSlug(name), name }));
  return <OperatorLinks operators={operators} fallback={field} />;
}

/** A timeline event's title, linked to its page where it has one (investments have none). */
export function EventTitle({ item }: { item: { type: string; id: string; title: string } }) {
  if (item.type === 'policy')
    return (
      <PortalLink href={entityHref('policy', item.id)}>
        <DataText>{item.title}</DataText>
      </PortalLink>
    );
  if (item.type === 'partnership')
    return (
      <PortalLink href={entityHref('partnership', item.id)}>
        <DataText>{item.title}</DataText>
      </PortalLink>
    );
  return <DataText>{item.title}</DataText>;
}

function None({ t }: { t: Translate }) {
  return <p>{t('entity.none')}</p>;
}

export function FacilitiesTable({
  rows,
  t,
  caption,
}: {
  rows: FacilityRow[];
  t: Translate;
  caption: string;
}) {
  if (rows.length === 0) return <None t={t} />;
  return (
    <div className="ree-table-wrap">
      <DataTable
        caption={caption}
        rowKey={(f) => f.id}
        rows={rows}
        columns={[
          {
            header: t('facilities.name'),
            cell: (f) => (
              <PortalLink href={entityHref('facility', f.id)}>
                <DataText>{f.name}</DataText>
              </PortalLink>
            ),
          },
          {
            header: t('entity.operator'),
            cell: (f) => <OperatorLinks operators={f.operators} fallback={f.operator} />,
          },
          {
            header: t('col.country'),
            cell: (f) => <PortalLink href={entityHref('country', f.country)}>{f.country}</PortalLink>,
          },
          { header: t('col.stage'), cell: (f) => translateValue(t, 'stage', f.stage) },
          {
            header: t('facilities.products'),
            cell: (f) => <DataText>{f.products.join(', ')}</DataText>,
          },
          {
            header: t('facilities.status'),
            cell: (f) => translateValue(t, 'facilityStatus', f.operatingStatus),
          },
          { header: t('col.source'), cell: (f) => <Ident>{f.sourceId}</Ident> },
        ]}
      />
    </div>
  );
}

export function PartnershipsTable({ rows, t }: { rows: PartnershipRow[]; t: Translate }) {
  if (rows.length === 0) return <None t={t} />;
  return (
    <div className="ree-table-wrap">
      <DataTable
        caption={t('entity.partnerships')}
        rowKey={(p) => p.id}
        rows={rows}
        columns={[
          {
            header: t('entity.parties'),
            cell: (p) => (
              <PortalLink href={entityHref('partnership', p.id)}>
                <DataText>{p.parties ?? p.id}</DataText>
              </PortalLink>
            ),
          },
          { header: t('entity.role'), cell: (p) => eventKindOnly(t, 'partnership', p.role) },
          {
            header: t('entity.partner'),
            cell: (p) => <PortalLink href={entityHref('country', p.partner)}>{p.partner}</PortalLink>,
          },
          { header: t('timeline.date'), cell: (p) => p.startDate ?? t('timeline.undated') },
          { header: t('col.source'), cell: (p) => <Ident>{p.sourceId}</Ident> },
        ]}
      />
    </div>
  );
}

export function InvestmentsTable({
  rows,
  t,
  locale,
}: {
  rows: InvestmentRow[];
  t: Translate;
  locale: Locale;
}) {
  if (rows.length === 0) return <None t={t} />;
  return (
    <div className="ree-table-wrap">
      <DataTable
        caption={t('entity.investments')}
        rowKey={(i) => i.id}
        rows={rows}
        columns={[
          { header: t('entity.investor'), cell: (i) => <DataText>{i.investor}</DataText> },
          { header: t('entity.outcome'), cell: (i) => (i.outcome ? <DataText>{i.outcome}</DataText> : '–') },
          {
            header: t('col.country'),
            cell: (i) => (
              <PortalLink href={entityHref('country', i.country)}>
                <DataText>{i.location ?? i.country}</DataText>
              </PortalLink>
            ),
          },
          {
            header: t('entity.amount'),
            cell: (i) => (i.amountUsd === null ? '–' : formatNumber(i.amountUsd, locale)),
            numeric: true,
          },
          { header: t('timeline.date'), cell: (i) => i.date ?? t('timeline.undated') },
          { header: t('col.source'), cell: (i) => <Ident>{i.sourceId}</Ident> },
        ]}
      />
    </div>
  );
}

export function PoliciesTable({ rows, t, caption }: { rows: PolicyRow[]; t: Translate; caption: string }) {
  if (rows.length === 0) return <None t={t} />;
  return (
    <div className="ree-table-wrap">
      <DataTable
        caption={caption}
        rowKey={(p) => p.id}
        rows={rows}
        columns={[
          {
            header: t('entity.policy'),
            cell: (p) => (
              <PortalLink href={entityHref('policy', p.id)}>
                <DataText>{p.title}</DataText>
              </PortalLink>
            ),
          },
          { header: t('entity.kind'), cell: (p) => eventKindOnly(t, 'policy', p.kind) },
          {
            header: t('col.country'),
            cell: (p) => <PortalLink href={entityHref('country', p.country)}>{p.country}</PortalLink>,
          },
          {
            header: t('entity.elements'),
            cell: (p) => (p.elements.length ? p.elements.join(', ') : t('entity.allElements')),
          },
          { header: t('timeline.date'), cell: (p) => p.effectiveOn ?? p.startDate },
          { header: t('col.source'), cell: (p) => <Ident>{p.sourceId}</Ident> },
        ]}
      />
    </div>
  );
}
