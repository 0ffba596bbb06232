// The deterministic run of the draft: headline numbers, the month-by-month chart, and the downloads, in a Figure
// that cites the dataset version, base year and sources the baseline was read from (on screen and on paper).
import type { DisruptionResult } from '@ree/domain';
import { Figure, type FigureProps } from '@ree/ui';
import { DownloadCsvButton, DownloadPngButton } from '@ree/ui/downloads';
import type { ReactNode } from 'react';
import SeriesChart from '@/components/charts/series-chart';
import { fmt, type Say } from './labels';
import type { ScenarioProvenance } from './provenance';
import { scenarioCsv } from './scenario-csv';
import type { DraftInput } from './use-scenario-draft';

function Card({ label, testId, children }: { label: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <div className="score-card">
      <div>{label}</div>
      <div className="score-card__value" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

export function ResultsPanel({
  name,
  checked,
  result,
  ms,
  provenance,
  indexUnits,
  figureLabels,
  extraActions,
  say,
  locale,
}: {
  name: string;
  /** The draft's input when it passes the schema (then `result` is its run). */
  checked: DraftInput | null;
  result: DisruptionResult | null;
  ms: number | null;
  provenance: ScenarioProvenance;
  indexUnits: boolean;
  figureLabels: FigureProps['labels'];
  /** More buttons beside the downloads (export and import of the draft). */
  extraActions: ReactNode;
  say: Say;
  locale: string;
}) {
  const title = name || 'scenario';
  const year = provenance.year === null ? '' : ` · ${say('scenario.baseYear', { year: provenance.year })}`;
  const downloads =
    result && checked ? (
      <>
        <DownloadCsvButton
          label="CSV"
          filename={`${title}-series.csv`}
          doc={scenarioCsv({
            name,
            input: checked,
            series: result.series,
            provenance,
            basis: indexUnits ? 'index' : 't',
          })}
        />
        <DownloadPngButton
          label="PNG"
          targetId="scenario-series-chart"
          filename={`${title}.png`}
          // The caption (sources, version) is the figure's own, read from the page.
          provenance={{ title: `${title}: ${checked.consumer} · ${checked.material} · ${checked.stage}` }}
        />
      </>
    ) : null;
  return (
    <Figure
      id="scenario-results"
      title={`${say('scenario.results')}${year}`}
      sources={provenance.sources}
      datasetVersion={provenance.datasetVersion}
      labels={figureLabels}
      actions={
        <>
          {downloads}
          {extraActions}
        </>
      }
    >
      {!result ? (
        <p role="alert">{say('scenario.fix')}</p>
      ) : (
        <section aria-live="polite">
          <p
            className="hint"
            data-testid="compute-ms"
            data-ms={ms ?? ''}
            data-result={JSON.stringify(result)}
          >
            {say('scenario.computed', { ms: fmt(ms, locale, 2) })}
          </p>
          <div className="grid">
            <Card label={say('scenario.shortfall')} testId="total-shortfall">
              {fmt(result.totals.shortfall, locale)}
            </Card>
            <Card label={say('scenario.fromStockpile')}>{fmt(result.totals.fromStockpile, locale)}</Card>
            <Card label={say('scenario.cover')} testId="months-of-cover">
              {result.monthsOfCover === null ? say('scenario.noGap') : fmt(result.monthsOfCover, locale, 2)}
            </Card>
            <Card label={`${say('scenario.scoreBefore')} → ${say('scenario.scoreAfter')}`}>
              {fmt(result.scoreBefore?.score, locale, 0)} → {fmt(result.scoreAfter?.score, locale, 0)}
            </Card>
          </div>
          <div
            id="scenario-series-chart"
            role="img"
            aria-label={`${say('scenario.supplied')}, ${say('scenario.fromStockpile')}, ${say('scenario.shortfall')}: ${result.series.map((m) => `${m.month + 1}: ${fmt(m.shortfall, locale)}`).join('; ')}`}
          >
            <SeriesChart
              series={result.series}
              labels={{
                supplied: say('scenario.supplied'),
                fromStockpile: say('scenario.fromStockpile'),
                shortfall: say('scenario.shortfall'),
              }}
              locale={locale}
            />
          </div>
        </section>
      )}
    </Figure>
  );
}
