// The public API, written down: what `import … from '@ree/domain'` offers at run time. A change here is a change to
// the published package — deliberate, with a changeset (see README.md, "Releasing").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';

const PUBLIC_VALUES = `
  ArticleClaim Basis CHAIN_STAGES COMPANY_SUPPLIER_COLUMNS COMPANY_UPLOAD_SOURCE COMPONENT_INFO COUNTRY_COLUMNS
  COMPANY_UPLOAD_LIMITS readCompanySuppliers CapacityKind CellError CompanySupplier ComponentId companyCells companyImports scoreCompanyMix
  EU27 EU27_IMPORTS_NOTE EU27_MEMBERS indicatorScopeOf isEuMember isInternalSupply
  ComponentProvenance Country CsvParser CsvSyntaxError DEFAULT_WEIGHTS DataStatus DatasetRowError
  DisruptionBaseline DisruptionInput DisruptionResult DomainError ENTITY_FILES ENTITY_NAMES EU_CRM_2023 Element
  ElementGroup ElementSymbol FALLBACK_QUALITY FULL_STOCKPILE_DAYS Facility FacilityStage FacilityStatus
  GovernanceBySupplier GovernanceScore ImportsUsed IndicatorName InvalidSupplyError Investment
  InvestmentType Iso3 MATCH_RANK MonthResult MATERIAL_ELEMENTS MAX_ECHO_CHARS MAX_ECHO_ITEMS MAX_FIELD_CHARS MAX_FIGURE_AGE_YEARS
  MAX_RECORD_CHARS MAX_STAND_IN_AGE_YEARS MAX_UNSCORED_GOVERNANCE_SHARE METHOD_VERSION MIN_COVERAGE
  Material MaterialIndicator MissingComponent MixedBasisError OTHER_COUNTRIES PROXY_QUALITY Partnership
  PolicyKind PolicyMeasure PricePoint ProductionRecord Provenance QUALITY_LOST_PER_YEAR Quantity Redistribution
  RESTRICTING_KINDS Region ReserveEstimate ResilienceInput ResilienceScore RestrictedTradeFactor RiskInput
  RiskResult RiskSampling SCENARIO_SCHEMA_VERSION ScenarioResult StoredScenarioError readStoredScenario
  SCENARIO_LIMITS SCENARIO_MATERIALS SHOCK_PRESETS STATUS_QUALITY Samples ScenarioInput ScoreComponent ScoreQuery SharesQuery
  Shock ShockList Source SourceId Stage Stockpile StockpileKind SupplierBaseline SupplyRiskQuery TradeFlow
  UNSCORED_WGI Unit UnknownSupplierError WORKED_EXAMPLE WORLD Weights Year asOfDate cellMix chainScore
  checkHeader createRng dataMaterials datasetFrom disruptionProbability echo echoList elementsOf
  euSupplyRisk euSupplyRiskBottleneck freshness hhi hhiBand hhiWgi importReliance importYears inForceOn
  keyOf methodDocument mixConcentration mixFromRows newestEditions notInForceNotes onePerCell parseCsv
  parseDataset parseEntityCsv productionShares productsCovering redistributable reproduceEuCrm2023 resilienceScore
  resilienceScoreValue restrictionsInForce rowFromCells runScenario scoreFromDataset scoreSensitivity
  scoreTradeFlows scoreTrend securedSupply shareFrom shares simulateDisruption simulateRisk stockpileFacts
  splitByLicence sumTonnes supplyRiskFromDataset foldText matchRank rankMatches mentionsCompany operatorCompanies
  operatorShortName operatorSlug syntheticDataset textProblem topShare tradeFactorsAsOf wgiToEuScale
  withheldReason withheldSources withheldSummary
  DemandProfile DemandScope DemandUse demandProfile EndUse EndUseShare EndUseShareFields Sector
`
  .trim()
  .split(/\s+/);

describe('public API', () => {
  it('exports exactly the listed values, none of the internal helpers', () => {
    expect(Object.keys(api).sort()).toEqual([...PUBLIC_VALUES].sort());
    for (const internal of ['indexDataset', 'lookupMix', 'fallbackNote', 'convertCell', 'backTestScores'])
      expect(api).not.toHaveProperty(internal);
  });

  it('names every export in index.ts, so a new module adds nothing by accident', () => {
    const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    expect(index).not.toMatch(/export \*/);
  });
});
