// The secret that lets the web server's X-Forwarded-For be believed (issue #12, finding 6).
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    writeFileSync(file, `${'s'.repeat(43)}\n`);
    chmodSync(file, 0o644);
    expect(loadProxySecret(undefined, dir)).toBe('s'.repeat(43));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that holds no usable secret', () => {
    const dir = freshDir();
    loadProxySecret(undefined, dir);
    writeFileSync(path.join(dir, PROXY_SECRET_FILE), 'short\n');
    expect(() => loadProxySecret(undefined, dir)).toThrow(/no usable proxy secret/);
  });
});
