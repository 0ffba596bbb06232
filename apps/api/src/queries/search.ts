// The portal's search over a published version: elements, countries, facilities, operators, policies,
// partnerships, investments and sources, ranked by @ree/domain's `rankMatches` (exact, prefix, word, part).
import { type DatasetRows, rankMatches } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { datasetRows } from './dataset-rows.ts';
import { operatorsOf } from './operators.ts';
import { cachedForVersion } from './version-cache.ts';
import { VersionRef } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const SearchKind = z.enum([
  'element',
  'country',
  'facility',
  'operator',
  'policy',
  'partnership',
  'investment',
  'source',
]);

export const SearchInput = z.strictObject({
  q: z.string().trim().min(1).max(100),
  limit: z.int().min(1).max(50).default(20),
  asOf: z.uuid().optional(),
});

/**
 * One hit: what it is, its label and a line of detail, and the page that shows it — an entity page, or for an
 * investment its investor's operator page or its country, for a source its publication's address (or none).
 */
export const SearchHit = z.object({
  kind: SearchKind,
  id: z.string(),
  label: z.string(),
  detail: z.string().nullable(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: SearchKind.exclude(['investment', 'source']), id: z.string() }),
    z.object({ kind: z.literal('external'), url: z.string() }),
    z.object({ kind: z.literal('none') }),
  ]),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  datasetVersion: VersionRef,
  query: z.string(),
  hits: z.array(SearchHit),
});

interface Entry extends SearchHit {
  terms: string[];
  /** Investments and sources (no page of their own) come after entity pages that match as well. */
  tier?: number;
}

type PageKind = Exclude<z.infer<typeof SearchKind>, 'investment' | 'source'>;

/** An entry whose hit opens its own page. */
function page(kind: PageKind, id: string, label: string, detail: string | null, terms: string[]): Entry {
  return { kind, id, label, detail, terms, target: { kind, id } };
}

function entriesOf(data: DatasetRows): Entry[] {
  const countryName = new Map(data.countries.map((c) => [c.iso3, c.name]));
  const operators = [...operatorsOf(data).values()];
  return [
    ...data.elements.map((e) =>
      page('element', e.symbol, `${e.name} (${e.symbol})`, e.group, [e.symbol, e.name]),
    ),
    ...data.countries.map((c) => page('country', c.iso3, c.name, c.iso3, [c.iso3, c.name])),
    ...data.facilities.map((f) =>
      page('facility', f.id, f.name, `${f.operator} · ${f.country}`, [f.name, f.id, f.operator]),
    ),
    ...operators.map((o) =>
      page('operator', o.slug, o.name, [...new Set(o.facilities.map((f) => f.country))].join(' '), [
        o.name,
        o.slug,
      ]),
    ),
    ...data.policies.map((p) => page('policy', p.id, p.title, `${p.kind} · ${p.country}`, [p.title, p.id])),
    ...data.partnerships.map((p) =>
      page(
        'partnership',
        p.id,
        p.parties ?? `${p.country}–${p.partner}`,
        `${p.role} · ${countryName.get(p.partner) ?? p.partner}`,
        [p.parties ?? '', p.id, p.focus ?? ''],
      ),
    ),
    ...data.investments.map((i): Entry => {
      // An investment has no page: it opens the operator of the plant it went into, else its country.
      const into = operators.find((o) =>
        o.facilities.some((f) => i.location && f.name.startsWith(i.location)),
      );
      return {
        kind: 'investment',
        id: i.id,
        label: `${i.investor}: ${i.location ?? i.country}`,
        detail: i.outcome ?? null,
        terms: [i.investor, i.id, i.location ?? ''],
        tier: 1,
        target: into ? { kind: 'operator', id: into.slug } : { kind: 'country', id: i.country },
      };
    }),
    ...data.sources.map(
      (s): Entry => ({
        kind: 'source',
        id: s.id,
        label: s.citation,
        detail: s.publisher ?? null,
        terms: [s.citation, s.id, s.publisher ?? ''],
        tier: 1,
        target: s.url ? { kind: 'external', url: s.url } : { kind: 'none' },
      }),
    ),
  ];
}

export async function search(db: Db, input: z.infer<typeof SearchInput>) {
  const version = await resolveVersion(db, input.asOf);
  const entries = await cachedForVersion(version.id, 'search-entries', async () =>
    entriesOf(await datasetRows(db, version)),
  );
  const hits = rankMatches(input.q, entries, input.limit).map(
    ({ terms: _terms, tier: _tier, ...hit }) => hit,
  );
  return { datasetVersion: version, query: input.q, hits };
}
