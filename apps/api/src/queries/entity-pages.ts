// One facility, operator, policy or partnership with what it links to, from a published version's rows. Each
// answer names its version and the sources of every row it shows; an unknown id is NotFoundError.
import { Facility, Investment, Material, Partnership, PolicyMeasure } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { datasetRows } from './dataset-rows.ts';
import {
  facilitiesMaking,
  investmentsFor,
  partnershipsNaming,
  partnershipsSecuring,
  policiesTouching,
} from './entity-links.ts';
import { OperatorRef, operatorRefs, operatorsOf } from './operators.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

const EntityId = z.string().regex(/^[a-z0-9-]{2,64}$/, 'an id is lower-case letters, digits and dashes');
export const EntityInput = z.strictObject({ id: EntityId, asOf: z.uuid().optional() });
export const OperatorInput = z.strictObject({ slug: EntityId, asOf: z.uuid().optional() });
export const ElementChainInput = z.strictObject({ material: Material, asOf: z.uuid().optional() });

const FacilityWithOperators = Facility.extend({ operators: z.array(OperatorRef) });
const Agreements = {
  partnerships: z.array(Partnership),
  investments: z.array(Investment),
  policies: z.array(PolicyMeasure),
};

export const FacilityPage = versioned({ facility: FacilityWithOperators, ...Agreements });
export const OperatorPage = versioned({
  operator: OperatorRef.extend({ countries: z.array(z.string()), products: z.array(Material) }),
  facilities: z.array(FacilityWithOperators),
  ...Agreements,
});
export const PolicyPage = versioned({ policy: PolicyMeasure, facilities: z.array(FacilityWithOperators) });
export const PartnershipPage = versioned({
  partnership: Partnership,
  operators: z.array(OperatorRef),
  investments: z.array(Investment),
  policies: z.array(PolicyMeasure),
});
export const ElementChain = versioned({
  facilities: z.array(FacilityWithOperators),
  operators: z.array(OperatorRef),
  partnerships: z.array(Partnership),
  policies: z.array(PolicyMeasure),
});

const withOperators = (f: Facility) => ({ ...f, operators: operatorRefs(f) });
const sourceIds = (...lists: { sourceId: string }[][]) => lists.flat().map((r) => r.sourceId);
const unique = <T>(xs: T[]) => [...new Set(xs)];

async function load(db: Db, asOf: string | undefined) {
  const version = await resolveVersion(db, asOf);
  return { version, data: await datasetRows(db, version) };
}

export async function facilityPage(db: Db, input: z.infer<typeof EntityInput>) {
  const { version, data } = await load(db, input.asOf);
  const facility = data.facilities.find((f) => f.id === input.id);
  if (!facility)
    throw new NotFoundError(`Unknown facility "${input.id}": it is not in this dataset version.`);
  const companies = operatorRefs(facility).map((o) => o.name);
  const partnerships = data.partnerships.filter((p) =>
    companies.some((c) => partnershipsNaming(data, c).includes(p)),
  );
  const investments = investmentsFor(data, null, [facility]);
  const policies = policiesTouching(data, facility.products).filter((p) => p.country === facility.country);
  return {
    datasetVersion: version,
    sources: await sourcesFor(db, version.id, sourceIds([facility], partnerships, investments, policies)),
    facility: withOperators(facility),
    partnerships,
    investments,
    policies,
  };
}

export async function operatorPage(db: Db, input: z.infer<typeof OperatorInput>) {
  const { version, data } = await load(db, input.asOf);
  const group = operatorsOf(data).get(input.slug);
  if (!group)
    throw new NotFoundError(`Unknown operator "${input.slug}": no facility in this version names it.`);
  const products = unique(group.facilities.flatMap((f) => f.products)).sort();
  const partnerships = partnershipsNaming(data, group.name);
  const investments = investmentsFor(data, group.name, group.facilities);
  const policies = policiesTouching(data, products);
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      version.id,
      sourceIds(group.facilities, partnerships, investments, policies),
    ),
    operator: {
      slug: group.slug,
      name: group.name,
      countries: unique(group.facilities.map((f) => f.country)).sort(),
      products,
    },
    facilities: group.facilities.map(withOperators),
    partnerships,
    investments,
    policies,
  };
}

export async function policyPage(db: Db, input: z.infer<typeof EntityInput>) {
  const { version, data } = await load(db, input.asOf);
  const policy = data.policies.find((p) => p.id === input.id);
  if (!policy) throw new NotFoundError(`Unknown policy "${input.id}": it is not in this dataset version.`);
  // The plants in the measure's country that make an element it covers (every rare earth when it lists none).
  const facilities = data.facilities.filter(
    (f) => f.country === policy.country && policiesTouching(data, f.products).includes(policy),
  );
  return {
    datasetVersion: version,
    sources: await sourcesFor(db, version.id, sourceIds([policy], facilities)),
    policy,
    facilities: facilities.map(withOperators),
  };
}

export async function partnershipPage(db: Db, input: z.infer<typeof EntityInput>) {
  const { version, data } = await load(db, input.asOf);
  const partnership = data.partnerships.find((p) => p.id === input.id);
  if (!partnership)
    throw new NotFoundError(`Unknown partnership "${input.id}": it is not in this dataset version.`);
  const operators = [...operatorsOf(data).values()]
    .filter(
      (o) => partnership.parties !== undefined && partnershipsNaming(data, o.name).includes(partnership),
    )
    .map(({ slug, name }) => ({ slug, name }));
  const investments = data.investments.filter(
    (i) => i.id === partnership.id || operators.some((o) => investmentsFor(data, o.name, []).includes(i)),
  );
  // The government agreement a partnership is, when the data keeps it as a policy measure too (same id).
  const policies = data.policies.filter((p) => p.id === partnership.id);
  return {
    datasetVersion: version,
    sources: await sourcesFor(db, version.id, sourceIds([partnership], investments, policies)),
    partnership,
    operators,
    investments,
    policies,
  };
}

/** The chain from an element: facilities that make it, their operators, agreements securing it, policies on it. */
export async function elementChain(db: Db, input: z.infer<typeof ElementChainInput>) {
  const { version, data } = await load(db, input.asOf);
  const facilities = facilitiesMaking(data, input.material);
  const operators = new Map(facilities.flatMap(operatorRefs).map((o) => [o.slug, o]));
  const partnerships = partnershipsSecuring(data, input.material);
  const policies = policiesTouching(data, [input.material]);
  return {
    datasetVersion: version,
    sources: await sourcesFor(db, version.id, sourceIds(facilities, partnerships, policies)),
    facilities: facilities.map(withOperators),
    operators: [...operators.values()].sort((a, b) => a.name.localeCompare(b.name)),
    partnerships,
    policies,
  };
}
