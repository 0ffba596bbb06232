import { getT } from '@/i18n/server';
import { withAsOf } from '@/lib/as-of';
import { linkedAsOf } from '@/lib/as-of-server';
import { getTheme } from '@/lib/theme-server';
import { LocaleSwitch } from './locale-switch';
import { HeaderSearch } from './search/header-search';
import { SignOutButton } from './sign-out-button';
import { ThemeSwitch } from './theme-switch';
import { AlertsLink } from './watches/alerts-link';

const LINKS = [
  ['/dashboard', 'nav.dashboard'],
  ['/elements', 'nav.elements'],
  ['/countries', 'nav.countries'],
  ['/scenarios', 'nav.scenarios'],
  ['/companies', 'nav.companies'],
  ['/facilities', 'nav.facilities'],
  ['/timeline', 'nav.timeline'],
  ['/claims', 'nav.claims'],
  ['/method', 'nav.method'],
  ['/developers', 'nav.developers'],
  ['/downloads', 'nav.downloads'],
] as const;

/**
 * The portal's header: navigation, language, colour theme and sign-out (when signed in). Its links keep the
 * dataset version being viewed (`?asOf=`), so moving between pages stays in that version.
 */
export async function SiteHeader({ signedIn, admin = false }: { signedIn: boolean; admin?: boolean }) {
  const [{ t, locale }, theme, asOf] = await Promise.all([getT(), getTheme(), linkedAsOf()]);
  return (
    <header className="site-header">
      <a className="site-header__brand" href={withAsOf('/dashboard', asOf)}>
        {t('app.name')}
      </a>
      {signedIn ? (
        <nav aria-label={t('nav.main')} className="site-nav">
          {LINKS.map(([href, key]) => (
            <a key={href} href={withAsOf(href, asOf)}>
              {t(key)}
            </a>
          ))}
          {admin ? <a href="/admin">{t('nav.admin')}</a> : null}
        </nav>
      ) : null}
      <div className="site-header__tools">
        {signedIn ? <HeaderSearch t={t} locale={locale} /> : null}
        <LocaleSwitch locale={locale} label={t('nav.language')} />
        <ThemeSwitch
          theme={theme}
          labels={{
            legend: t('theme.label'),
            light: t('theme.light'),
            dark: t('theme.dark'),
            system: t('theme.system'),
          }}
        />
        {signedIn ? <AlertsLink t={t} /> : null}
        {signedIn ? <a href="/account/tokens">{t('nav.tokens')}</a> : null}
        {signedIn ? <SignOutButton label={t('auth.signOut')} /> : null}
      </div>
    </header>
  );
}
