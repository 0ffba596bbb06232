// The browser's tRPC calls, streamed to the API (see lib/forward-to-api.ts for why not a rewrite).
import { apiRoute } from '@/lib/forward-to-api';

const forward = apiRoute('/trpc');

export { forward as GET, forward as POST };
export const dynamic = 'force-dynamic';
