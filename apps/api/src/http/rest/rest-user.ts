// Who calls the REST API: a personal API token (`Authorization: Bearer ree_…`) or the portal's session cookie,
// decided by the same `requestUser` as tRPC, so revocation, expiry, disabled accounts and the per-token rate limit
// hold here too. A refused token is an answer of its own (401, or 429 with Retry-After), not "signed out".
import type { IncomingMessage } from 'node:http';
import type { Auth } from '../../auth/auth.ts';
import { requestUser } from '../../auth/request-user.ts';
import type { Db } from '../../db/client.ts';
import { ApiTokenError } from '../../errors.ts';
import type { SessionUser } from '../../trpc/context.ts';

export type RestCaller =
  | { ok: true; user: SessionUser | null }
  | { ok: false; status: number; message: string; retryAfterSeconds: number | null };

export async function restUser(
  deps: { auth: Auth; db: Db; tokenRateLimit?: number },
  req: IncomingMessage,
): Promise<RestCaller> {
  try {
    const options = deps.tokenRateLimit ? { tokenRateLimit: deps.tokenRateLimit } : {};
    return { ok: true, user: await requestUser(deps.auth, deps.db, req, options) };
  } catch (error) {
    if (!(error instanceof ApiTokenError)) throw error;
    return {
      ok: false,
      status: error.status,
      message: error.message,
      retryAfterSeconds: error.retryAfterSeconds ?? null,
    };
  }
}
