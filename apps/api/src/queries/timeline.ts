// Partnerships, investments and policy measures as one dated timeline.
import { Iso3 } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { PageInfo, PageInput } from './pagination.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const TimelineType = z.enum(['partnership', 'investment', 'policy']);

export const TimelineInput = PageInput.extend({
  /** Events involving this country (as actor, partner or target). */
  country: Iso3.optional(),
  types: z.array(TimelineType).max(3).optional(),
  yearFrom: z.int().min(1950).max(2060).optional(),
  yearTo: z.int().min(1950).max(2060).optional(),
  asOf: z.uuid().optional(),
}).refine((i) => i.yearFrom === undefined || i.yearTo === undefined || i.yearFrom <= i.yearTo, {
  message: 'yearFrom must not be after yearTo',
  path: ['yearFrom'],
});

const TimelineItem = z.object({
  type: TimelineType,
  id: z.string(),
  /** ISO date, or null when the source gives none (listed last). */
  date: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  countries: z.array(z.string()),
  /** For policies: the kind (export-control, subsidy, …); for investments: the type; for partnerships: the role. */
  kind: z.string(),
  elements: z.array(z.string()),
  sourceId: z.string(),
  status: z.enum(['verified', 'estimated', 'unverified']),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = versioned({ items: z.array(TimelineItem), pageInfo: PageInfo });

export async function timeline(db: Db, input: z.infer<typeof TimelineInput>) {
  const version = await resolveVersion(db, input.asOf);
  const versionId = version.id;
  const types = new Set(input.types ?? TimelineType.options);
  const [partnerships, investments, policies] = await Promise.all([
    types.has('partnership') ? db.partnership.findMany({ where: { versionId } }) : [],
    types.has('investment') ? db.investment.findMany({ where: { versionId } }) : [],
    types.has('policy') ? db.policyMeasure.findMany({ where: { versionId } }) : [],
  ]);
  const items: TimelineItem[] = [
    ...partnerships.map((p) => ({
      type: 'partnership' as const,
      id: p.id,
      date: p.startDate,
      title: [p.parties, p.role].filter(Boolean).join(' — ') || p.role,
      detail: p.focus,
      countries: [p.country, p.partner],
      kind: p.role,
      elements: [],
      sourceId: p.sourceId,
      status: p.status,
    })),
    ...investments.map((i) => ({
      type: 'investment' as const,
      id: i.id,
      date: i.date,
      title: `${i.investor}: ${i.type} in ${i.location ?? i.country}`,
      detail: i.outcome,
      countries: [i.country],
      kind: i.type,
      elements: [],
      sourceId: i.sourceId,
      status: i.status,
    })),
    ...policies.map((p) => ({
      type: 'policy' as const,
      id: p.id,
      date: p.startDate,
      title: p.title,
      detail: [p.impact, p.endDate ? `until ${p.endDate}` : null].filter(Boolean).join('; ') || null,
      countries: p.targetCountry ? [p.country, p.targetCountry] : [p.country],
      kind: p.kind,
      elements: p.elements,
      sourceId: p.sourceId,
      status: p.status,
    })),
  ];
  const year = (item: TimelineItem) => (item.date ? Number(item.date.slice(0, 4)) : null);
  const filtered = items
    .filter((item) => !input.country || item.countries.includes(input.country))
    .filter((item) => input.yearFrom === undefined || (year(item) ?? -Infinity) >= input.yearFrom)
    .filter((item) => input.yearTo === undefined || (year(item) ?? Infinity) <= input.yearTo)
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const page = filtered.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      versionId,
      page.map((i) => i.sourceId),
    ),
    items: page,
    pageInfo: { page: input.page, pageSize: input.pageSize, total: filtered.length },
  };
}
