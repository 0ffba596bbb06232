// ASVS 8.2.1 / 8.3.1: every procedure of the router, called as anonymous, user and admin. The table below must
// name every procedure, so a new one cannot be added without deciding who may call it.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { appRouter } from '../src/trpc/router.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

type Outcome = 'OK' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
interface Expectation {
  anonymous: Outcome;
  user: Outcome;
  admin: Outcome;
  /** A valid input. */
  input: unknown;
  /** An input with one bad field, and that field's path as the error must name it. */
  invalid?: { input: unknown; field: string };
}

const signedIn = { anonymous: 'UNAUTHORIZED', user: 'OK', admin: 'OK' } as const;
const adminOnly = { anonymous: 'UNAUTHORIZED', user: 'FORBIDDEN', admin: 'OK' } as const;
const adminNotFound = { anonymous: 'UNAUTHORIZED', user: 'FORBIDDEN', admin: 'NOT_FOUND' } as const;
const unknownScenario = { anonymous: 'UNAUTHORIZED', user: 'NOT_FOUND', admin: 'NOT_FOUND' } as const;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const MINIMAL_SCENARIO = {
  consumer: 'JPN',
  material: 'NdPr',
  stage: 'separation',
  baseline: { demandPerYear: 100, suppliers: [{ id: 'CHN', supplyPerYear: 100 }] },
  monteCarlo: { samples: 100, seed: 1 },
};

