// Elements, countries and their governance: the small reference tables.
import { ElementGroup, Iso3 } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { InvalidInputError } from '../errors.ts';
import type { VersionRef } from './versions.ts';

export const ElementsInput = z.strictObject({ group: ElementGroup.optional(), asOf: z.uuid().optional() });

export async function listElements(db: Db, version: VersionRef, group?: string) {
  return db.element.findMany({
    where: { versionId: version.id, ...(group ? { group } : {}) },
    select: {
      symbol: true,
      name: true,
      atomicNumber: true,
      group: true,
      uses: true,
      sourceId: true,
      status: true,
    },
    orderBy: { atomicNumber: 'asc' },
  });
}

export async function listCountries(db: Db, version: VersionRef) {
  const [countries, governance] = await Promise.all([
    db.country.findMany({ where: { versionId: version.id }, orderBy: { name: 'asc' } }),
    db.governanceScore.findMany({ where: { versionId: version.id }, orderBy: { year: 'desc' } }),
  ]);
  const latest = new Map<string, (typeof governance)[number]>();
  for (const g of governance) if (!latest.has(g.country)) latest.set(g.country, g);
  return countries.map((c) => {
    const g = latest.get(c.iso3);
    return {
      iso3: c.iso3,
      name: c.name,
      region: c.region,
      governance: g ? { year: g.year, wgi: g.wgi, sourceId: g.sourceId } : null,
    };
  });
}

export const CountryInput = z.strictObject({ iso3: Iso3, asOf: z.uuid().optional() });

/** Refuses a code the dataset does not know, with a message that says so. */
export async function assertCountry(db: Db, versionId: string, iso3: string): Promise<void> {
  const found = await db.country.findUnique({
    where: { versionId_iso3: { versionId, iso3 } },
    select: { iso3: true },
  });
  if (!found)
    throw new InvalidInputError(`Unknown country code "${iso3}": it is not in this dataset version.`);
}
