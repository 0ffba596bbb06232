import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { VersionBar } from '@/components/version-bar';
import { getT } from '@/i18n/server';
import { requireUser } from '@/lib/api-server';
import { versionView } from '@/lib/as-of-server';
import { requestUrlFrom } from '@/lib/request-path';

/**
 * The sign-in check for every data page, made here because nothing above this layout is a Suspense boundary: the
 * response has not started, so a visitor gets a real 307 to sign-in (and back to the very page, query included)
 * instead of a 200 page that redirects itself in the browser. Each page checks again, since a layout is not
 * rendered anew when the browser moves between the pages below it. The pages stream behind their own Suspense
 * boundaries (components/page-loading.tsx), each below the point where an unknown entity is a real 404.
 *
 * For the same reason the `asOf` of the URL is checked here: one that names no published version is a real 404
 * (app/not-found.tsx says why), never a page quietly showing the current version instead.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  await requireUser(requestUrlFrom(await headers(), '/dashboard'));
  const [view, { t }] = await Promise.all([versionView(), getT()]);
  if (view.problem !== null) notFound();
  return (
    <>
      <VersionBar view={view} t={t} />
      {children}
    </>
  );
}
