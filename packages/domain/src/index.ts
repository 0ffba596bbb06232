// Public API of @ree/domain: an explicit list, so nothing internal is exported by accident.
// Helpers that only serve other functions (dataset indexes, mix look-ups, note builders, METHOD.md back-tests)
// stay importable inside the package from their own files, not from here.
export { CellError, type Column, type ColumnType } from './dataset/columns.ts';
export {
  COMPANY_UPLOAD_LIMITS,
  type CompanySupplierLine,
  readCompanySuppliers,
  type UploadIssue,
} from './dataset/company-suppliers.ts';
export {
  CsvParser,
  type CsvRecord,
  CsvSyntaxError,
  MAX_FIELD_CHARS,
  MAX_RECORD_CHARS,
  parseCsv,
} from './dataset/csv.ts';
export { echo, echoList, MAX_ECHO_CHARS, MAX_ECHO_ITEMS } from './dataset/echo.ts';
export {
  COUNTRY_COLUMNS,
  type DatasetRows,
  ENTITY_FILES,
  ENTITY_NAMES,
  type EntityName,
  type RowsOf,
} from './dataset/entity-files.ts';
export {
  checkHeader,
  type DatasetLines,
  DatasetRowError,
  datasetFrom,
  keyOf,
  parseDataset,
  parseEntityCsv,
  type RowResult,
  rowFromCells,
} from './dataset/parse.ts';
export { type TextProblem, textProblem } from './dataset/text-problem.ts';
export { Investment, InvestmentType, Partnership } from './entities/agreements.ts';
export { ArticleClaim } from './entities/claim.ts';
export { COMPANY_SUPPLIER_COLUMNS, CompanySupplier } from './entities/company-supplier.ts';
export { Country, GovernanceScore, Iso3, Region, wgiToEuScale } from './entities/country.ts';
export { Element, ElementGroup, ElementSymbol, Material } from './entities/element.ts';
export { EndUse, EndUseShare, EndUseShareFields, Sector } from './entities/end-use.ts';
export { CapacityKind, Facility, FacilityStage, FacilityStatus } from './entities/facility.ts';
export { IndicatorName, MaterialIndicator } from './entities/indicator.ts';
export { PolicyKind, PolicyMeasure, RESTRICTING_KINDS } from './entities/policy.ts';
export { PricePoint } from './entities/price.ts';
export { ProductionRecord, ReserveEstimate, Year } from './entities/production.ts';
export { DataStatus, Provenance, Redistribution, Source, SourceId } from './entities/provenance.ts';
export { Basis, Quantity, sumTonnes, Unit } from './entities/quantity.ts';
export { CHAIN_STAGES, Stage } from './entities/stage.ts';
export { Stockpile, StockpileKind } from './entities/stockpile.ts';
export { TradeFlow } from './entities/trade.ts';
export { DomainError, InvalidSupplyError, MixedBasisError } from './errors.ts';
export {
  EU_CRM_2023,
  type EuCrm2023Reproduction,
  type EuCrm2023Row,
  reproduceEuCrm2023,
} from './indicators/eu-crm-2023.ts';
export {
  type EuStage,
  type EuSupplyRisk,
  type EuSupplyRiskInput,
  euSupplyRisk,
  euSupplyRiskBottleneck,
  hhiWgi,
} from './indicators/eu-supply-risk.ts';
export { type HhiBand, hhi, hhiBand, type Supply, shares, topShare } from './indicators/hhi.ts';
export { importReliance, type TradeBalance } from './indicators/import-reliance.ts';
export { shareFrom } from './indicators/restricted-share.ts';
export {
  type LicensedSource,
  redistributable,
  splitByLicence,
  type WithheldSource,
  withheldReason,
  withheldSources,
  withheldSummary,
} from './licence/redistribution.ts';
export {
  COMPANY_UPLOAD_SOURCE,
  type CompanyScoreQuery,
  companyCells,
  companyImports,
  scoreCompanyMix,
} from './method/company-score.ts';
export {
  asOfDate,
  type IsoDate,
  inForceOn,
  type RestrictionInForce,
  restrictionsInForce,
} from './method/controls.ts';
export { notInForceNotes } from './method/controls-notes.ts';
export { DemandProfile, DemandScope, DemandUse, demandProfile } from './method/demand-profile.ts';
export { newestEditions, onePerCell } from './method/editions.ts';
export { type Freshness, freshness } from './method/freshness.ts';
export type { FoundMix } from './method/lookup.ts';
export {
  type DataMaterial,
  dataMaterials,
  elementsOf,
  type FallbackLevel,
  MATERIAL_ELEMENTS,
  productsCovering,
} from './method/materials.ts';
export {
  FALLBACK_QUALITY,
  MAX_FIGURE_AGE_YEARS,
  MAX_STAND_IN_AGE_YEARS,
  PROXY_QUALITY,
  QUALITY_LOST_PER_YEAR,
  STATUS_QUALITY,
} from './method/parameters.ts';
export { type AgreementCredit, type SecuredSupply, securedSupply } from './method/partners.ts';
export { type ProductionShares, productionShares, SharesQuery } from './method/production-shares.ts';
export {
  ComponentProvenance,
  type DatasetScore,
  EU27_IMPORTS_NOTE,
  ImportsUsed,
  ScoreQuery,
  scoreFromDataset,
} from './method/score-from-dataset.ts';
export { importYears, scoreTrend } from './method/score-trend.ts';
export { type StockpileFacts, stockpileFacts } from './method/stockpile.ts';
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
export { EU27, EU27_MEMBERS, indicatorScopeOf, isEuMember, isInternalSupply } from './region/eu27.ts';
export { type ChainScore, chainScore } from './score/chain-score.ts';
export {
  COMPONENT_INFO,
  ComponentId,
  DEFAULT_WEIGHTS,
  FULL_STOCKPILE_DAYS,
  MAX_UNSCORED_GOVERNANCE_SHARE,
  METHOD_VERSION,
  MIN_COVERAGE,
  Weights,
} from './score/method.ts';
export { methodDocument } from './score/method-document.ts';
export { WORKED_EXAMPLE } from './score/method-examples.ts';
export { ResilienceInput } from './score/resilience-input-schema.ts';
export {
  type InputValue,
  MissingComponent,
  ResilienceScore,
  type ResilienceScoreValue,
  resilienceScore,
  resilienceScoreValue,
  ScoreComponent,
} from './score/resilience-score.ts';
export { type ScoringContext, scoreTradeFlows } from './score/score-trade-flows.ts';
export { type ComponentSensitivity, type ScoreSensitivity, scoreSensitivity } from './score/sensitivity.ts';
export {
  mentionsCompany,
  operatorCompanies,
  operatorShortName,
  operatorSlug,
} from './search/operators.ts';
export { foldText, MATCH_RANK, type MatchRank, matchRank, rankMatches } from './search/text-rank.ts';
export {
  DisruptionBaseline,
  DisruptionInput,
  DisruptionResult,
  MonthResult,
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
  RiskResult,
  RiskSampling,
  Samples,
  simulateRisk,
} from './simulation/risk.ts';
export { createRng, type Rng } from './simulation/rng.ts';
export {
  runScenario,
  SCENARIO_MATERIALS,
  ScenarioInput,
  ScenarioResult,
  SHOCK_PRESETS,
} from './simulation/scenario.ts';
export {
  readStoredScenario,
  SCENARIO_SCHEMA_VERSION,
  StoredScenarioError,
} from './simulation/stored-scenario.ts';
export { type SyntheticDataset, type SyntheticOptions, syntheticDataset } from './synthetic.ts';
