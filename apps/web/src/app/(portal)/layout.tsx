import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/api-server';
import { requestUrlFrom } from '@/lib/request-path';

/**
 * The sign-in check for every data page, made here because nothing above this layout is a Suspense boundary: the
 * response has not started, so a visitor gets a real 307 to sign-in (and back to the very page, query included)
 * instead of a 200 page that redirects itself in the browser. Each page checks again, since a layout is not
 * rendered anew when the browser moves between the pages below it. The pages stream behind their own Suspense
 * boundaries (components/page-loading.tsx), each below the point where an unknown entity is a real 404.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  await requireUser(requestUrlFrom(await headers(), '/dashboard'));
  return children;
}
