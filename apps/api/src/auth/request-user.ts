// Who sent a request: a browser with its session cookie, or a script with a personal API token
// (`Authorization: Bearer ree_…`). Used by tRPC's context and by the REST API. A token that is refused is an
// ApiTokenError (401 or 429) with the reason, never a silent "signed out".
import type { IncomingMessage } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import type { Db } from '../db/client.ts';
import { ApiTokenError } from '../errors.ts';
import type { SessionUser } from '../trpc/context.ts';
import { hashTokenSecret, readBearer } from './api-token-secret.ts';
import type { Auth } from './auth.ts';
import { countTokenRequest, DEFAULT_TOKEN_RATE_LIMIT } from './token-rate-limit.ts';

export interface RequestUserOptions {
  /** Requests per token per minute (API_TOKEN_RATE_LIMIT); default DEFAULT_TOKEN_RATE_LIMIT. */
  tokenRateLimit?: number;
}

/** The signed-in user of a request's session cookie, or null. Disabled accounts count as signed out. */
export async function sessionUser(auth: Auth, req: IncomingMessage): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  if (!session || session.user.disabled) return null;
  const { id, email, name, role, mustChangePassword } = session.user;
  return {
    id,
    email,
    name,
    role: role === 'admin' ? 'admin' : 'user',
    mustChangePassword: mustChangePassword === true,
    via: 'session',
  };
}

/**
 * The user a request acts as: by its API token when it sends one (the token alone decides, whatever cookie comes
 * with it), else by its session cookie; null when it has neither. Throws ApiTokenError for a token refused.
 */
export async function requestUser(
  auth: Auth,
  db: Db,
  req: IncomingMessage,
  options: RequestUserOptions = {},
): Promise<SessionUser | null> {
  const bearer = readBearer(req.headers.authorization);
  if (bearer.kind === 'none') return sessionUser(auth, req);
  if (bearer.kind === 'malformed') {
    throw new ApiTokenError('The Authorization header is not a REE API token (Bearer ree_…).', 401);
  }
  return tokenUser(db, bearer.secret, options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT);
}

async function tokenUser(db: Db, secret: string, limit: number): Promise<SessionUser> {
  const token = await db.apiToken.findUnique({
    where: { secretHash: hashTokenSecret(secret) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      user: {
        select: { id: true, email: true, name: true, role: true, disabled: true, mustChangePassword: true },
      },
    },
  });
  if (!token) throw new ApiTokenError('This API token is not known.', 401);
  if (token.revokedAt) throw new ApiTokenError('This API token has been revoked.', 401);
  if (token.expiresAt && token.expiresAt <= new Date())
    throw new ApiTokenError('This API token has expired.', 401);
  if (token.user.disabled) throw new ApiTokenError('The account this API token belongs to is disabled.', 401);

  const rate = await countTokenRequest(db, token.id);
  if (rate.count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil(rate.resetInMs / 1000));
    throw new ApiTokenError(
      `This API token has made more than ${limit} requests this minute. Try again in ${retryAfterSeconds} s.`,
      429,
      retryAfterSeconds,
    );
  }
  // Last use is written when a rate window opens: at most once a minute per token, not on every request.
  if (rate.opened) await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });

  const { id, email, name, role, mustChangePassword } = token.user;
  return { id, email, name, role, mustChangePassword, via: 'token', tokenId: token.id };
}
