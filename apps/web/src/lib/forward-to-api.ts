// Forwards a request to the API over node:http, streaming both ways. Used by the /trpc and /files route
// handlers: unlike proxy.ts's rewrites, it neither buffers request bodies (uploads of 100 MB) nor gives up after
// 30 s (applying a large import takes minutes).
import 'server-only';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { serverEnv } from '@/env';

const FORWARDED_REQUEST = [
  'cookie',
  'origin',
  'content-type',
  'content-length',
  'x-forwarded-for',
  'trpc-accept',
];
const FORWARDED_RESPONSE = ['content-type', 'content-disposition', 'cache-control', 'x-request-id', 'vary'];

export async function forwardToApi(request: Request, pathname: string): Promise<Response> {
  const target = new URL(`${pathname}${new URL(request.url).search}`, serverEnv.API_URL);
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = httpRequest(target, { method: request.method, headers }, resolve);
    outgoing.on('error', reject);
    if (request.body && request.method !== 'GET' && request.method !== 'HEAD') {
      Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>).pipe(outgoing);
    } else outgoing.end();
  });
  const out = new Headers();
  for (const name of FORWARDED_RESPONSE) {
    const value = upstream.headers[name];
    if (typeof value === 'string') out.set(name, value);
  }
  return new Response(Readable.toWeb(upstream) as ReadableStream<Uint8Array>, {
    status: upstream.statusCode ?? 502,
    headers: out,
  });
}

/** The route handler for a catch-all segment under `prefix` (e.g. "/files"). */
export function apiRoute(prefix: string) {
  return async (request: Request, context: { params: Promise<{ path: string[] }> }) => {
    const { path } = await context.params;
    return forwardToApi(request, `${prefix}/${path.map(encodeURIComponent).join('/')}`);
  };
}
