-- CreateTable
CREATE TABLE "company_mix" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "company_mix_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "company_supplier" (
    "id" TEXT NOT NULL,
    "mixId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "country" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,

    CONSTRAINT "company_supplier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "company_mix_ownerId_updatedAt_idx" ON "company_mix"("ownerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "company_supplier_mixId_country_material_stage_year_unit_key" ON "company_supplier"("mixId", "country", "material", "stage", "year", "unit");

-- AddForeignKey
ALTER TABLE "company_mix" ADD CONSTRAINT "company_mix_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_supplier" ADD CONSTRAINT "company_supplier_mixId_fkey" FOREIGN KEY ("mixId") REFERENCES "company_mix"("id") ON DELETE CASCADE ON UPDATE CASCADE;
