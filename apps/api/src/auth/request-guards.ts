// Checks every better-auth request passes before its endpoint runs. better-auth's own routes (/update-user,
// /change-email, /delete-user …) bypass tRPC's procedure levels, so the rules those levels enforce are repeated here.
import { APIError } from 'better-auth';
import { getSessionFromCtx } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import { TEXT_PROBLEM_CODE, textProblemAt, textProblemMessage } from '../text-hygiene.ts';
import { verifyPassword } from './password-hash.ts';
import { passwordProblem } from './password-policy.ts';
import { reserveSignIn } from './sign-in-throttle.ts';

/** The part of better-auth's middleware context these checks read. */
type AuthMiddlewareContext = Parameters<typeof getSessionFromCtx>[0] & {
  path: string;
  body?: unknown;
  query?: unknown;
};

/** A string field of a JSON body, or undefined. */
export function bodyField(ctx: { body?: unknown }, field: string): string | undefined {
  const body = ctx.body;
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A NUL byte or a lone surrogate anywhere in the body or query is a 400 here, not a database error later (finding
 * 10 of issue #12) — nor a password that hashes like another: scrypt reads a lone surrogate as U+FFFD.
 */
export function refuseBadText(ctx: AuthMiddlewareContext): void {
  const at = textProblemAt(ctx.body) ?? textProblemAt(ctx.query);
  if (at) {
    throw new APIError('BAD_REQUEST', {
      message: textProblemMessage(at),
      code: TEXT_PROBLEM_CODE[at.problem],
    });
  }
}

/** Length, common passwords, and — when changing — a password different from the current one. */
export async function checkNewPassword(db: Db, ctx: AuthMiddlewareContext): Promise<void> {
  const candidate = bodyField(ctx, ctx.path === '/sign-up/email' ? 'password' : 'newPassword');
  if (candidate === undefined) return;
  const problem = passwordProblem(candidate);
  if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'WEAK_PASSWORD' });
  const current = bodyField(ctx, 'currentPassword');
  if (current === undefined || ctx.path !== '/change-password') return;
  const session = await getSessionFromCtx(ctx);
  if (session && (await isUnchangedPassword(db, session.user.id, current, candidate))) {
    throw new APIError('BAD_REQUEST', {
      message: 'The new password must be different from the current one.',
      code: 'PASSWORD_UNCHANGED',
    });
  }
}

/**
 * Whether `candidate` is the account's password as its stored hash sees it (not as a string: the hash normalises
 * to NFKC, and a password stored before lone surrogates were refused matches its U+FFFD spelling too). Asked only
 * once `current` proves to be the password: otherwise "unchanged" would confirm a guess without knowing it, and a
 * wrong current password is better-auth's to refuse. The timing then tells only what that refusal tells.
 */
export async function isUnchangedPassword(
  db: Db,
  userId: string,
  current: string,
  candidate: string,
): Promise<boolean> {
  const account = await db.account.findFirst({
    where: { userId, providerId: 'credential' },
    select: { password: true },
  });
  const hash = account?.password;
  if (!hash || !(await verifyPassword({ hash, password: current }))) return false;
  return verifyPassword({ hash, password: candidate });
}

/**
 * Reserves this sign-in try against the account's throttle (counted now, before the password is checked), and
 * gives the refusal when the account is locked, or null when it may try. Returned rather than thrown so the caller
 * can log and audit the refused attempt first.
 */
export async function signInThrottleRefusal(db: Db, ctx: AuthMiddlewareContext): Promise<APIError | null> {
  const email = bodyField(ctx, 'email');
  if (!email) return null;
  const wait = await reserveSignIn(db, email);
  if (wait <= 0) return null;
  const seconds = Math.ceil(wait / 1000);
  return new APIError(
    'TOO_MANY_REQUESTS',
    {
      message: `Too many failed sign-ins for this account. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      code: 'ACCOUNT_THROTTLED',
    },
    { 'Retry-After': String(seconds) },
  );
}

/** What a blocked session may still do: learn its state, end itself, or choose the new password. */
const OPEN_WHILE_BLOCKED = new Set(['/get-session', '/sign-out', '/change-password']);
/** These act on the credentials in the body, never on the session in the cookie. */
const SESSIONLESS = new Set(['/sign-in/email', '/sign-up/email', '/ok', '/error']);

/**
 * While an administrator's forced password reset is pending, or the account is disabled, every other better-auth
 * route (update-user, change-email, delete-user, list-sessions …) is refused (finding 5 of issue #12).
 */
export async function refuseBlockedSession(ctx: AuthMiddlewareContext): Promise<void> {
  if (OPEN_WHILE_BLOCKED.has(ctx.path) || SESSIONLESS.has(ctx.path)) return;
  const session = await getSessionFromCtx(ctx);
  if (!session) return; // the route's own check answers 401 where a session is needed
  const user = session.user as { disabled?: unknown; mustChangePassword?: unknown };
  if (user.disabled === true)
    throw new APIError('FORBIDDEN', { message: 'This account is disabled.', code: 'ACCOUNT_DISABLED' });
  if (user.mustChangePassword === true) {
    throw new APIError('FORBIDDEN', {
      message: 'An administrator asked you to choose a new password before going on.',
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
  }
}
