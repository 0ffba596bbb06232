// The secret that lets the web server's X-Forwarded-For be believed (issue #12, finding 6): made at random when
// not configured, and when configured, refused in production unless it is strong (the check BETTER_AUTH_SECRET has).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env.ts';
import { loadProxySecret, PROXY_SECRET_FILE } from '../src/http/proxy-secret.ts';

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'ree-proxy-')), 'data');

describe('loadProxySecret', () => {
  it('makes a random secret once, readable only by its owner, and keeps it across starts', () => {
    const dir = freshDir();
    const first = loadProxySecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, PROXY_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadProxySecret(undefined, dir)).toBe(first);
    expect(loadProxySecret(undefined, freshDir())).not.toBe(first);
  });

  it('prefers PROXY_SECRET, and tightens a file left readable by others', () => {
    const dir = freshDir();
    expect(loadProxySecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
    loadProxySecret(undefined, dir);
    const file = path.join(dir, PROXY_SECRET_FILE);
    const copied = randomBytes(32).toString('base64url');
    writeFileSync(file, `${copied}\n`);
    chmodSync(file, 0o644);
    expect(loadProxySecret(undefined, dir)).toBe(copied);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that holds no usable secret', () => {
    const dir = freshDir();
    loadProxySecret(undefined, dir);
    writeFileSync(path.join(dir, PROXY_SECRET_FILE), 'short\n');
    expect(() => loadProxySecret(undefined, dir)).toThrow(/no usable proxy secret/);
    writeFileSync(path.join(dir, PROXY_SECRET_FILE), `${'s'.repeat(43)}\n`);
    expect(() => loadProxySecret(undefined, dir)).toThrow(/no usable proxy secret \(it is too regular/);
  });
});

describe('PROXY_SECRET is held to the same strength as the session secret', () => {
  const start = (NODE_ENV: string, PROXY_SECRET: string) =>
    loadEnv({ NODE_ENV, REE_DATA_DIR: freshDir(), PROXY_SECRET, LOG_LEVEL: 'silent' });

  it('a weak one is refused in production, naming the variable and how to make one', () => {
    for (const weak of [
      'x'.repeat(40),
      'qwertyuiopasdfghjklzxcvbnm123456',
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'my-proxy-secret-for-the-web-server',
    ]) {
      expect(() => start('production', weak)).toThrow(
        /^PROXY_SECRET is refused in production: .*Generate one with 'openssl rand -base64 48'\. Give the web server the same value\.$/,
      );
    }
  });

  it('a generated one is taken in production; outside production a weak one is too', () => {
    const strong = randomBytes(48).toString('base64');
    expect(start('production', strong).PROXY_SECRET).toBe(strong);
    expect(start('development', 'x'.repeat(40)).PROXY_SECRET).toBe('x'.repeat(40));
  });
});
