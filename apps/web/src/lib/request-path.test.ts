import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../proxy';
import { REQUEST_PATH_HEADER, requestPathFrom } from './request-path';

// NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way.
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe('the request path admin/layout.tsx sends a visitor back to', () => {
  it('is the page asked for, set by the proxy over any value the client sent', () => {
    const request = new NextRequest('http://localhost:3000/admin/users?search=a', {
      headers: { [REQUEST_PATH_HEADER]: '//evil.test/phish' },
    });
    expect(forwarded(proxy(request), REQUEST_PATH_HEADER)).toBe('/admin/users');
  });

  it('falls back when the header is missing or not a path', () => {
    expect(requestPathFrom(new Headers({ [REQUEST_PATH_HEADER]: '/admin/audit' }), '/admin')).toBe(
      '/admin/audit',
    );
    expect(requestPathFrom(new Headers(), '/admin')).toBe('/admin');
    expect(requestPathFrom(new Headers({ [REQUEST_PATH_HEADER]: 'evil.test' }), '/admin')).toBe('/admin');
  });
});
