// Public API of @ree/domain: re-exports only.
export * from './entities/agreements.ts';
export * from './entities/country.ts';
export * from './entities/element.ts';
export * from './entities/facility.ts';
export * from './entities/policy.ts';
export * from './entities/production.ts';
export * from './entities/provenance.ts';
export * from './entities/quantity.ts';
export * from './entities/stage.ts';
export * from './entities/stockpile.ts';
export * from './entities/trade.ts';
export * from './errors.ts';
export * from './indicators/eu-supply-risk.ts';
export * from './indicators/hhi.ts';
export * from './indicators/import-reliance.ts';
export * from './indicators/restricted-share.ts';
export * from './score/chain-score.ts';
export * from './score/method.ts';
export { methodDocument, WORKED_EXAMPLE } from './score/method-document.ts';
export * from './score/resilience-score.ts';
export { type ScoringContext, scoreTradeFlows } from './score/score-trade-flows.ts';
export {
  DisruptionBaseline,
  DisruptionInput,
  type DisruptionResult,
  type MonthResult,
  Shock,
  SupplierBaseline,
  simulateDisruption,
  UnknownSupplierError,
} from './simulation/disruption.ts';
export { disruptionProbability, RiskInput, type RiskResult, simulateRisk } from './simulation/risk.ts';
export { createRng, type Rng } from './simulation/rng.ts';
export { runScenario, ScenarioInput, type ScenarioResult, SHOCK_PRESETS } from './simulation/scenario.ts';
export { type SyntheticDataset, type SyntheticOptions, syntheticDataset } from './synthetic.ts';
