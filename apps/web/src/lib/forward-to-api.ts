// Forwards a request to the API over node:http, streaming both ways. Used by the /trpc, /files, /api/auth and
// /api/v1 route handlers: unlike rewrites, it neither buffers request bodies (uploads of 100 MB) nor gives up after a
// fixed 30 s, and when the API is down or silent the browser hears 503/504 with a message, not an empty 500.
import 'server-only';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { serverEnv } from '@/env';
import { PROXY_SECRET_HEADER } from './proxy-secret';
import { ApiTimeoutError, apiFailureFrom, type Unavailable, unavailableAnswer } from './unavailable';

const FORWARDED_REQUEST = [
  'cookie',
  'origin',
  'content-type',
  'content-length',
  'user-agent',
  'x-forwarded-for',
  PROXY_SECRET_HEADER,
  'trpc-accept',
];
const FORWARDED_RESPONSE = [
  'content-type',
  'content-disposition',
  'cache-control',
  'location',
  'retry-after',
  'x-request-id',
  'vary',
];
/**
 * The REST API (/api/v1) reads a bearer token and answers conditional GETs; only its hop carries those headers,
 * so a token sent to /trpc or /api/auth never reaches code that was not written to read one.
 */
const REST_PREFIX = '/api/v1/';
const REST_REQUEST = ['authorization', 'if-none-match'];
const REST_RESPONSE = ['etag', 'www-authenticate', 'allow'];
/** Statuses whose answers have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** How long the API may stay silent on one hop (no byte either way) before the browser gets 504. */
export interface ApiHop {
  apiUrl: string;
  timeoutMs: number;
  /** For the calls that take minutes: a dataset upload, applying an import. */
  longTimeoutMs: number;
}

const hopFromEnv = (): ApiHop => ({
  apiUrl: serverEnv.API_URL,
  timeoutMs: serverEnv.API_TIMEOUT_MS,
  longTimeoutMs: serverEnv.API_LONG_TIMEOUT_MS,
});

const LONG_CALLS = [/^\/files\/import$/, /^\/trpc\/(.*,)?imports\.applyRows(,|$)/];

export function silenceAllowed(pathname: string, hop: ApiHop): number {
  return LONG_CALLS.some((call) => call.test(decodeURIComponent(pathname)))
    ? hop.longTimeoutMs
    : hop.timeoutMs;
}

export async function forwardToApi(
  request: Request,
  pathname: string,
  hop = hopFromEnv(),
): Promise<Response> {
  const { search } = new URL(request.url);
  const target = new URL(`${pathname}${search}`, hop.apiUrl);
  const headers: Record<string, string> = {};
  const rest = pathname.startsWith(REST_PREFIX);
  for (const name of rest ? [...FORWARDED_REQUEST, ...REST_REQUEST] : FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const timeoutMs = silenceAllowed(pathname, hop);
  let upstream: IncomingMessage;
  try {
    upstream = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = httpRequest(target, { method: request.method, headers, timeout: timeoutMs }, resolve);
      outgoing.on('timeout', () => outgoing.destroy(new ApiTimeoutError(timeoutMs)));
      outgoing.on('error', reject);
      if (request.body && request.method !== 'GET' && request.method !== 'HEAD') {
        // pipeline, not pipe: a browser that goes away mid-upload errors the body stream, and that must end
        // this request to the API rather than be thrown as an uncaught "aborted".
        pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), outgoing).catch(
          (error: unknown) => outgoing.destroy(error instanceof Error ? error : new Error(String(error))),
        );
      } else outgoing.end();
    });
  } catch (error) {
    return failureResponse(apiFailureFrom(error), pathname, search, request.headers.get('accept'));
  }
  const out = new Headers();
  for (const name of rest ? [...FORWARDED_RESPONSE, ...REST_RESPONSE] : FORWARDED_RESPONSE) {
    const value = upstream.headers[name];
    if (typeof value === 'string') out.set(name, value);
  }
  for (const cookie of upstream.headers['set-cookie'] ?? []) out.append('set-cookie', cookie);
  const status = upstream.statusCode ?? 502;
  if (NULL_BODY.has(status)) {
    upstream.resume();
    return new Response(null, { status, headers: out });
  }
  return new Response(Readable.toWeb(upstream) as ReadableStream<Uint8Array>, { status, headers: out });
}

function failureResponse(failure: Unavailable, pathname: string, search: string, accept: string | null) {
  const { headers, body } = unavailableAnswer(failure, pathname, search, accept);
  return new Response(body, { status: failure.status, headers });
}

/** The route handler for a catch-all segment under `prefix` (e.g. "/files"). */
export function apiRoute(prefix: string) {
  return async (request: Request, context: { params: Promise<{ path: string[] }> }) => {
    const { path } = await context.params;
    return forwardToApi(request, `${prefix}/${path.map(encodeURIComponent).join('/')}`);
  };
}
