import { expect, it } from 'vitest';
import { forwardedFor, trustedProxiesFrom } from './forwarded-for';

it('a browser cannot choose the address the API sees (ASVS 6.3.1: rate limits keyed on it)', () => {
  expect(forwardedFor('203.0.113.9', '198.51.100.7', [])).toBe('203.0.113.9');
  expect(forwardedFor('203.0.113.9', ['198.51.100.7', '10.0.0.1'], [])).toBe('203.0.113.9');
  expect(forwardedFor('203.0.113.9', undefined, [])).toBe('203.0.113.9');
});

it('behind a trusted reverse proxy, its chain is kept (its last entry is the browser it saw)', () => {
  const trusted = trustedProxiesFrom(' 10.0.0.2 , ::ffff:10.0.0.3,');
  expect(trusted).toEqual(['10.0.0.2', '::ffff:10.0.0.3']);
  expect(forwardedFor('10.0.0.2', '198.51.100.7, 203.0.113.9', trusted)).toBe('198.51.100.7, 203.0.113.9');
  expect(forwardedFor('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
  expect(forwardedFor('10.0.0.9', '198.51.100.7', trusted)).toBe('10.0.0.9');
});
