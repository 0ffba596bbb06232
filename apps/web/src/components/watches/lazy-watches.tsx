'use client';
// The watches panel, with TanStack Query and the tRPC client, loads after the page: first-load JavaScript stays
// within the route budget (tests/e2e/route-size.spec.ts), as the scenario editor does.
import dynamic from 'next/dynamic';

export const LazyWatches = dynamic(() => import('./watches-app'), {
  ssr: false,
  loading: () => <p role="status">…</p>,
});
