import { describe, expect, it } from 'vitest';
import { en } from '@/i18n/en';
import { ja } from '@/i18n/ja';
import { LOCALES, translator } from '@/i18n/translate';
import { AUTH_ERROR_CODES, authErrorLabels, authErrorText } from './auth-errors';

const refusal = (code: string | null, status = 400, retryAfterSeconds: number | null = null) => ({
  status,
  code,
  message: 'The API’s own English message',
  retryAfterSeconds,
});

describe('auth refusals in the user’s language', () => {
  it('every code the API sends has its own message in each language, never the API’s English', () => {
    for (const locale of LOCALES) {
      const labels = authErrorLabels(translator(locale));
      const shown = AUTH_ERROR_CODES.map((code) => authErrorText(refusal(code), labels));
      for (const [i, text] of shown.entries()) {
        expect(text, `${locale} ${AUTH_ERROR_CODES[i]}`).not.toMatch(/API’s own|\{\w+\}|authError\./);
      }
      expect(new Set(shown).size, locale).toBe(AUTH_ERROR_CODES.length);
    }
    expect(
      Object.keys(en)
        .filter((key) => key.startsWith('authError.'))
        .sort(),
    ).toEqual(AUTH_ERROR_CODES.map((code) => `authError.${code}`).sort());
    for (const code of AUTH_ERROR_CODES) expect(ja[`authError.${code}`]).not.toBe(en[`authError.${code}`]);
  });

  it('the four new hardening answers read naturally in English and Japanese', () => {
    const [enLabels, jaLabels] = [authErrorLabels(translator('en')), authErrorLabels(translator('ja'))];
    const unchanged = refusal('PASSWORD_UNCHANGED');
    expect(authErrorText(unchanged, enLabels)).toBe(
      'The new password must be different from the current one.',
    );
    expect(authErrorText(unchanged, jaLabels)).toBe(
      '新しいパスワードには、現在とは異なるものを設定してください。',
    );
    const limited = refusal('RATE_LIMITED', 429, 42);
    expect(authErrorText(limited, enLabels)).toMatch(/^Too many attempts from your network address/);
    expect(authErrorText(limited, jaLabels)).toMatch(/^このネットワークアドレスからの試行回数が多すぎます/);
    const forced = refusal('PASSWORD_CHANGE_REQUIRED', 403);
    expect(authErrorText(forced, jaLabels)).toMatch(/新しいパスワードを設定してください/);
    const broken = refusal('BROKEN_CHARACTER');
    expect(authErrorText(broken, enLabels)).toMatch(/^The form contains a broken character/);
    expect(authErrorText(broken, jaLabels)).toMatch(/^壊れた文字/);
  });

  it('the account-lock wait shows the minutes from Retry-After, rounded up', () => {
    const en = authErrorLabels(translator('en'));
    const ja = authErrorLabels(translator('ja'));
    expect(authErrorText(refusal('ACCOUNT_THROTTLED', 429, 61), en)).toMatch(/Wait 2 min, then try again\.$/);
    expect(authErrorText(refusal('ACCOUNT_THROTTLED', 429, 1800), ja)).toMatch(/30分ほど待ってから/);
    expect(authErrorText(refusal('ACCOUNT_THROTTLED', 429, 5), en)).toMatch(/Wait 1 min,/);
    expect(authErrorText(refusal('ACCOUNT_THROTTLED', 429, null), en)).toMatch(/Wait 1 min,/);
  });

  it('an answer without a known code: a 429 gets the generic wait, others the API’s message or a generic one', () => {
    const labels = authErrorLabels(translator('ja'));
    expect(authErrorText(refusal(null, 429), labels)).toBe(translator('ja')('auth.tooMany'));
    expect(authErrorText(refusal('SOMETHING_NEW'), labels)).toBe('The API’s own English message');
    expect(authErrorText({ status: 500, code: null, message: null, retryAfterSeconds: null }, labels)).toBe(
      translator('ja')('auth.failed'),
    );
  });
});
