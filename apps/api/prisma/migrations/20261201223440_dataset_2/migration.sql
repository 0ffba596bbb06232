-- DropIndex
DROP INDEX "production_record_versionId_country_stage_material_year_uni_key";

-- AlterTable
ALTER TABLE "facility" ADD COLUMN     "capacityKind" TEXT,
ADD COLUMN     "capacityProduct" TEXT,
ADD COLUMN     "endYear" INTEGER,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "partnership" ADD COLUMN     "materials" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "supplierCountries" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "policy_measure" ADD COLUMN     "effectiveOn" TEXT,
ADD COLUMN     "suspendedOn" TEXT,
ADD COLUMN     "suspendedUntil" TEXT;

-- AlterTable
ALTER TABLE "source" ADD COLUMN     "series" TEXT,
ADD COLUMN     "staleAfterDays" INTEGER;

-- AlterTable
ALTER TABLE "stockpile" ADD COLUMN     "notes" TEXT,
ALTER COLUMN "days" DROP NOT NULL;

-- CreateTable
CREATE TABLE "material_indicator" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "stage" TEXT,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,
    "rowVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "material_indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_point" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "currency" TEXT NOT NULL,
    "per" TEXT NOT NULL,
    "low" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,
    "rowVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "price_point_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_claim" (
    "versionId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "country" TEXT,
    "finding" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "related" TEXT[],
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,
    "rowVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "article_claim_pkey" PRIMARY KEY ("versionId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "material_indicator_versionId_material_indicator_scope_year_key" ON "material_indicator"("versionId", "material", "indicator", "scope", "year");

-- CreateIndex
CREATE UNIQUE INDEX "price_point_versionId_material_form_market_year_sourceId_key" ON "price_point"("versionId", "material", "form", "market", "year", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "production_record_versionId_country_stage_material_year_uni_key" ON "production_record"("versionId", "country", "stage", "material", "year", "unit", "basis", "projection", "sourceId");

-- AddForeignKey
ALTER TABLE "material_indicator" ADD CONSTRAINT "material_indicator_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_indicator" ADD CONSTRAINT "material_indicator_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_point" ADD CONSTRAINT "price_point_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_point" ADD CONSTRAINT "price_point_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_claim" ADD CONSTRAINT "article_claim_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_claim" ADD CONSTRAINT "article_claim_versionId_country_fkey" FOREIGN KEY ("versionId", "country") REFERENCES "country"("versionId", "iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_claim" ADD CONSTRAINT "article_claim_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
