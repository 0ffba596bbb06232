import { describe, expect, it } from 'vitest';
import { curlExample, fill } from './token-text';

describe('token page text', () => {
  it('fills the placeholders it knows and leaves the others visible', () => {
    expect(fill('Token “{name}” revoked {when}', { name: 'CI' })).toBe('Token “CI” revoked {when}');
  });

  it('shows a curl line against the portal origin with the bearer token', () => {
    const secret = `ree_${'a'.repeat(43)}`;
    expect(curlExample('http://localhost:3000', secret)).toBe(
      `curl -H 'Authorization: Bearer ${secret}' 'http://localhost:3000/api/v1/'`,
    );
    expect(curlExample('https://ree.example.org/', secret, '/api/v1/shares?material=Dy')).toBe(
      `curl -H 'Authorization: Bearer ${secret}' 'https://ree.example.org/api/v1/shares?material=Dy'`,
    );
  });
});
