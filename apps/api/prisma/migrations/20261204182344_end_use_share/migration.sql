-- CreateTable
CREATE TABLE "end_use_share" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "use" TEXT NOT NULL,
    "sectors" TEXT[],
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "share" DOUBLE PRECISION,
    "notes" TEXT,
    "sourceId" TEXT NOT NULL,
    "status" "DataStatus" NOT NULL,
    "rowVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "end_use_share_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "end_use_share_versionId_material_use_scope_year_key" ON "end_use_share"("versionId", "material", "use", "scope", "year");

-- AddForeignKey
ALTER TABLE "end_use_share" ADD CONSTRAINT "end_use_share_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "end_use_share" ADD CONSTRAINT "end_use_share_versionId_sourceId_fkey" FOREIGN KEY ("versionId", "sourceId") REFERENCES "source"("versionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Integrity (as for the other reference tables: *_integrity) ─────────────
-- The domain's EndUse values; a new use needs a migration, as a new indicator does.
ALTER TABLE "end_use_share"
  ADD CONSTRAINT "end_use_known" CHECK ("use" IN ('permanent-magnets', 'catalysts', 'polishing', 'glass',
    'ceramics', 'ceramics-glass', 'phosphors', 'metallurgy', 'batteries', 'fibre-optics', 'lasers', 'nuclear', 'medical', 'pigments',
    'other')),
  ADD CONSTRAINT "end_use_share_fraction" CHECK ("share" IS NULL OR ("share" >= 0 AND "share" <= 1)),
  ADD CONSTRAINT "end_use_year_sane" CHECK ("year" BETWEEN 1950 AND 2060);

-- Rows of a published version never change.
CREATE TRIGGER "end_use_share_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "end_use_share"
  FOR EACH ROW EXECUTE FUNCTION "ree_refuse_change_to_published_rows"();
