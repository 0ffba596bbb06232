// A browser's requests through the cluster's one port: better-auth's JSON endpoints, tRPC queries and mutations
// (superjson envelopes), the REST API with a bearer token. `on` pins a request to one web server (see
// round-robin-proxy.ts); without it the balancer picks. Every answer says which web server gave it.
import { randomUUID } from 'node:crypto';
import { PIN_HEADER, UPSTREAM_HEADER } from './round-robin-proxy.ts';

export const INSTANCES = ['web-a', 'web-b'] as const;
export type Instance = (typeof INSTANCES)[number];
export const PASSWORD = 'correct horse battery staple';

export interface Answer {
  status: number;
  upstream: string;
  headers: Headers;
  body: string;
}

export interface Call {
  method?: 'GET' | 'POST';
  body?: unknown;
  cookie?: string;
  bearer?: string;
  /** The client's address, passed on by the balancer (sign-in rate limits are kept per address). */
  ip?: string;
  on?: Instance;
}

export class PortalClient {
  constructor(
    private readonly proxyPort: number,
    private readonly origin: string,
  ) {}

  async call(path: string, call: Call = {}): Promise<Answer> {
    const headers: Record<string, string> = { origin: this.origin, 'x-forwarded-for': call.ip ?? uniqueIp() };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.cookie) headers.cookie = call.cookie;
    if (call.bearer) headers.authorization = `Bearer ${call.bearer}`;
    if (call.on) headers[PIN_HEADER] = call.on;
    const response = await fetch(`http://127.0.0.1:${this.proxyPort}${path}`, {
      method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
      headers,
      body: call.body === undefined ? null : JSON.stringify(call.body),
      redirect: 'manual',
    });
    return {
      status: response.status,
      upstream: response.headers.get(UPSTREAM_HEADER) ?? '',
      headers: response.headers,
      body: await response.text(),
    };
  }

  /** A tRPC query's answer (`result.data.json`), or its status when it failed. */
  query(procedure: string, input: unknown, call: Call = {}) {
    const encoded = encodeURIComponent(JSON.stringify({ json: input }));
    return this.call(`/trpc/${procedure}?input=${encoded}`, call);
  }

  mutate(procedure: string, input: unknown, call: Call = {}) {
    return this.call(`/trpc/${procedure}`, { ...call, body: { json: input } });
  }

  /** A new account, signed up through the balancer: its id and e-mail. */
  async signUp(): Promise<{ id: string; email: string }> {
    const email = `cluster-${randomUUID()}@test.ree.local`;
    const up = await this.call('/api/auth/sign-up/email', {
      body: { email, password: PASSWORD, name: 'Cluster' },
    });
    if (up.status !== 200) throw new Error(`sign-up failed: ${up.status} ${up.body}`);
    return { id: (JSON.parse(up.body) as { user: { id: string } }).user.id, email };
  }

  /** Signs in; the session cookie and the web server that made it. */
  async signIn(email: string, call: Call = {}): Promise<{ cookie: string; upstream: string }> {
    const answer = await this.signInAnswer(email, PASSWORD, call);
    const cookie = answer.headers.getSetCookie().find((c) => c.includes('session_token='));
    if (answer.status !== 200 || !cookie) throw new Error(`sign-in failed: ${answer.status} ${answer.body}`);
    return { cookie: cookie.split(';')[0] ?? '', upstream: answer.upstream };
  }

  signInAnswer(email: string, password: string, call: Call = {}) {
    return this.call('/api/auth/sign-in/email', { ...call, body: { email, password } });
  }
}

let ipCounter = 0;
/** A client address no other request of the run uses (TEST-NET-3 and beyond, in order). */
export function uniqueIp(): string {
  ipCounter++;
  return `203.0.${113 + Math.floor(ipCounter / 250)}.${1 + (ipCounter % 250)}`;
}

/** tRPC's `result.data.json` of a 200 answer. */
export function dataOf<T>(answer: Answer): T {
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status}: ${answer.body}`);
  return (JSON.parse(answer.body) as { result: { data: { json: T } } }).result.data.json;
}

/** Repeats `probe` until it is true, for at most `ms` (a NOTIFY's way to the other instance takes milliseconds). */
export async function soon(probe: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  do {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (Date.now() < deadline);
  return false;
}
