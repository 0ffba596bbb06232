// Public API of @ree/domain: re-exports only.
export * from './dataset/columns.ts';
export * from './dataset/csv.ts';
export * from './dataset/echo.ts';
export * from './dataset/entity-files.ts';
export * from './dataset/parse.ts';
export * from './dataset/text-problem.ts';
export * from './entities/agreements.ts';
export * from './entities/claim.ts';
export * from './entities/country.ts';
export * from './entities/element.ts';
export * from './entities/facility.ts';
export * from './entities/indicator.ts';
export * from './entities/policy.ts';
export * from './entities/price.ts';
export * from './entities/production.ts';
export * from './entities/provenance.ts';
export * from './entities/quantity.ts';
export * from './entities/stage.ts';
export * from './entities/stockpile.ts';
export * from './entities/trade.ts';
export * from './errors.ts';
export * from './indicators/eu-crm-2023.ts';
export * from './indicators/eu-supply-risk.ts';
export * from './indicators/hhi.ts';
export * from './indicators/import-reliance.ts';
export * from './indicators/restricted-share.ts';
export {
  asOfDate,
  type IsoDate,
  inForceOn,
  type RestrictionInForce,
  restrictionsInForce,
} from './method/controls.ts';
export { inForceNotes, notInForceNotes } from './method/controls-notes.ts';
export { type DatasetIndex, governanceAsOf, indexDataset } from './method/dataset-index.ts';
export { newestEditions, newestFirst, onePerCell, seriesOf } from './method/editions.ts';
export { type Freshness, freshness } from './method/freshness.ts';
export { type FoundIndicator, findIndicator } from './method/indicators.ts';
export { type FoundMix, fallbackNote, lookupMix, type MixLookup } from './method/lookup.ts';
export * from './method/materials.ts';
export * from './method/parameters.ts';
export { type AgreementCredit, type SecuredSupply, securedSupply } from './method/partners.ts';
export { type ProductionShares, productionShares, SharesQuery } from './method/production-shares.ts';
export {
  ComponentProvenance,
  type DatasetScore,
  ImportsUsed,
  ScoreQuery,
  scoreFromDataset,
} from './method/score-from-dataset.ts';
export { importYears, scoreTrend } from './method/score-trend.ts';
export { type StockpileFacts, stockpileFacts, stockpileNote } from './method/stockpile.ts';
export {
  type CellMix,
  cellMix,
  type MixMethod,
  type MixRow,
  mixConcentration,
  mixFromRows,
  type NoMix,
  OTHER_COUNTRIES,
  type SupplyMix,
  WORLD,
} from './method/supply-mix.ts';
export {
  type DatasetSupplyRisk,
  type StageSupplyRisk,
  SupplyRiskQuery,
  supplyRiskFromDataset,
  UNSCORED_WGI,
} from './method/supply-risk-from-dataset.ts';
export { RestrictedTradeFactor, type TradeFactors, tradeFactorsAsOf } from './method/trade-factors.ts';
export * from './score/chain-score.ts';
export * from './score/method.ts';
export { methodDocument, WORKED_EXAMPLE } from './score/method-document.ts';
export { BACK_TEST_ROWS, backTestEmbargo, backTestScores } from './score/method-examples.ts';
export * from './score/resilience-score.ts';
export { type ScoringContext, scoreTradeFlows } from './score/score-trade-flows.ts';
export { type ComponentSensitivity, type ScoreSensitivity, scoreSensitivity } from './score/sensitivity.ts';
export {
  DisruptionBaseline,
  DisruptionInput,
  type DisruptionResult,
  type MonthResult,
  Shock,
  ShockList,
  SupplierBaseline,
  simulateDisruption,
  UnknownSupplierError,
} from './simulation/disruption.ts';
export { SCENARIO_LIMITS } from './simulation/limits.ts';
export {
  disruptionProbability,
  GovernanceBySupplier,
  RiskInput,
  type RiskResult,
  Samples,
  simulateRisk,
} from './simulation/risk.ts';
export { createRng, type Rng } from './simulation/rng.ts';
export { runScenario, ScenarioInput, type ScenarioResult, SHOCK_PRESETS } from './simulation/scenario.ts';
export { type SyntheticDataset, type SyntheticOptions, syntheticDataset } from './synthetic.ts';
