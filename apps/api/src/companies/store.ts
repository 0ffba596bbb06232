// Company mixes belong to the analyst who uploaded them. Every read and write names its owner in the query
// itself, so another user's mix — an admin's view included — is NOT_FOUND, never "forbidden": its existence
// does not leak. Creating and deleting one are audited (who, which mix, how many rows; never the rows).
import { CompanySupplier, type CompanySupplierLine, readCompanySuppliers } from '@ree/domain';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { recordAudit } from '../queries/audit.ts';
import type { Actor } from '../queries/user-admin.ts';
import { resolveVersion } from '../queries/versions.ts';
import type { CompanyDetail, CompanySummary, CreateCompany, CreateCompanyResult } from './schemas.ts';

const MIX = {
  id: true,
  name: true,
  note: true,
  createdAt: true,
  updatedAt: true,
  suppliers: { select: { material: true } },
} satisfies Prisma.CompanyMixSelect;

type MixRow = Prisma.CompanyMixGetPayload<{ select: typeof MIX }>;

function summaryOf({ suppliers, ...mix }: MixRow): z.infer<typeof CompanySummary> {
  const materials = [...new Set(suppliers.map((s) => s.material))].sort();
  return {
    ...mix,
    suppliers: suppliers.length,
    materials: materials as z.infer<typeof CompanySummary>['materials'],
  };
}

export async function listCompanies(db: Db, ownerId: string) {
  const mixes = await db.companyMix.findMany({
    where: { ownerId },
    select: MIX,
    orderBy: { updatedAt: 'desc' },
  });
  return mixes.map(summaryOf);
}

/** The owner's mix with its rows (parsed by the domain's schema), or NOT_FOUND. */
export async function getCompany(
  db: Db,
  ownerId: string,
  id: string,
): Promise<z.infer<typeof CompanyDetail>> {
  const mix = await db.companyMix.findFirst({ where: { id, ownerId }, select: MIX });
  if (!mix) throw new NotFoundError('No such company mix.');
  return { ...summaryOf(mix), rows: await supplierRows(db, id) };
}

/** The stored rows, in file order, read back through the domain's schema like any dataset row. */
export async function supplierRows(db: Db, mixId: string): Promise<CompanySupplierLine[]> {
  const rows = await db.companySupplier.findMany({
    where: { mixId },
    select: {
      line: true,
      country: true,
      material: true,
      stage: true,
      year: true,
      quantity: true,
      unit: true,
    },
    orderBy: { line: 'asc' },
  });
  return rows.map(({ line, ...row }) => ({ ...CompanySupplier.parse(row), line }));
}

/**
 * Checks the upload against the current published version's countries; stores the mix and all its rows in one
 * transaction, or — with any issue — nothing, and returns the report.
 */
export async function createCompany(
  db: Db,
  actor: Actor,
  input: z.infer<typeof CreateCompany>,
): Promise<z.infer<typeof CreateCompanyResult>> {
  const version = await resolveVersion(db);
  const countries = await db.country.findMany({ where: { versionId: version.id }, select: { iso3: true } });
  const { rows, issues } = readCompanySuppliers(input.csv, new Set(countries.map((c) => c.iso3)));
  if (issues.length > 0 || rows.length === 0) {
    return {
      ok: false,
      issues: issues.map((i) => ({ severity: 'error' as const, file: input.fileName, ...i })),
    };
  }
  const id = await db.$transaction(async (tx) => {
    const mix = await tx.companyMix.create({
      data: { ownerId: actor.id, name: input.name, note: input.note ?? null },
      select: { id: true },
    });
    await tx.companySupplier.createMany({ data: rows.map((r) => ({ ...r, mixId: mix.id })) });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'company.create',
      target: mix.id,
      after: { name: input.name, rows: rows.length },
      ip: actor.ip,
    });
    return mix.id;
  });
  return { ok: true, id, rows: rows.length };
}

/** Deletes the owner's mix and (by cascade) its rows, or NOT_FOUND. */
export async function deleteCompany(db: Db, actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const mix = await tx.companyMix.findFirst({
      where: { id, ownerId: actor.id },
      select: { name: true, _count: { select: { suppliers: true } } },
    });
    if (!mix) throw new NotFoundError('No such company mix.');
    await tx.companyMix.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'company.delete',
      target: id,
      before: { name: mix.name, rows: mix._count.suppliers },
      ip: actor.ip,
    });
  });
}
