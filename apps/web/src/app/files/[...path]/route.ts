// Admin file transfers (/files/*: dataset uploads, version exports, the audit CSV) forwarded to the API as
// streams. A route handler rather than proxy.ts: the proxy buffers request bodies (10 MB by default), and an
// upload of 100 MB must flow through without being held in memory.
import { serverEnv } from '@/env';

const FORWARDED_REQUEST = ['cookie', 'origin', 'content-type', 'content-length', 'x-forwarded-for'];
const FORWARDED_RESPONSE = ['content-type', 'content-disposition', 'cache-control', 'x-request-id'];

async function forward(request: Request, context: { params: Promise<{ path: string[] }> }) {
  const { path } = await context.params;
  const url = new URL(request.url);
  const target = `${serverEnv.API_URL}/files/${path.map(encodeURIComponent).join('/')}${url.search}`;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    body: request.method === 'POST' ? request.body : undefined,
    // Stream the body as it arrives (Node's fetch needs this for a streamed request body).
    ...(request.method === 'POST' ? { duplex: 'half' } : {}),
    redirect: 'manual',
  } as RequestInit);
  const out = new Headers();
  for (const name of FORWARDED_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

export { forward as GET, forward as POST };
export const dynamic = 'force-dynamic';
