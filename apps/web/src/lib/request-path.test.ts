import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../proxy';
import {
  REQUEST_PATH_HEADER,
  REQUEST_QUERY_HEADER,
  requestPathFrom,
  requestQueryFrom,
  requestUrlFrom,
} from './request-path';

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

describe('the request query admin/diff/not-found.tsx reads, and the layout sends a visitor back with', () => {
  it('is the query asked for, set by the proxy over any value the client sent', () => {
    const request = new NextRequest('http://localhost:3000/admin/diff?from=a&to=b&after=c', {
      headers: { [REQUEST_QUERY_HEADER]: '?from=evil&after=forged' },
    });
    expect(forwarded(proxy(request), REQUEST_QUERY_HEADER)).toBe('?from=a&to=b&after=c');
    // No query asked for: an empty one, still over the client's.
    const bare = new NextRequest('http://localhost:3000/admin', {
      headers: { [REQUEST_QUERY_HEADER]: '?x=1' },
    });
    expect(forwarded(proxy(bare), REQUEST_QUERY_HEADER)).toBe('');
  });

  it('reads as search parameters, and with the path as the page to come back to', () => {
    const headers = new Headers({
      [REQUEST_PATH_HEADER]: '/admin/diff',
      [REQUEST_QUERY_HEADER]: '?from=a&to=b',
    });
    expect(requestQueryFrom(headers).get('to')).toBe('b');
    expect(requestUrlFrom(headers, '/admin')).toBe('/admin/diff?from=a&to=b');
    expect(requestUrlFrom(new Headers({ [REQUEST_PATH_HEADER]: '/admin/users' }), '/admin')).toBe(
      '/admin/users',
    );
    // Without the proxy's path the query alone does not make a page.
    expect(requestUrlFrom(new Headers({ [REQUEST_QUERY_HEADER]: '?from=a' }), '/admin')).toBe('/admin');
    expect([...requestQueryFrom(new Headers()).keys()]).toEqual([]);
  });
});
