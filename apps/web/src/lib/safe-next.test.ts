import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps local paths, with their query and fragment', () => {
    expect(safeNextPath('/dashboard?x=1')).toBe('/dashboard?x=1');
    expect(safeNextPath('/countries/CN#supply')).toBe('/countries/CN#supply');
    expect(safeNextPath(null)).toBe('/dashboard');
    expect(safeNextPath('')).toBe('/dashboard');
  });

  it('refuses other origins written plainly', () => {
    expect(safeNextPath('//evil.example')).toBe('/dashboard');
    expect(safeNextPath('https://evil.example')).toBe('/dashboard');
    expect(safeNextPath('/\\evil.example')).toBe('/dashboard');
    expect(safeNextPath('\\\\evil.example')).toBe('/dashboard');
    expect(safeNextPath('javascript:alert(1)')).toBe('/dashboard');
    expect(safeNextPath('evil.example/phish')).toBe('/dashboard');
  });

  // Browsers and the URL parser drop tab, LF and CR anywhere in a URL, so "/\t/evil" is "//evil" (ASVS 3.7.2).
  it('refuses other origins hidden behind tab, LF or CRLF (as decoded from ?next=)', () => {
    for (const hidden of ['\t', '\n', '\r\n', '\r']) {
      expect(safeNextPath(`/${hidden}/evil.test/phish`)).toBe('/dashboard');
      expect(safeNextPath(`${hidden}//evil.test/phish`)).toBe('/dashboard');
      expect(safeNextPath(`/${hidden}\\evil.test/phish`)).toBe('/dashboard');
    }
    expect(safeNextPath(decodeURIComponent('%2F%09%2Fevil.test%2Fphish'))).toBe('/dashboard');
    expect(safeNextPath(decodeURIComponent('%2F%0a%2Fevil.test'))).toBe('/dashboard');
    expect(safeNextPath(decodeURIComponent('%2F%0d%0a%2Fevil.test'))).toBe('/dashboard');
  });

  it('refuses paths that become protocol-relative once dot segments are resolved', () => {
    expect(safeNextPath('/.//evil.test/phish')).toBe('/dashboard');
    expect(safeNextPath('/a/..//evil.test')).toBe('/dashboard');
  });

  it('keeps an encoded slash as a path, never a host', () => {
    expect(safeNextPath('/%2F/evil.test')).toBe('/%2F/evil.test');
    expect(safeNextPath('/%2Fevil.test')).toBe('/%2Fevil.test');
  });
});
