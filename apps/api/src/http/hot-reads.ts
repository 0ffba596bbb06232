// Hot reads: answers of allow-listed GET queries about published data, kept as the exact bytes tRPC sent (and a
// gzip of them), keyed by procedure, raw query string, current version id and today's date, and served without
// entering tRPC. Authorisation is checked first on every request (the signed-in, password-not-due rule of
// protectedProcedure, with the user from the session cache); anything else — anonymous, Authorization headers,
// batches, errors, a procedure not listed, a change feed that is down — goes to tRPC as before.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { ChangeFeed } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import { today } from '../queries/sources.ts';
import { resolveVersion } from '../queries/versions.ts';
import type { SessionUser } from '../trpc/context.ts';

/**
 * Queries whose answer depends only on their input, the published version it reads and today's date. Every one is
 * a protectedProcedure. Never `me`, admin, scenarios, imports or anything that differs between users.
 */
export const HOT_READ_PROCEDURES: ReadonlySet<string> = new Set([
  'score.explain',
  'score.trend',
  'production.concentration',
  'production.supplyRisk',
]);

interface Entry {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
  gzipEtag: string;
  contentType: string;
}

export interface HotReadsOptions {
  db: Db;
  feed: ChangeFeed;
  /** Runs the request through tRPC as `user` (the miss path): the Response tRPC answers. */
  answer: (req: IncomingMessage, url: URL, user: SessionUser) => Promise<Response>;
  /** Most bytes kept (plain + gzip), least recently used dropped first. */
  maxBytes?: number;
}

const sizeOf = (e: Entry) => e.raw.length + e.gzip.length;

export class HotReads {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped on every version change, so an answer computed across a publish is never kept. */
  private generation = 0;
  private readonly maxBytes: number;
  readonly close: () => void;

  constructor(private readonly options: HotReadsOptions) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const drop = () => {
      this.generation++;
      this.entries.clear();
      this.bytes = 0;
    };
    this.close = options.feed.subscribe({ event: (e) => e.kind === 'version' && drop(), reset: drop });
  }

  /** Whether the request is one this cache may answer at all (before its user is known). */
  eligible(req: IncomingMessage, url: URL): boolean {
    return (
      req.method === 'GET' &&
      HOT_READ_PROCEDURES.has(url.pathname.slice('/trpc/'.length)) &&
      !url.searchParams.has('batch') &&
      req.headers.authorization === undefined &&
      this.options.feed.healthy
    );
  }

  /** Answers an eligible request for `user`; false when tRPC must answer it instead. */
  async serve(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    user: SessionUser | null,
  ): Promise<boolean> {
    // protectedProcedure's rule; the refusal itself is tRPC's to word.
    if (!user || user.mustChangePassword) return false;
    const generation = this.generation;
    let version: { id: string };
    try {
      version = await resolveVersion(this.options.db);
    } catch {
      return false;
    }
    const key = `${url.pathname}\u0000${url.search}\u0000${version.id}\u0000${today()}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
    } else {
      const answer = await this.options.answer(req, url, user);
      const body = Buffer.from(await answer.arrayBuffer());
      if (answer.status !== 200) {
        sendAsIs(res, answer, body);
        return true;
      }
      entry = entryOf(body, answer.headers.get('content-type') ?? 'application/json');
      if (generation === this.generation && this.options.feed.healthy) this.keep(key, entry);
    }
    send(req, res, entry);
    return true;
  }

  private keep(key: string, entry: Entry): void {
    if (sizeOf(entry) > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += sizeOf(entry);
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= sizeOf(old);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

function entryOf(raw: Buffer, contentType: string): Entry {
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 27);
  return { raw, gzip: gzipSync(raw), etag: `"${hash}"`, gzipEtag: `"${hash}-gz"`, contentType };
}

const acceptsGzip = (req: IncomingMessage) =>
  /\bgzip\b(?!;\s*q=0(?:\.0*)?\b)/.test(req.headers['accept-encoding'] ?? '');

function matches(ifNoneMatch: string | undefined, entry: Entry): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === entry.etag || t === entry.gzipEtag || t === '*');
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
  const gzip = acceptsGzip(req);
  // Each user's own copy (private), checked with the server every time (no-cache): a revoked session gets no 304.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Cookie, Authorization, Accept-Encoding');
  res.setHeader('ETag', gzip ? entry.gzipEtag : entry.etag);
  if (matches(req.headers['if-none-match'], entry)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = gzip ? entry.gzip : entry.raw;
  res.statusCode = 200;
  res.setHeader('Content-Type', entry.contentType);
  res.setHeader('Content-Length', body.length);
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.end(body);
}

function sendAsIs(res: ServerResponse, answer: Response, body: Buffer): void {
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-encoding') res.setHeader(name, value);
  });
  res.end(body);
}
