import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/api-server';
import { requestPathFrom } from '@/lib/request-path';

/**
 * The role check for every admin page, made here because nothing above this layout is a Suspense boundary: the
 * response has not started, so forbidden() becomes a real 403 and the sign-in redirect a real 307. Each page
 * checks again, since a layout is not rendered anew when the browser moves between the pages below it.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin(requestPathFrom(await headers(), '/admin'));
  return children;
}
