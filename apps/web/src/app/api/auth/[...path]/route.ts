// Sign-in, sign-up, sign-out and password changes, streamed to the API's better-auth so session cookies stay
// first-party (see lib/forward-to-api.ts: a time-out and a clear 503/504 when the API cannot answer).
import { apiRoute } from '@/lib/forward-to-api';

const forward = apiRoute('/api/auth');

export { forward as GET, forward as POST };
export const dynamic = 'force-dynamic';
