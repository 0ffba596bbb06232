// The companies procedures' request and response shapes, in one place. Entities come from @ree/domain.
import {
  COMPANY_UPLOAD_LIMITS,
  CompanySupplier,
  ComponentId,
  ComponentProvenance,
  ImportsUsed,
  Material,
  ResilienceScore,
  Stage,
  Year,
} from '@ree/domain';
import { z } from 'zod';
import { ImportIssueOut } from '../imports/import-report.ts';
import { versioned } from '../queries/versioned.ts';

export const CompanyId = z.strictObject({ id: z.uuid() });

export const CreateCompany = z.strictObject({
  name: z.string().trim().min(1, 'give the company a name').max(200),
  note: z.string().trim().max(2000).optional(),
  /** The file's name, for the report. */
  fileName: z.string().trim().min(1).max(200).default('suppliers.csv'),
  /** The CSV text (`country,material,stage,year,quantity,unit`). */
  csv: z
    .string()
    .max(COMPANY_UPLOAD_LIMITS.bytes, `the file is larger than ${COMPANY_UPLOAD_LIMITS.bytes / 1000} kB`),
});

/** Either the new mix, or the report of what is wrong (and nothing stored). */
export const CreateCompanyResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.string(), rows: z.int() }),
  z.object({ ok: z.literal(false), issues: z.array(ImportIssueOut) }),
]);

export const CompanySummary = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  suppliers: z.int(),
  materials: z.array(Material),
});

export const CompanyDetail = CompanySummary.extend({
  rows: z.array(CompanySupplier.and(z.object({ line: z.int() }))),
});

export const CompanyScoreInput = CompanyId.extend({ asOf: z.uuid().optional() });

/** One material × stage of the mix, scored like a country's (`score.explain`). */
export const CompanyMaterialScore = z.object({
  material: Material,
  stage: Stage,
  year: Year,
  asOfDate: z.string(),
  result: ResilienceScore,
  imports: ImportsUsed.nullable(),
  importsTried: z.array(z.string()),
  provenance: z.record(ComponentId, ComponentProvenance),
});

/** The dataset's sources are cited as for any score; `your-upload` is the company's own rows, not among them. */
export const CompanyScore = versioned({ materials: z.array(CompanyMaterialScore) });
