-- AlterTable
ALTER TABLE "dataset_version" ADD COLUMN     "publishedBy" TEXT;

-- Who published a version is part of what may never change once it is published.
CREATE OR REPLACE FUNCTION "ree_guard_published_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'published' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'a published dataset version cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW."status" IS DISTINCT FROM OLD."status" OR NEW."label" IS DISTINCT FROM OLD."label"
       OR NEW."datasetId" IS DISTINCT FROM OLD."datasetId" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
       OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" OR NEW."note" IS DISTINCT FROM OLD."note"
       OR NEW."publishedBy" IS DISTINCT FROM OLD."publishedBy" THEN
      RAISE EXCEPTION 'a published dataset version is immutable; only "isCurrent" may change'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