const EXPECTED: Record<string, Expectation> = {
  'me.get': { ...signedIn, input: undefined },
  'reference.elements': { ...signedIn, input: {}, invalid: { input: { group: 'XREE' }, field: 'group' } },
  'reference.countries': {
    ...signedIn,
    input: {},
    invalid: { input: { asOf: 'not-a-uuid' }, field: 'asOf' },
  },
  'reference.country': {
    ...signedIn,
    input: { iso3: 'JPN' },
    invalid: { input: { iso3: 'jp' }, field: 'iso3' },
  },
  'reference.demand': {
    ...signedIn,
    input: { material: 'Dy' },
    invalid: { input: { material: 'Xx' }, field: 'material' },
  },
  'reference.sources': { ...signedIn, input: {}, invalid: { input: { extra: 1 }, field: '' } },
  'reference.claims': { ...signedIn, input: {}, invalid: { input: { asOf: 'x' }, field: 'asOf' } },
  'reference.versions': { ...signedIn, input: undefined },
  // search and entity pages
  'search.query': { ...signedIn, input: { q: 'Lynas' }, invalid: { input: { q: '' }, field: 'q' } },
  'entities.facility': {
    ...signedIn,
    input: { id: 'mount-weld' },
    invalid: { input: { id: 'A B' }, field: 'id' },
  },
  'entities.operator': {
    ...signedIn,
    input: { slug: 'lynas-rare-earths' },
    invalid: { input: { slug: '../x' }, field: 'slug' },
  },
  'entities.policy': { ...signedIn, input: { id: 'china-licensing-2025-04' } },
  'entities.partnership': { ...signedIn, input: { id: 'jare-lynas-2023' } },
  'entities.elementChain': {
    ...signedIn,
    input: { material: 'Dy' },
    invalid: { input: { material: 'Xx' }, field: 'material' },
  },
  'production.concentration': { ...signedIn, input: {}, invalid: { input: { year: 1200 }, field: 'year' } },
  'production.supplyRisk': {
    ...signedIn,
    input: { material: 'Dy' },
    invalid: { input: { material: 'Dysprosium' }, field: 'material' },
  },
  'supply.countryProfile': {
    ...signedIn,
    input: { iso3: 'CHN' },
    invalid: { input: { iso3: 'CHINA' }, field: 'iso3' },
  },
  'score.explain': { ...signedIn, input: {}, invalid: { input: { stage: 'smelting' }, field: 'stage' } },
  'score.trend': {
    ...signedIn,
    input: { material: 'Dy' },
    invalid: { input: { consumer: 'Japan' }, field: 'consumer' },
  },
  'supply.importSources': {
    ...signedIn,
    input: { importer: 'JPN' },
    invalid: { input: { importer: 'JPN', material: 'Xx' }, field: 'material' },
  },
  'supply.facilities': { ...signedIn, input: {}, invalid: { input: { pageSize: 1000 }, field: 'pageSize' } },
  'supply.facilityPoints': {
    ...signedIn,
    input: { product: 'HREE' },
    invalid: { input: { product: 'Heavy' }, field: 'product' },
  },
  'supply.timeline': {
    ...signedIn,
    input: {},
    invalid: { input: { yearFrom: 2020, yearTo: 2010 }, field: 'yearFrom' },
  },
  'scenarios.baseline': { ...signedIn, input: {}, invalid: { input: { stage: 'x' }, field: 'stage' } },
  'scenarios.list': { ...signedIn, input: undefined },
  'companies.list': { ...signedIn, input: undefined },
  'companies.create': {
    ...signedIn,
    input: { name: 'matrix', csv: 'country,material,stage,year,quantity,unit\nCHN,Dy,separation,2025,1,t' },
    invalid: { input: { name: '', csv: '' }, field: 'name' },
  },
  // A company mix is its owner's alone: an admin gets NOT_FOUND like anyone else.
  'companies.get': {
    ...unknownScenario,
    input: { id: NO_SUCH_ID },
    invalid: { input: { id: 'x' }, field: 'id' },
  },
  'companies.score': { ...unknownScenario, input: { id: NO_SUCH_ID } },
  'companies.delete': { ...unknownScenario, input: { id: NO_SUCH_ID } },
  'scenarios.create': {
    ...signedIn,
    input: { name: 'matrix', input: MINIMAL_SCENARIO },
    invalid: {
      input: { name: 'm', input: { ...MINIMAL_SCENARIO, material: 'Xx' } },
      field: 'input.material',
    },
  },
  // A scenario that does not exist (or is someone else's): NOT_FOUND once signed in.
  'scenarios.get': {
    ...unknownScenario,
    input: { id: NO_SUCH_ID },
    invalid: { input: { id: 'x' }, field: 'id' },
  },
  'scenarios.update': { ...unknownScenario, input: { id: NO_SUCH_ID, input: MINIMAL_SCENARIO } },
  'scenarios.rename': {
    ...unknownScenario,
    input: { id: NO_SUCH_ID, name: 'n' },
    invalid: { input: { id: NO_SUCH_ID, name: '' }, field: 'name' },
  },
  'scenarios.duplicate': { ...unknownScenario, input: { id: NO_SUCH_ID } },
  'scenarios.delete': { ...unknownScenario, input: { id: NO_SUCH_ID } },
  'scenarios.share': {
    ...unknownScenario,
    input: { id: NO_SUCH_ID, shared: true },
    invalid: { input: { id: NO_SUCH_ID, shared: 'yes' }, field: 'shared' },
  },
  'users.setRole': {
    anonymous: 'UNAUTHORIZED',
    user: 'FORBIDDEN',
    admin: 'NOT_FOUND',
    input: { id: NO_SUCH_ID, role: 'admin' },
    invalid: { input: { id: NO_SUCH_ID, role: 'owner' }, field: 'role' },
  },
  'users.setDisabled': {
    anonymous: 'UNAUTHORIZED',
    user: 'FORBIDDEN',
    admin: 'NOT_FOUND',
    input: { id: NO_SUCH_ID, disabled: true },
    invalid: { input: { id: NO_SUCH_ID, disabled: 'yes' }, field: 'disabled' },
  },
  'datasets.versions': { ...adminOnly, input: undefined },
  'datasets.createDraft': {
    ...adminOnly,
    input: { label: `Matrix ${Date.now()}`, from: 'empty' },
    invalid: { input: { label: 'x', from: 'empty' }, field: 'label' },
  },
  'datasets.publish': {
    anonymous: 'UNAUTHORIZED',
    user: 'FORBIDDEN',
    admin: 'NOT_FOUND',
    input: { versionId: NO_SUCH_ID, note: 'matrix' },
    invalid: { input: { versionId: NO_SUCH_ID, note: '' }, field: 'note' },
  },
  'datasets.rollback': {
    anonymous: 'UNAUTHORIZED',
    user: 'FORBIDDEN',
    admin: 'NOT_FOUND',
    input: { versionId: NO_SUCH_ID },
    invalid: { input: { versionId: 'v1' }, field: 'versionId' },
  },
  'datasets.deleteDraft': {
    ...adminNotFound,
    input: { versionId: NO_SUCH_ID },
    invalid: { input: { versionId: 'v1' }, field: 'versionId' },
  },
  'audit.list': { ...adminOnly, input: {}, invalid: { input: { pageSize: 500 }, field: 'pageSize' } },
  'users.list': { ...adminOnly, input: {}, invalid: { input: { limit: 0 }, field: 'limit' } },
  'datasets.diff': {
    ...adminNotFound,
    input: { from: NO_SUCH_ID, to: NO_SUCH_ID },
    invalid: { input: { from: NO_SUCH_ID, to: NO_SUCH_ID, limit: 0 }, field: 'limit' },
  },
  'datasets.records': {
    ...adminNotFound,
    input: { versionId: NO_SUCH_ID, entity: 'countries' },
    invalid: { input: { versionId: NO_SUCH_ID, entity: 'costs' }, field: 'entity' },
  },
  'datasets.updateRecord': {
    ...adminNotFound,
    input: {
      versionId: NO_SUCH_ID,
      entity: 'countries',
      key: { iso3: 'JPN' },
      rowVersion: 1,
      values: { iso3: 'JPN', name: 'Japan', region: 'Asia' },
    },
    invalid: {
      input: { versionId: NO_SUCH_ID, entity: 'countries', key: { iso3: 'JPN' }, rowVersion: 0, values: {} },
      field: 'rowVersion',
    },
  },
  'datasets.deleteRecord': {
    ...adminNotFound,
    input: { versionId: NO_SUCH_ID, entity: 'countries', key: { iso3: 'JPN' }, rowVersion: 1 },
    invalid: {
      input: { versionId: NO_SUCH_ID, entity: 'countries', key: { iso3: 'JPN' }, rowVersion: 'x' },
      field: 'rowVersion',
    },
  },
  'users.forcePasswordReset': {
    ...adminNotFound,
    input: { id: NO_SUCH_ID },
    invalid: { input: { id: '' }, field: 'id' },
  },
  'imports.list': {
    ...adminOnly,
    input: { versionId: NO_SUCH_ID },
    invalid: { input: { versionId: 'v1' }, field: 'versionId' },
  },
  'imports.report': {
    ...adminNotFound,
    input: { batchId: NO_SUCH_ID },
    invalid: { input: { batchId: NO_SUCH_ID, severity: 'fatal' }, field: 'severity' },
  },
  'imports.applyRows': {
    ...adminNotFound,
    input: { batchId: NO_SUCH_ID },
    invalid: { input: { batchId: 'b1' }, field: 'batchId' },
  },
  'imports.job': {
    ...adminNotFound,
    input: { jobId: NO_SUCH_ID },
    invalid: { input: { jobId: 'j1' }, field: 'jobId' },
  },
  'imports.queueApply': {
    ...adminNotFound,
    input: { batchId: NO_SUCH_ID },
    invalid: { input: { batchId: 'b1' }, field: 'batchId' },
  },
  'imports.cancel': {
    ...adminNotFound,
    input: { jobId: NO_SUCH_ID },
    invalid: { input: { jobId: 'j1' }, field: 'jobId' },
  },
  'tokens.list': { ...signedIn, input: undefined },
  'tokens.create': {
    ...signedIn,
    input: { name: 'matrix' },
    invalid: { input: { name: 'line\nbreak' }, field: 'name' },
  },
  'tokens.revoke': {
    ...unknownScenario,
    input: { id: NO_SUCH_ID },
    invalid: { input: { id: 'x' }, field: 'id' },
  },
  'tokens.listAll': { ...adminOnly, input: {}, invalid: { input: { limit: 0 }, field: 'limit' } },
  'tokens.revokeAny': {
    ...adminNotFound,
    input: { id: NO_SUCH_ID },
    invalid: { input: { id: '' }, field: 'id' },
  },
  'imports.discard': {
    ...adminNotFound,
    input: { batchId: NO_SUCH_ID },
    invalid: { input: { batchId: 'b1' }, field: 'batchId' },
  }, // watchlists and alerts: the owner's alone; the unsubscribe link works signed out
  'watches.list': { ...signedIn, input: undefined },
  'watches.create': {
    ...signedIn,
    input: { kind: 'hhi_above', material: 'REE', stage: 'mining', threshold: 5000 },
    invalid: {
      input: { kind: 'hhi_above', material: 'REE', stage: 'mining', threshold: 20_000 },
      field: 'threshold',
    },
  },
  'watches.delete': {
    ...unknownScenario,
    input: { id: NO_SUCH_ID },
    invalid: { input: { id: 'w' }, field: 'id' },
  },
  'watches.notifications': { ...signedIn, input: {}, invalid: { input: { limit: 0 }, field: 'limit' } },
  'watches.unreadCount': { ...signedIn, input: undefined },
  'watches.markRead': { ...signedIn, input: { all: true } },
  'watches.settings': { ...signedIn, input: undefined },
  'watches.setEmailDigest': {
    ...signedIn,
    input: { on: true },
    invalid: { input: { on: 'yes' }, field: 'on' },
  },
  'watches.unsubscribe': {
    anonymous: 'NOT_FOUND',
    user: 'NOT_FOUND',
    admin: 'NOT_FOUND',
    input: { token: 'u1.bm9ib2R5.not-a-valid-mac' },
    invalid: { input: { token: 'short' }, field: 'token' },
  },
};

