// better-auth configured for this portal: email + password, database sessions, shared rate limits, strong hashing.
import { APIError, betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import { auditAdminSignIn } from '../queries/audit.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password-policy.ts';

/** Header our HTTP server sets from the socket (or the trusted proxy); any client-sent value is replaced. */
export const CLIENT_IP_HEADER = 'x-ree-client-ip';

export interface AuthConfig {
  db: Db;
  /** The browser-facing origin (the web app), e.g. http://localhost:3000. */
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
  /** Called for every sign-in attempt (for logging); admin sign-ins are audited by the auth module itself. */
  onSignIn?: (event: { email: string; ok: boolean; ip: string | null }) => void;
}

export function createAuth({ db, baseURL, secret, trustedOrigins, onSignIn }: AuthConfig) {
  const secure = new URL(baseURL).protocol === 'https:';
  return betterAuth({
    baseURL,
    basePath: '/api/auth',
    secret,
    trustedOrigins,
    telemetry: { enabled: false },
    database: prismaAdapter(db, { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: ['user', 'admin'], required: false, defaultValue: 'user', input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
        mustChangePassword: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7, // absolute lifetime of a session: 7 days
      updateAge: 60 * 60 * 24, // refreshed at most daily while in use
    },
    // On everywhere (better-auth turns it off outside production by default), stored in the database so every
    // API instance sees the same counts.
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 5 },
        '/sign-up/email': { window: 60, max: 5 },
        '/change-password': { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account cannot start a session, whatever its password.
          before: async (session) => {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { disabled: true },
            });
            if (!user || user.disabled)
              throw new APIError('FORBIDDEN', { message: 'This account is disabled.' });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (
          ctx.path === '/sign-up/email' ||
          ctx.path === '/change-password' ||
          ctx.path === '/reset-password'
        ) {
          const body = (ctx.body ?? {}) as { password?: unknown; newPassword?: unknown };
          const candidate = ctx.path === '/sign-up/email' ? body.password : body.newPassword;
          if (typeof candidate === 'string') {
            const problem = passwordProblem(candidate);
            if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'WEAK_PASSWORD' });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/change-password') {
          // A password reset an admin forced is done once the user has chosen a new password.
          const userId = ctx.context.session?.user.id;
          if (userId && !(ctx.context.returned instanceof Error)) {
            await db.user.update({ where: { id: userId }, data: { mustChangePassword: false } });
          }
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '');
        const event = {
          email,
          ok: !(ctx.context.returned instanceof Error),
          ip: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null,
        };
        onSignIn?.(event);
        // Admin sign-ins are audited here, so no way of building the server can leave them out. A failed audit
        // write is logged by the caller's hook; it does not turn a valid sign-in into an error.
        await auditAdminSignIn(db, event).catch(() => undefined);
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
