'use client';
import type { AppRouter } from '@ree/api/router';
// tRPC through TanStack Query in the browser: one QueryClient per page load, over the same /trpc client as
// browserApi. Components take `useTRPC().x.y.mutationOptions()` / `queryOptions()` and hand them to TanStack's hooks.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { browserApi } from './trpc-browser';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function ApiQueryProvider({ children }: { children: ReactNode }) {
  // A mutation is never retried on its own: the admin decides whether to try again.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={browserApi} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
