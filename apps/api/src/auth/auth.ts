// better-auth configured for this portal: email + password, database sessions, shared rate limits, strong hashing.
import { APIError, betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import { auditAdminSignIn } from '../queries/audit.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-policy.ts';
import {
  bodyField,
  checkNewPassword,
  refuseBadText,
  refuseBlockedSession,
  signInThrottleRefusal,
} from './request-guards.ts';
import { clearFailedSignIns } from './sign-in-throttle.ts';

/** Header our HTTP server sets from the socket (or the trusted proxy); any client-sent value is replaced. */
export const CLIENT_IP_HEADER = 'x-ree-client-ip';

/** Routes that set a password: checked against the policy (and, when changing, against the current one). */
const NEW_PASSWORD_PATHS = new Set(['/sign-up/email', '/change-password', '/reset-password']);

/** One sign-in attempt, as logged and (for admin accounts) audited; never the password. */
export interface SignInEvent {
  /** As typed in the form. */
  email: string;
  ok: boolean;
  /** Refused unheard because the account is locked after failed sign-ins (then ok is false). */
  throttled: boolean;
  ip: string | null;
}

export interface AuthConfig {
  db: Db;
  /** The browser-facing origin (the web app), e.g. http://localhost:3000. */
  baseURL: string;
  secret: string;
  trustedOrigins: string[];
  /**
   * Called for every sign-in attempt, throttled ones included (for logging); admin sign-ins are audited by the
   * auth module itself.
   */
  onSignIn?: (event: SignInEvent) => void;
}

export function createAuth({ db, baseURL, secret, trustedOrigins, onSignIn }: AuthConfig) {
  const secure = new URL(baseURL).protocol === 'https:';
  /** Logs the attempt, and audits it for an admin account, so no way of building the server can leave it out. */
  async function reportSignIn(
    ctx: { body?: unknown; request?: Request },
    outcome: Pick<SignInEvent, 'ok' | 'throttled'>,
  ): Promise<void> {
    const email = bodyField(ctx, 'email') ?? '';
    const event = { email, ...outcome, ip: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null };
    onSignIn?.(event);
    // A failed audit write does not turn a valid sign-in into an error, nor a refusal into another answer.
    await auditAdminSignIn(db, event).catch(() => undefined);
  }
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
      // Sign-up never starts a session: with that, better-auth answers a sign-up for a registered e-mail exactly
      // like a new one (a synthetic user, the password still hashed for equal timing), so the form does not tell
      // who has an account. The portal signs in right after.
      autoSignIn: false,
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
        refuseBadText(ctx);
        if (ctx.path === '/sign-in/email') {
          // Counts the try before its password is checked. Thrown here, the refusal never reaches the after hook: it
          // is reported on its way out.
          const refusal = await signInThrottleRefusal(db, ctx);
          if (refusal) {
            await reportSignIn(ctx, { ok: false, throttled: true });
            throw refusal;
          }
        }
        if (NEW_PASSWORD_PATHS.has(ctx.path)) await checkNewPassword(db, ctx);
        await refuseBlockedSession(ctx);
      }),
      after: createAuthMiddleware(async (ctx) => {
        const failed = ctx.context.returned instanceof Error;
        if (ctx.path === '/change-password') {
          // A password reset an admin forced is done once the user has chosen a new password.
          const userId = ctx.context.session?.user.id;
          if (userId && !failed) {
            await db.user.update({ where: { id: userId }, data: { mustChangePassword: false } });
          }
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        // The try was counted when the before hook let it through; a success gives the account its free tries back.
        if (!failed) await clearFailedSignIns(db, bodyField(ctx, 'email') ?? '');
        await reportSignIn(ctx, { ok: !failed, throttled: false });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
