// The sources' own file layouts the import recognises by their header line, before our own CSV layout.
import { comtradeLayout, isComtradeHeader } from './comtrade.ts';
import type { UpstreamLayout } from './upstream-csv-reader.ts';
import { isUsgsMcsHeader } from './usgs-mcs.ts';
import { usgsMcsLayout } from './usgs-mcs-layout.ts';

/** The layout whose header `firstLine` is, or null for our own CSV layout. */
export function upstreamLayoutFor(firstLine: string, fileName: string): UpstreamLayout | null {
  // USGS's data release: one file, every chapter; its rare-earth rows become several tables' rows.
  if (isUsgsMcsHeader(firstLine)) return usgsMcsLayout(fileName);
  // A UN Comtrade export: imports by partner and HS code.
  if (isComtradeHeader(firstLine)) return comtradeLayout(fileName);
  return null;
}
