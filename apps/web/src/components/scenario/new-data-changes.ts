// What re-reading the baseline from a newer dataset version changes in a scenario, line by line, before anything
// is saved: each supplier's supply, demand, stockpile, and the shortfall and score of the same shocks.
import { ScenarioInput } from '@ree/domain';
import { fmt, type Say } from './labels';
import { type DraftInput, simulate } from './use-scenario-draft';

/** The draft on the fresh baseline: the analyst's shocks and settings kept, the data's numbers replaced. */
export function onFreshBaseline(
  current: DraftInput,
  fresh: Pick<DraftInput, 'baseline' | 'wgi' | 'scoreInput'>,
): DraftInput {
  return {
    ...current,
    baseline: {
      ...fresh.baseline,
      partnersFirst: current.baseline.partnersFirst,
      months: current.baseline.months,
    },
    wgi: fresh.wgi,
    scoreInput: fresh.scoreInput,
  };
}

export function newDataChanges(before: DraftInput, after: DraftInput, say: Say, locale: string): string[] {
  const lines: string[] = [];
  const was = new Map(before.baseline.suppliers.map((x) => [x.id, x.supplyPerYear]));
  const now = new Map(after.baseline.suppliers.map((x) => [x.id, x.supplyPerYear]));
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    if (was.get(id) !== now.get(id))
      lines.push(`${id}: ${fmt(was.get(id), locale)} → ${fmt(now.get(id), locale)}`);
  }
  if (before.baseline.demandPerYear !== after.baseline.demandPerYear)
    lines.push(
      `${say('scenario.demand')}: ${fmt(before.baseline.demandPerYear, locale)} → ${fmt(after.baseline.demandPerYear, locale)}`,
    );
  if (before.baseline.stockpileDays !== after.baseline.stockpileDays)
    lines.push(
      `${say('scenario.stockpile')}: ${fmt(before.baseline.stockpileDays, locale)} → ${fmt(after.baseline.stockpileDays, locale)}`,
    );
  const checkedBefore = ScenarioInput.safeParse(before);
  const checkedAfter = ScenarioInput.safeParse(after);
  if (checkedBefore.success && checkedAfter.success) {
    const [a, b] = [simulate(checkedBefore.data), simulate(checkedAfter.data)];
    lines.push(
      `${say('scenario.shortfall')}: ${fmt(a.totals.shortfall, locale)} → ${fmt(b.totals.shortfall, locale)}`,
    );
    lines.push(
      `${say('scenario.scoreAfter')}: ${fmt(a.scoreAfter?.score, locale, 0)} → ${fmt(b.scoreAfter?.score, locale, 0)}`,
    );
  }
  return lines;
}
