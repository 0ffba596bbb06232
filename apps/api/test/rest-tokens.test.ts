// Issue 15, done when: a developer with a token fetches shares and a score from /api/v1; a revoked token gets 401
// (a problem document saying why), and a token past its rate limit 429 with Retry-After — on the REST API as on tRPC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { createToken, revokeOwnToken } from '../src/queries/api-tokens.ts';
import { startTestServer, type TestServer } from './http-support.ts';
import { createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let server: TestServer;
beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database, { tokenRateLimit: 5 });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('the REST API with personal API tokens', () => {
  it('reads shares and a score with a token; revoked, it gets 401 saying so', async () => {
    const user = await createTestUser(database, 'user');
    const actor = { id: user.id, email: user.email, ip: null };
    const { secret, token } = await createToken(database.db, actor, { name: 'curl' });

    const shares = await server.get(
      '/api/v1/concentration?material=REE&stage=mining&year=2024',
      bearer(secret),
    );
    expect(shares.status).toBe(200);
    const body = (await shares.json()) as { rows: { country: string; share: number }[] };
    expect(body.rows.find((c) => c.country === 'CHN')?.share).toBeGreaterThan(0.6);
    const score = await server.get(
      '/api/v1/scores/explain?consumer=JPN&material=Dy&stage=separation',
      bearer(secret),
    );
    expect(score.status).toBe(200);

    await revokeOwnToken(database.db, actor, { id: token.id });
    const refused = await server.get(
      '/api/v1/concentration?material=REE&stage=mining&year=2024',
      bearer(secret),
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await refused.json()).toMatchObject({ status: 401, detail: 'This API token has been revoked.' });
  });

  it('past its rate limit a token gets 429 with Retry-After', async () => {
    const user = await createTestUser(database, 'user');
    const { secret } = await createToken(
      database.db,
      { id: user.id, email: user.email, ip: null },
      { name: 'loop' },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await server.get('/api/v1/versions', bearer(secret))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const again = await server.get('/api/v1/versions', bearer(secret));
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('a published version in bulk through the REST API', () => {
  it('streams the ZIP to a token, and 404 for an unknown version', async () => {
    const user = await createTestUser(database, 'user');
    const { secret } = await createToken(
      database.db,
      { id: user.id, email: user.email, ip: null },
      { name: 'bulk' },
    );
    const versions = (await (await server.get('/api/v1/versions', bearer(secret))).json()) as {
      data: { id: string }[];
    };
    const id = versions.data[0]?.id ?? '';
    const zip = await server.get(`/api/v1/versions/${id}/bulk.zip`, bearer(secret));
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await zip.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const unknown = await server.get(`/api/v1/versions/${crypto.randomUUID()}/bulk.zip`, bearer(secret));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect((await server.get(`/api/v1/versions/${id}/bulk.zip`)).status).toBe(401);
  });
});
