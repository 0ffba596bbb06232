import { DataDownloadLinks } from '@ree/ui/downloads';
import type { Translate } from '@/i18n/translate';
import { linkedAsOf } from '@/lib/as-of-server';
import { type ChartId, type ChartParams, chartDataUrls } from '@/lib/chart-data/params';

/** A figure's "Data (CSV)" and "Metadata (JSON)" links for the view's current parameters and version. */
export async function ChartDataLinks<C extends ChartId>({
  chart,
  params,
  t,
}: {
  chart: C;
  params: Partial<Record<keyof ChartParams<C>, string | number | undefined | null>>;
  t: Translate;
}) {
  const urls = chartDataUrls(chart, { ...params, asOf: await linkedAsOf() });
  return (
    <DataDownloadLinks
      csv={urls.csv}
      metadata={urls.metadata}
      labels={{ csv: t('figure.dataCsv'), metadata: t('figure.metadataJson') }}
    />
  );
}
