// Who calls the REST API. The one place it is decided, so the integrator can swap in the cookie-or-bearer-token
// lookup (auth/request-user.ts) without touching a route.
import type { IncomingMessage } from 'node:http';
import type { Auth } from '../../auth/auth.ts';
import type { SessionUser } from '../../trpc/context.ts';
import { sessionUser } from '../server.ts';

export function restUser(auth: Auth, req: IncomingMessage): Promise<SessionUser | null> {
  return sessionUser(auth, req);
}