let database: Database;
let user: SessionUser;
let admin: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  user = await createTestUser(database, 'user');
  admin = await createTestUser(database, 'admin');
});
afterAll(() => database?.close());

const procedures = Object.keys(appRouter._def.procedures).sort();

function call(who: SessionUser | null, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(database, who);
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  return (target as (i: unknown) => Promise<unknown>)(input);
}

describe('access matrix', () => {
  it('names every procedure of the router, and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(procedures);
  });

  for (const path of procedures) {
    it(`${path}: anonymous, user, admin`, async () => {
      const expected = EXPECTED[path];
      if (!expected) throw new Error(`${path} has no expected outcome: add it to EXPECTED`);
      expect(await outcomeOf(call(null, path, expected.input))).toBe(expected.anonymous);
      expect(await outcomeOf(call(user, path, expected.input))).toBe(expected.user);
      expect(await outcomeOf(call(admin, path, expected.input))).toBe(expected.admin);
    });
  }
});

// A personal API token reads what its owner may read and nothing else (ASVS 8.2.1): every mutation, every admin
// procedure (even for an admin's token) and the token procedures themselves are FORBIDDEN. Derived from the table
// above and the procedure's type, so a new procedure is covered the day it is added.
describe('access matrix for API tokens', () => {
  const asToken = (who: SessionUser): SessionUser => ({ ...who, via: 'token', tokenId: NO_SUCH_ID });
  for (const path of procedures) {
    it(`${path}: a user's token, an admin's token`, async () => {
      const expected = EXPECTED[path];
      if (!expected) throw new Error(`${path} has no expected outcome: add it to EXPECTED`);
      const procedure: { _def?: { type?: string } } | undefined = Reflect.get(
        appRouter._def.procedures,
        path,
      );
      const type = procedure?._def?.type;
      expect(type).toMatch(/^(query|mutation)$/);
      const outcome = type !== 'query' || path.startsWith('tokens.') ? 'FORBIDDEN' : expected.user;
      expect(await outcomeOf(call(asToken(user), path, expected.input))).toBe(outcome);
      expect(await outcomeOf(call(asToken(admin), path, expected.input))).toBe(outcome);
    });
  }
});

describe('input validation names the field', () => {
  for (const [path, expected] of Object.entries(EXPECTED)) {
    if (!expected.invalid) continue;
    const { input, field } = expected.invalid;
    it(`${path} refuses ${JSON.stringify(input)}`, async () => {
      const error = await call(admin, path, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      const issues = ((error as TRPCError).cause as { issues?: { path: PropertyKey[] }[] }).issues ?? [];
      expect(issues.map((i) => i.path.join('.'))).toContain(field);
    });
  }
});
