// The USGS MCS data release as an upstream layout: the edition from the file's name, each record through mcsRow,
// and a report of what the file held beyond the rows imported, one warning per kind.
import type { EntityName } from '@ree/domain';
import { skippedWith, type UpstreamLayout, writtenSummary } from './upstream-csv-reader.ts';
import { editionOf, mcsRow } from './usgs-mcs.ts';

export function usgsMcsLayout(fileName: string): UpstreamLayout {
  const edition = editionOf(fileName);
  return {
    start: () =>
      edition
        ? null
        : `cannot tell the edition from the file name "${fileName}": keep USGS's name (e.g. MCS2026_Commodities_Data.csv)`,
    row: (cell) => mcsRow(cell, edition ?? ''),
    summary: (written, skipped) => mcsSummary(edition ?? '', written, skipped),
  };
}

function mcsSummary(
  edition: string,
  written: ReadonlyMap<EntityName, number>,
  skipped: ReadonlyMap<string, number>,
): string[] {
  const rows = (list: readonly (readonly [string, number])[]) => list.reduce((s, [, n]) => s + n, 0);
  const warnings = [`read as the USGS MCS data release, edition ${edition}: ${writtenSummary(written)}`];
  const chapters = skippedWith(skipped, 'commodity:');
  if (chapters.length) {
    const names = chapters.map(([k]) => k).sort();
    warnings.push(
      `skipped ${rows(chapters)} rows of ${chapters.length} other commodities (${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})`,
    );
  }
  const statistics = skippedWith(skipped, 'statistic:');
  if (statistics.length)
    warnings.push(
      `rare-earth statistics the dataset does not hold, skipped: ${statistics.map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
  const values = skippedWith(skipped, 'value:');
  if (values.length)
    warnings.push(
      `rare-earth rows without a figure, skipped: ${values.map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
  const other = [...skipped].filter(([k]) => !/^(commodity|statistic|value):/.test(k));
  if (other.length) warnings.push(`also skipped: ${other.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  return warnings;
}
