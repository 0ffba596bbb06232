-- AlterTable
ALTER TABLE "source" ADD COLUMN     "redistribution" TEXT;

-- Only the three values the domain knows (packages/domain, Redistribution); NULL means "not said" and is withheld.
ALTER TABLE "source" ADD CONSTRAINT "source_redistribution_known"
  CHECK ("redistribution" IS NULL OR "redistribution" IN ('open', 'facts-quoted', 'withheld'));

-- Versions stored before this column: the same decision the shipped sources.csv now writes down (DATA.md,
-- "Redistribution"), so their downloads are not empty. Published rows are immutable, so the guard is lifted for
-- this one statement and only this column changes.
ALTER TABLE "source" DISABLE TRIGGER "source_published_immutable";
UPDATE "source" SET "redistribution" = CASE
    WHEN "id" IN ('argus-europe-2025-09-25', 'argus-gmteight-2025-05-09', 'benchmark-2025-07', 'fastmarkets-2024', 'smm-2026-01')
      THEN 'withheld'
    WHEN "licence" ~* '(public domain|cc by|free reuse|\(mit\))' THEN 'open'
    WHEN "licence" LIKE '©%' OR "id" = 'seed-article' THEN 'facts-quoted'
    ELSE NULL
  END
  WHERE "redistribution" IS NULL;
ALTER TABLE "source" ENABLE TRIGGER "source_published_immutable";
