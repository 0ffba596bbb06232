-- DropIndex
DROP INDEX "production_record_versionId_country_stage_material_year_bas_key";

-- AlterTable
ALTER TABLE "element" ADD COLUMN     "sourceId" TEXT NOT NULL,
ADD COLUMN     "status" "DataStatus" NOT NULL;

-- CreateTable
CREATE TABLE "governance_score" (
    "versionId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "wgi" DOUBLE PRECISION NOT NULL,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "governance_score_pkey" PRIMARY KEY ("versionId","country","year")
);

-- CreateTable
CREATE TABLE "reserve_estimate" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "reserve_estimate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "facility" (
    "versionId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "products" TEXT[],
    "capacityPerYear" DOUBLE PRECISION,
    "capacityUnit" TEXT NOT NULL,
    "capacityBasis" TEXT NOT NULL,
    "operatingStatus" TEXT NOT NULL,
    "startYear" INTEGER,
    "notes" TEXT,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "facility_pkey" PRIMARY KEY ("versionId","id")
);

-- CreateTable
CREATE TABLE "trade_flow" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "importer" TEXT NOT NULL,
    "exporter" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "valueUsd" DOUBLE PRECISION,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "trade_flow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership" (
    "versionId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "partner" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "focus" TEXT,
    "parties" TEXT,
    "startDate" TEXT,
    "endDate" TEXT,
    "securesSupply" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "partnership_pkey" PRIMARY KEY ("versionId","id")
);

-- CreateTable
CREATE TABLE "investment" (
    "versionId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "investor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "location" TEXT,
    "amountUsd" DOUBLE PRECISION,
    "date" TEXT,
    "outcome" TEXT,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "investment_pkey" PRIMARY KEY ("versionId","id")
);

-- CreateTable
CREATE TABLE "policy_measure" (
    "versionId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "impact" TEXT,
    "elements" TEXT[],
    "targetCountry" TEXT,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "policy_measure_pkey" PRIMARY KEY ("versionId","id")
);

-- CreateTable
CREATE TABLE "stockpile" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "days" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,

    CONSTRAINT "stockpile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reserve_estimate_versionId_country_year_sourceId_key" ON "reserve_estimate"("versionId", "country", "year", "sourceId");

-- CreateIndex
CREATE INDEX "facility_versionId_stage_country_idx" ON "facility"("versionId", "stage", "country");

-- CreateIndex
CREATE INDEX "trade_flow_versionId_importer_year_idx" ON "trade_flow"("versionId", "importer", "year");

-- CreateIndex
CREATE INDEX "trade_flow_versionId_exporter_year_idx" ON "trade_flow"("versionId", "exporter", "year");

-- CreateIndex
CREATE UNIQUE INDEX "trade_flow_versionId_importer_exporter_material_stage_year__key" ON "trade_flow"("versionId", "importer", "exporter", "material", "stage", "year", "unit");

-- CreateIndex
CREATE INDEX "policy_measure_versionId_kind_startDate_idx" ON "policy_measure"("versionId", "kind", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "stockpile_versionId_holder_country_material_year_kind_key" ON "stockpile"("versionId", "holder", "country", "material", "year", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "production_record_versionId_country_stage_material_year_uni_key" ON "production_record"("versionId", "country", "stage", "material", "year", "unit", "basis", "projection");

-- AddForeignKey
ALTER TABLE "element" ADD CONSTRAINT "element_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "governance_score" ADD CONSTRAINT "governance_score_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "governance_score" ADD CONSTRAINT "governance_score_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "governance_score" ADD CONSTRAINT "governance_score_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "production_record" ADD CONSTRAINT "production_record_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "production_record" ADD CONSTRAINT "production_record_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reserve_estimate" ADD CONSTRAINT "reserve_estimate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reserve_estimate" ADD CONSTRAINT "reserve_estimate_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reserve_estimate" ADD CONSTRAINT "reserve_estimate_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trade_flow" ADD CONSTRAINT "trade_flow_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trade_flow" ADD CONSTRAINT "trade_flow_versionId_importer_fkey" FOREIGN KEY ("versionId", "importer") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trade_flow" ADD CONSTRAINT "trade_flow_versionId_exporter_fkey" FOREIGN KEY ("versionId", "exporter") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trade_flow" ADD CONSTRAINT "trade_flow_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_versionId_partner_fkey" FOREIGN KEY ("versionId", "partner") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment" ADD CONSTRAINT "investment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment" ADD CONSTRAINT "investment_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment" ADD CONSTRAINT "investment_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_measure" ADD CONSTRAINT "policy_measure_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_measure" ADD CONSTRAINT "policy_measure_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_measure" ADD CONSTRAINT "policy_measure_versionId_targetCountry_fkey" FOREIGN KEY ("versionId", "targetCountry") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_measure" ADD CONSTRAINT "policy_measure_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stockpile" ADD CONSTRAINT "stockpile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stockpile" ADD CONSTRAINT "stockpile_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stockpile" ADD CONSTRAINT "stockpile_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
