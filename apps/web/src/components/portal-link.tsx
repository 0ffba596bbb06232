import type { ReactNode } from 'react';
import { withAsOf } from '@/lib/as-of';
import { linkedAsOf } from '@/lib/as-of-server';

/**
 * A link to another portal page that keeps the dataset version being viewed (`?asOf=`), so an analyst browsing an
 * older version stays in it. A server component: it reads the version from the request, so tables and figures
 * deep in a page need no extra prop.
 */
export async function PortalLink({ href, children }: { href: string; children: ReactNode }) {
  return <a href={withAsOf(href, await linkedAsOf())}>{children}</a>;
}
