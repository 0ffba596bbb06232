// Issue #13, imports as background jobs beyond one machine: uploads received by either of two API instances on
// one PostgreSQL are stored in the database and validated by whichever worker claims them first, each exactly once
// (one batch and one "dataset.import" audit event per job, never two), and their progress reads the same on both.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Cluster, startCluster } from './cluster.ts';
import { INSTANCES, PortalClient, soon, uniqueIp } from './portal-client.ts';
import { PIN_HEADER } from './round-robin-proxy.ts';

const FILES = 8;
let cluster: Cluster;
let portal: PortalClient;

beforeAll(async () => {
  cluster = await startCluster();
  portal = new PortalClient(cluster.proxyPort, cluster.origin);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
}, 30_000);

it('uploads on either instance are each validated exactly once, and read the same on both', async () => {
  const account = await portal.signUp();
  await cluster.sql.query(`UPDATE "user" SET "role" = 'admin' WHERE "id" = $1`, [account.id]);
  const { cookie } = await portal.signIn(account.email);
  const created = await portal.mutate('datasets.createDraft', { label: `Jobs ${Date.now()}` }, { cookie });
  expect(created.status).toBe(200);
  const draftId = (JSON.parse(created.body) as { result: { data: { json: { id: string } } } }).result.data
    .json.id;

  const jobs: string[] = [];
  for (let i = 0; i < FILES; i++) {
    // Distinct files (a repeated one would be recognised by its hash): one row each, a year of its own.
    const csv = `country,stage,material,year,quantity,unit,basis,projection,source_id,status\nAUS,mining,REE,${1990 + i},${100 + i},t,REO,false,usgs-mcs-2025,verified\n`;
    const response = await fetch(
      `http://127.0.0.1:${cluster.proxyPort}/files/import?versionId=${draftId}&name=production.csv`,
      {
        method: 'POST',
        headers: {
          origin: cluster.origin,
          cookie,
          'content-type': 'application/octet-stream',
          'x-forwarded-for': uniqueIp(),
          [PIN_HEADER]: INSTANCES[i % 2] ?? 'web-a',
        },
        body: csv,
      },
    );
    expect(response.status).toBe(202);
    jobs.push(((await response.json()) as { jobId: string }).jobId);
  }

  const states = async () =>
    (
      await cluster.sql.query<{ state: string }>(
        `SELECT "state"::text FROM "import_job" WHERE "id" = ANY($1)`,
        [jobs],
      )
    ).rows;
  expect(await soon(async () => (await states()).every((j) => j.state === 'succeeded'), 60_000)).toBe(true);

  const batches = await cluster.sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM "import_batch" WHERE "versionId" = $1`,
    [draftId],
  );
  expect(Number(batches.rows[0]?.n)).toBe(FILES);
  const audited = await cluster.sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM "audit_event" WHERE "action" = 'dataset.import' AND "target" = $1`,
    [draftId],
  );
  expect(Number(audited.rows[0]?.n)).toBe(FILES);
  // Every job names its own batch, and both web instances read the same job.
  const named = await cluster.sql.query<{ batchId: string }>(
    `SELECT DISTINCT "batchId" FROM "import_job" WHERE "id" = ANY($1)`,
    [jobs],
  );
  expect(named.rows.length).toBe(FILES);
  for (const on of INSTANCES) {
    const read = await portal.query('imports.job', { jobId: jobs[0] }, { cookie, on });
    expect(read.status).toBe(200);
    expect(read.body).toContain('"state":"succeeded"');
  }
}, 120_000);
