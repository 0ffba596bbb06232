// GET /charts/<chart>/data.csv?… and /charts/<chart>/metadata.json?…: a chart's data and its description, for the
// view's parameters (lib/chart-data). The API decides who may read (signed in) and what; this checks the
// parameters, shapes the answer and leaves out what the licence rule withholds.
import { TRPCClientError } from '@trpc/client';
import { serverEnv } from '@/env';
import { ApiUnavailableError } from '@/lib/api-server';
import { loadChart } from '@/lib/chart-data/load';
import { chartDataUrls, chartPageUrl, isChartId, parseChartParams } from '@/lib/chart-data/params';
import { type ChartTable, chartCsv, chartMetadata } from '@/lib/chart-data/table';

export const dynamic = 'force-dynamic';

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The API's refusal in the words a person fetching a URL can act on. */
function refusal(error: unknown): Response | null {
  if (error instanceof ApiUnavailableError) return text(error.status, error.message);
  if (!(error instanceof TRPCClientError)) return null;
  switch (error.data?.code) {
    case 'UNAUTHORIZED':
      return text(401, 'Sign in to download chart data.');
    case 'FORBIDDEN':
      return text(403, error.message);
    case 'NOT_FOUND':
      return text(404, error.message);
    case 'BAD_REQUEST':
      return text(400, error.message);
    case 'TOO_MANY_REQUESTS':
      return text(429, error.message);
    case 'SERVICE_UNAVAILABLE':
      return text(503, error.message);
    default:
      return null;
  }
}

export async function GET(request: Request, context: { params: Promise<{ chart: string; file: string }> }) {
  const { chart, file } = await context.params;
  if (!isChartId(chart) || (file !== 'data.csv' && file !== 'metadata.json'))
    return text(
      404,
      'No such chart download: use /charts/<chart>/data.csv or /charts/<chart>/metadata.json.',
    );
  const parsed = parseChartParams(chart, new URL(request.url).searchParams);
  if (!parsed.ok) return text(400, `Bad parameter: ${parsed.problem}`);
  let table: ChartTable;
  try {
    table = await loadChart(chart, parsed.params);
  } catch (error) {
    const answer = refusal(error);
    if (answer) return answer;
    throw error;
  }
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (file === 'data.csv') {
    return new Response(chartCsv(table), {
      headers: {
        ...headers,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${chart}.csv"`,
      },
    });
  }
  const origin = serverEnv.PUBLIC_ORIGIN.replace(/\/$/, '');
  const urls = chartDataUrls(chart, parsed.params as Record<string, string | number | undefined>);
  const metadata = chartMetadata(
    table,
    chart,
    parsed.params,
    {
      csv: `${origin}${urls.csv}`,
      metadata: `${origin}${urls.metadata}`,
      page: `${origin}${chartPageUrl(chart, parsed.params)}`,
    },
    new Date().toISOString().slice(0, 10),
  );
  return new Response(`${JSON.stringify(metadata, null, 2)}\n`, {
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
  });
}
