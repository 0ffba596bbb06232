// ASVS 6.2.1, 6.2.4, 6.2.9 and 11.4.2: password length, common passwords, and the hash parameters.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/auth/password-hash.ts';
import { passwordProblem } from '../src/auth/password-policy.ts';

describe('password policy', () => {
  it('accepts 8 to 128 characters, refuses 7 and 129', () => {
    expect(passwordProblem('a'.repeat(7))).toMatch(/at least 8/);
    expect(passwordProblem('kd8#Lq2!')).toBeNull();
    expect(passwordProblem('x'.repeat(128))).toBeNull();
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('Password123')).toMatch(/too common/);
    expect(passwordProblem('12345678')).toMatch(/too common/);
  });
});

describe('password hashing', () => {
  it('uses scrypt at OWASP minimum (N=2^17, r=8, p=1) with a random salt, and verifies', async () => {
    const hash = await hashPassword('a long passphrase');
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await hashPassword('a long passphrase')).not.toBe(hash);
    expect(await verifyPassword({ hash, password: 'a long passphrase' })).toBe(true);
    expect(await verifyPassword({ hash, password: 'a long passphrasE' })).toBe(false);
    expect(await verifyPassword({ hash: 'garbage', password: 'x' })).toBe(false);
  });
});
