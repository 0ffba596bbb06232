// Ranking text matches for the portal's search: how well a query names an entry (exact code or name, a prefix of
// a word, a part of it). Accents and case are folded, so "lynas", "LYNAS" and "Lÿnas" find the same entries, and
// full-width forms (Ｌｙｎａｓ) fold to their plain ones through NFKC. Only Latin diacritics are dropped: the
// voiced marks of kana (ジ) are marks too, and dropping them would turn one word into another.

/**
 * Text folded for comparison: NFKC (full-width → plain), accents removed, lower case, runs of white space as one.
 * @example foldText('  Société  ÉLÉMENTS ') // 'societe elements'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** How a query matched: a lower rank is a better match. */
export const MATCH_RANK = { exact: 0, prefix: 1, wordPrefix: 2, substring: 3 } as const;
export type MatchRank = (typeof MATCH_RANK)[keyof typeof MATCH_RANK];

/**
 * The best rank of `query` against any of `terms` (names, codes, other-language names), or null when none holds
 * it. Both sides are folded here; an empty query matches nothing.
 * @example matchRank('lyn', ['Lynas Rare Earths']) // 1 (prefix)
 * @example matchRank('rare', ['Lynas Rare Earths']) // 2 (a word's prefix)
 */
export function matchRank(query: string, terms: readonly string[]): MatchRank | null {
  const q = foldText(query);
  if (q === '') return null;
  let best: MatchRank | null = null;
  for (const term of terms) {
    const t = foldText(term);
    const at = t.indexOf(q);
    if (at < 0) continue;
    const rank: MatchRank =
      t === q
        ? MATCH_RANK.exact
        : at === 0
          ? MATCH_RANK.prefix
          : startsAWord(t, q)
            ? MATCH_RANK.wordPrefix
            : MATCH_RANK.substring;
    if (best === null || rank < best) best = rank;
  }
  return best;
}

function startsAWord(text: string, query: string): boolean {
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1))
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) return true;
  return false;
}

/**
 * Entries that match `query`, best first: by rank, then by `tier` (lower first, 0 when absent: lets a caller put
 * pages before, say, bibliography entries that match as well), then by the shorter primary term (a closer name),
 * then by the primary term alphabetically, so the order is stable. At most `limit`.
 * @example rankMatches('dy', [{ terms: ['Dysprosium', 'Dy'] }, { terms: ['Neodymium'] }], 5).length // 2
 */
export function rankMatches<T extends { terms: readonly string[]; tier?: number }>(
  query: string,
  entries: readonly T[],
  limit: number,
): T[] {
  const hits: { entry: T; rank: MatchRank; key: string }[] = [];
  for (const entry of entries) {
    const rank = matchRank(query, entry.terms);
    if (rank !== null) hits.push({ entry, rank, key: foldText(entry.terms[0] ?? '') });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.entry.tier ?? 0) - (b.entry.tier ?? 0) ||
      a.key.length - b.key.length ||
      a.key.localeCompare(b.key),
  );
  return hits.slice(0, Math.max(0, limit)).map((h) => h.entry);
}
