import { DataTable, Figure, formatShare } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import { figureLabels } from '@/components/figure-labels';
import { DataText, Ident } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { namer } from '@/i18n/names';
import type { Locale, Translate } from '@/i18n/translate';
import { translateValue } from '@/i18n/translate';
import type { RouterOutputs } from '@/lib/api-types';

type Demand = RouterOutputs['reference']['demand'];
type Scope = Demand['scopes'][number];

/** Whose consumption, in the page's language: the world, the EU or a country. */
function scopeLabel(scope: string, t: Translate, locale: Locale): string {
  if (scope === 'WLD') return t('demand.world');
  if (scope === 'EU') return t('demand.eu');
  return namer(locale).country(scope);
}

/** The scope's name; a country's links to its page. */
function ScopeName({ scope, t, locale }: { scope: string; t: Translate; locale: Locale }) {
  const label = scopeLabel(scope, t, locale);
  return scope === 'WLD' || scope === 'EU' ? (
    label
  ) : (
    <PortalLink href={`/countries/${scope}`}>{label}</PortalLink>
  );
}

/** What the shares of one scope say as a whole: all of consumption, part of it, or only which uses. */
function Coverage({ scope, t, locale }: { scope: Scope; t: Translate; locale: Locale }) {
  if (scope.shareTotal === null) return <p className="hint">{t('demand.qualitative')}</p>;
  if (scope.shareTotal >= 0.995) return <p className="hint">{t('demand.complete')}</p>;
  return <p className="hint">{t('demand.accounted', { share: formatShare(scope.shareTotal, locale, 0) })}</p>;
}

/** An element's demand side: per scope, its uses with their shares, the sectors that depend on them, and sources. */
export function DemandFigure({ data, t, locale }: { data: Demand; t: Translate; locale: Locale }) {
  const material = namer(locale).material(data.material);
  const title = t('demand.figureTitle', { material });
  const sectors = [...new Set(data.scopes.flatMap((s) => s.sectors))];
  return (
    <Figure
      id="demand"
      title={title}
      sources={data.sources}
      datasetVersion={data.datasetVersion}
      labels={figureLabels(t)}
      actions={
        <DownloadCsvButton
          label={t('figure.downloadCsv')}
          filename={`${data.material}-demand.csv`}
          doc={{
            title,
            sources: data.sources,
            datasetVersion: data.datasetVersion.label,
            headers: ['scope', 'year', 'use', 'share', 'sectors', 'source_id', 'status'],
            rows: data.scopes.flatMap((s) =>
              s.uses.map((u) => [
                s.scope,
                u.year,
                u.use,
                u.share,
                u.sectors.join('; '),
                u.sourceId,
                u.status,
              ]),
            ),
          }}
        />
      }
    >
      {sectors.length > 0 ? (
        <p data-testid="demand-sectors">
          {t('demand.dependsOn', {
            material,
            sectors: sectors.map((s) => translateValue(t, 'sector', s)).join(', '),
          })}
        </p>
      ) : null}
      {data.scopes.map((scope) => (
        <section key={scope.scope} data-testid={`demand-${scope.scope}`}>
          <h3>
            <ScopeName scope={scope.scope} t={t} locale={locale} />
            {scope.shareTotal === null ? '' : ` · ${scope.year}`}
          </h3>
          <Coverage scope={scope} t={t} locale={locale} />
          {scope.problems.map((p) => (
            <p key={p} role="alert" lang="en">
              {t('demand.problem', { problem: p })}
            </p>
          ))}
          <div className="ree-table-wrap">
            <DataTable
              caption={`${material} · ${scopeLabel(scope.scope, t, locale)} · ${scope.year}`}
              rowKey={(u) => `${u.use}-${u.year}-${u.sourceId}`}
              rows={scope.uses}
              columns={[
                { header: t('demand.use'), cell: (u) => translateValue(t, 'endUse', u.use) },
                {
                  header: t('demand.share'),
                  cell: (u) => (u.share === null ? t('demand.noShare') : formatShare(u.share, locale, 0)),
                  numeric: true,
                },
                {
                  header: t('demand.sectors'),
                  cell: (u) => u.sectors.map((s) => translateValue(t, 'sector', s)).join(', ') || '–',
                },
                { header: t('demand.year'), cell: (u) => String(u.year), numeric: true },
                {
                  header: t('demand.source'),
                  cell: (u) => (
                    <>
                      <Ident>{u.sourceId}</Ident>
                      {u.status === 'verified' ? '' : ` (${translateValue(t, 'status', u.status)})`}
                    </>
                  ),
                },
                { header: t('demand.notes'), cell: (u) => <DataText>{u.notes ?? ''}</DataText> },
              ]}
            />
          </div>
        </section>
      ))}
    </Figure>
  );
}
