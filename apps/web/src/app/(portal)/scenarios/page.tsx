import { CHAIN_STAGES, SCENARIO_MATERIALS } from '@ree/domain';
import { AsOfField } from '@/components/as-of-field';
import { CountryOptions } from '@/components/country-options';
import { streamedPage } from '@/components/page-loading';
import { PortalLink } from '@/components/portal-link';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';

export const generateMetadata = titled('title.scenarios');

async function ScenariosPage() {
  await requireUser('/scenarios');
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const [scenarios, countries] = await Promise.all([
    api.scenarios.list.query(),
    api.reference.countries.query({ asOf }),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main id="main">
      <h1>{t('scenario.title')}</h1>
      <form className="controls" method="get" action="/scenarios/new" aria-label={t('scenario.new')}>
        <AsOfField />
        <label>
          {t('dashboard.consumer')}
          <select name="consumer" defaultValue="JPN">
            <CountryOptions countries={countries.items} locale={locale} />
          </select>
        </label>
        <label>
          {t('select.material')}
          <select name="material" defaultValue="NdPr">
            {SCENARIO_MATERIALS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          {t('select.stage')}
          <select name="stage" defaultValue="separation">
            {CHAIN_STAGES.map((s) => (
              <option key={s} value={s}>
                {translateValue(t, 'stage', s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="ree-button ree-button--primary">
          {t('scenario.new')}
        </button>
      </form>
      <h2>{t('scenario.mine')}</h2>
      {scenarios.length === 0 ? (
        <p>{t('scenario.none')}</p>
      ) : (
        <form method="get" action="/scenarios/compare">
          <table className="ree-table">
            <caption>{t('scenario.mine')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scenario.compare')}</th>
                <th scope="col">{t('scenario.name')}</th>
                <th scope="col">{t('scenario.updated')}</th>
                <th scope="col">{t('figure.version')}</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="id"
                      value={s.id}
                      aria-label={`${t('scenario.compare')}: ${s.name}`}
                    />
                  </td>
                  <td>
                    <PortalLink href={`/scenarios/${s.id}`}>{s.name}</PortalLink>
                    {s.shared ? ' 🔗' : ''}
                  </td>
                  <td>{date.format(s.updatedAt)}</td>
                  <td translate="no">{s.datasetVersion.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="ree-button ree-button--secondary">
            {t('scenario.compare')}
          </button>
        </form>
      )}
    </main>
  );
}

export default streamedPage(ScenariosPage);
