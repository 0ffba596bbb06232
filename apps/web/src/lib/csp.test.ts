import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('contentSecurityPolicy (issue #12, finding 14; ASVS 3.4.3)', () => {
  it('in production, inline <style> and <script> need the nonce; only style attributes stay inline', () => {
    const policy = directives(contentSecurityPolicy('abc123', false));
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    for (const [name, sources] of policy) {
      if (name !== 'style-src-attr') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('in development, allows what the dev server needs', () => {
    const policy = directives(contentSecurityPolicy('abc123', true));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
