import { Button } from '@ree/ui';
import { AsOfField } from '@/components/as-of-field';
import { DataText, Ident, Quoting } from '@/components/latin';
import type { MessageKey } from '@/i18n/en';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { withAsOf } from '@/lib/as-of';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { targetHref } from '@/lib/entity-href';

export const generateMetadata = titled('title.search');

/** The search without script: the header's form lands here; the palette (Ctrl-K, /) is the same query, sooner. */
export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? '';
  await requireUser(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const result = q ? foundOrThrow(await attempt(api.search.query.query({ q, limit: 50, asOf }))) : null;
  return (
    <main id="main">
      <h1>{t('search.title')}</h1>
      <form method="get" action="/search" className="search-page__form">
        <AsOfField />
        <label htmlFor="search-page-q">{t('search.label')}</label>
        <input id="search-page-q" name="q" type="search" defaultValue={q} maxLength={100} />
        <Button type="submit">{t('search.submit')}</Button>
      </form>
      {result === null ? (
        <p>{t('search.prompt')}</p>
      ) : result.hits.length === 0 ? (
        <p>
          <Quoting text={t('search.none')} values={{ q: <Ident>{q}</Ident> }} />
        </p>
      ) : (
        <>
          <p>
            <Quoting
              text={t('search.resultsFor', { count: result.hits.length })}
              values={{ q: <Ident>{q}</Ident> }}
            />
          </p>
          <ol className="search-results">
            {result.hits.map((hit) => {
              const href = targetHref(hit.target);
              // Countries and elements have names in every language; the rest are the data's own (English) names.
              const label =
                hit.kind === 'country' ? (
                  localName(locale, 'country', hit.id, hit.label)
                ) : hit.kind === 'element' && locale === 'ja' ? (
                  `${localName(locale, 'material', hit.id, hit.label)} (${hit.id})`
                ) : (
                  <DataText>{hit.label}</DataText>
                );
              return (
                <li key={`${hit.kind}-${hit.id}`}>
                  <span className="search-results__kind">{t(`search.kind.${hit.kind}` as MessageKey)}</span>{' '}
                  {href ? <a href={withAsOf(href, asOf)}>{label}</a> : label}
                  {hit.detail ? (
                    <span className="search-results__detail">
                      {' · '}
                      <DataText>{hit.detail}</DataText>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <p className="figure__version">
            {t('figure.version')}: <Ident>{result.datasetVersion.label}</Ident>
          </p>
        </>
      )}
    </main>
  );
}
