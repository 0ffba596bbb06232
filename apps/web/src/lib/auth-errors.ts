// The refusals of /api/auth the portal explains in the user's language, by the stable `code` the API gives each
// (better-auth's APIError code; apps/api/src/auth/request-guards.ts and rate-limit-answer.ts). Server pages read
// the templates with `authErrorLabels(t)`; the client form fills them with `authErrorText`.
import type { Translate } from '@/i18n/translate';

/** Each has an `authError.<code>` message in en.ts and ja.ts (a missing one fails typecheck). */
export const AUTH_ERROR_CODES = [
  'ACCOUNT_THROTTLED',
  'RATE_LIMITED',
  'INVALID_EMAIL_OR_PASSWORD',
  'INVALID_PASSWORD',
  'PASSWORD_UNCHANGED',
  'WEAK_PASSWORD',
  'PASSWORD_CHANGE_REQUIRED',
  'ACCOUNT_DISABLED',
  'NUL_BYTE',
  'BROKEN_CHARACTER',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** A refused auth request, as the browser saw it. */
export interface AuthError {
  status: number;
  code: string | null;
  message: string | null;
  /** From the Retry-After header, when the answer had one. */
  retryAfterSeconds: number | null;
}

export interface AuthErrorLabels {
  /** Templates by code; `{minutes}` is filled from Retry-After. */
  messages: Record<AuthErrorCode, string>;
  /** A 429 with no code (e.g. the API shedding load). */
  tooMany: string;
  /** No code and no message. */
  failed: string;
}

const isAuthErrorCode = (code: string | null): code is AuthErrorCode =>
  code !== null && (AUTH_ERROR_CODES as readonly string[]).includes(code);

export function authErrorLabels(t: Translate): AuthErrorLabels {
  const messages = {} as Record<AuthErrorCode, string>;
  for (const code of AUTH_ERROR_CODES) messages[code] = t(`authError.${code}`);
  return { messages, tooMany: t('auth.tooMany'), failed: t('auth.failed') };
}

/** What the form shows for a refusal: the message for its code, else a generic one (or the API's own words). */
export function authErrorText(error: AuthError, labels: AuthErrorLabels): string {
  if (isAuthErrorCode(error.code)) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 0) / 60));
    return labels.messages[error.code].replaceAll('{minutes}', String(minutes));
  }
  if (error.status === 429) return labels.tooMany;
  return error.message ?? labels.failed;
}
