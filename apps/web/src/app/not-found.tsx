import { VersionBar } from '@/components/version-bar';
import { getT, titled } from '@/i18n/server';
import { withAsOf } from '@/lib/as-of';
import { type VersionView, versionView } from '@/lib/as-of-server';

export const generateMetadata = titled('title.notFound');

/** The request's version check, or null when it cannot be made (signed out, API down): then the plain message. */
async function versionProblem(): Promise<VersionView | null> {
  try {
    const view = await versionView();
    return view.problem === null ? null : view;
  } catch {
    return null;
  }
}

/**
 * Shown for any address with no page (and for notFound()). Replaces Next's built-in page, whose inline <style>
 * carries no nonce and so breaks the strict CSP (style-src 'self' 'nonce-…'). An `asOf` that names no published
 * version (the portal layout's 404) is said in so many words, with a link to the same page's current version.
 */
export default async function NotFound() {
  const [{ t }, badVersion] = await Promise.all([getT(), versionProblem()]);
  if (badVersion) {
    const query = badVersion.query.toString();
    return (
      <>
        <VersionBar view={badVersion} t={t} />
        <main id="main">
          <h1>{t('asOf.notFound')}</h1>
          <p>{t('asOf.notFoundText', { given: badVersion.problem?.slice(0, 60) ?? '' })}</p>
          <p>
            <a href={withAsOf(`${badVersion.path}${query ? `?${query}` : ''}`, undefined)}>
              {t('asOf.goCurrent')}
            </a>
          </p>
        </main>
      </>
    );
  }
  return (
    <main id="main">
      <h1>{t('common.notFound')}</h1>
      <p>{t('common.notFoundText')}</p>
      <p>
        <a href="/dashboard">{t('nav.dashboard')}</a>
      </p>
    </main>
  );
}
