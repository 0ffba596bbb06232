// Issue 14, "which plants separate heavy rare earths cannot be read": the product filter (an element, or any heavy
// rare earth) on the table, the map points of the whole filtered set, and the same over REST.
import type { Facility } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let server: TestServer;
let caller: ReturnType<typeof callerFor>;
let cookie: string;
let facilities: Facility[];

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database);
  caller = callerFor(database, await createTestUser(database, 'user'));
  ({ cookie } = await signUpAndIn(server));
  facilities = (await readReferenceDataset()).rows.facilities;
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** The EU 2023 heavy group (reference-data.md), written out here rather than taken from the code under test. */
const HEAVY = ['Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Y', 'HREE'];

/** What the CSV says: the ids of the rows of `stage` whose products column names one of `products`. */
const fromCsv = (stage: string, products: string[]) =>
  facilities
    .filter((f) => f.stage === stage && f.products.some((p) => products.includes(p)))
    .map((f) => f.id)
    .sort();

const ids = (items: { id: string }[]) => items.map((f) => f.id).sort();

describe('the product filter', () => {
  it('Dy + separation lists exactly the separation plants whose products name dysprosium', async () => {
    const got = await caller.supply.facilities({ product: 'Dy', stage: 'separation', pageSize: 100 });
    // Hand-checked in facilities.csv: the separation rows whose products column contains "Dy". Not Lynas Malaysia's
    // main plant (NdPr; La; Ce; REE), Mountain Pass's light circuit or IREL Aluva (Sm; Gd; Y but no Dy).
    const expected = [
      'eneabba',
      'ganzhou-separation',
      'lynas-malaysia-hre-circuit',
      'lynas-malaysia-hre-new',
      'lynas-seadrift',
      'mountain-pass-hre',
      'shin-etsu-takefu-separation',
      'shin-etsu-vietnam-separation',
      'white-mesa',
    ];
    expect(ids(got.items)).toEqual(expected);
    expect(fromCsv('separation', ['Dy', 'HREE'])).toEqual(expected);
    expect(got.pageInfo.total).toBe(expected.length);
  });

  it('HREE lists the plants that name any heavy rare earth, and none whose heavy output is unknown', async () => {
    const got = await caller.supply.facilities({ product: 'HREE', stage: 'separation', pageSize: 100 });
    expect(ids(got.items)).toEqual(fromCsv('separation', HEAVY));
    // IREL Aluva names Gd and Y (heavy, though no Dy); a plant with only a mixed REE product is not heavy.
    expect(ids(got.items)).toContain('irel-red-aluva');
    for (const id of ['lynas-malaysia', 'solvay-la-rochelle', 'shin-etsu-mikuni', 'baotou-huamei-separation'])
      expect(ids(got.items)).not.toContain(id);
    // Every stage: the mines of ionic clays are heavy, Mount Weld (NdPr; REE) is not.
    const all = await caller.supply.facilities({ product: 'HREE', pageSize: 100 });
    const everyStage = facilities.filter((f) => f.products.some((p) => HEAVY.includes(p)));
    expect(ids(all.items)).toEqual(ids(everyStage));
    expect(ids(all.items)).toContain('ganzhou-ionic-clays');
    expect(ids(all.items)).not.toContain('mount-weld');
  });

  it('refuses a product that is not a material, naming the field', async () => {
    await expect(caller.supply.facilities({ product: 'Heavy' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('product'),
    });
  });
});

describe('map points', () => {
  it('are the whole filtered set (not the table page), located ones only, with the rest counted', async () => {
    const table = await caller.supply.facilities({ product: 'Dy', pageSize: 5 });
    const map = await caller.supply.facilityPoints({ product: 'Dy' });
    expect(map.total).toBe(table.pageInfo.total);
    expect(map.points.length).toBeGreaterThan(table.items.length);
    const dy = facilities.filter((f) => f.products.some((p) => p === 'Dy' || p === 'HREE'));
    const located = dy.filter((f) => f.latitude !== null && f.longitude !== null);
    expect(ids(map.points)).toEqual(ids(located));
    // Proterial Saga and Mitsubishi Materials' recycling rows name Dy but have no coordinates in the CSV.
    expect(map.unlocated).toBe(dy.length - located.length);
    expect(dy.filter((f) => f.latitude === null).map((f) => f.id)).toEqual(
      expect.arrayContaining(['proterial-saga-recycling', 'mmc-appliance-recycling']),
    );
    expect(map.datasetVersion).toEqual(table.datasetVersion);
  });

  it('carry what a point shows: place, name, stage and status, as the CSV has them', async () => {
    const map = await caller.supply.facilityPoints({ stage: 'mining', search: 'mount weld' });
    expect(map.points).toEqual([
      {
        id: 'mount-weld',
        name: 'Mount Weld mine and concentrator',
        country: 'AUS',
        stage: 'mining',
        operatingStatus: 'operating',
        latitude: -28.8,
        longitude: 122.5,
      },
    ]);
    expect(map).toMatchObject({ total: 1, unlocated: 0 });
    expect(map.sources.map((s) => s.id)).toContain('reuters-2022-08-03-mtweld');
  });
});

describe('over REST', () => {
  const get = async (path: string) => {
    const response = await server.get(path, { cookie });
    expect(response.status, path).toBe(200);
    return response.json();
  };

  it('/api/v1/facilities takes the same product filter, HREE included', async () => {
    const expected = fromCsv('separation', HEAVY);
    const page = await get('/api/v1/facilities?product=HREE&stage=separation&limit=100');
    expect(ids(page.data)).toEqual(expected);
    const bad = await server.get('/api/v1/facilities?product=heavy', { cookie });
    expect(bad.status).toBe(400);
  });

  it('/api/v1/facilities/points answers as the procedure does', async () => {
    const body = await get('/api/v1/facilities/points?product=Tb&stage=separation');
    const procedure = await caller.supply.facilityPoints({ product: 'Tb', stage: 'separation' });
    expect(body).toEqual(JSON.parse(JSON.stringify(procedure)));
    expect(ids(body.points)).toContain('mountain-pass-hre');
  });
});
