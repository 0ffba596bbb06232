'use client';
// tRPC from the browser, on this origin (the web server forwards /trpc to the API with the session cookie).
import type { AppRouter } from '@ree/api/router';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

export const browserApi = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', transformer: superjson, maxItems: 10 })],
});
