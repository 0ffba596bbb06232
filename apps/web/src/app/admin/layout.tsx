import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AdminFeedbackProvider } from '@/components/admin/admin-providers';
import { requireAdmin } from '@/lib/api-server';
import { requestUrlFrom } from '@/lib/request-path';

/**
 * The role check for every admin page, made here because nothing above this layout is a Suspense boundary: the
 * response has not started, so forbidden() becomes a real 403 and the sign-in redirect a real 307. Each page
 * checks again, since a layout is not rendered anew when the browser moves between the pages below it. No admin
 * page has a loading.tsx either: notFound() in one (an unknown version, a damaged diff link) must answer 404, and
 * a Suspense boundary would have sent 200 before the page could say so. The providers give every admin page
 * TanStack Query and the shared status line (components/admin/feedback.tsx).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin(requestUrlFrom(await headers(), '/admin'));
  return <AdminFeedbackProvider>{children}</AdminFeedbackProvider>;
}
