-- New batches start as "staging"; existing ones keep their status.
ALTER TABLE "import_batch" ALTER COLUMN "status" SET DEFAULT 'staging';

-- A draft's generation moves on with every change to its rows; a batch records the one it was validated against,
-- so an apply after another import or an edit is refused instead of writing over rows it never saw.
ALTER TABLE "dataset_version" ADD COLUMN "draftGeneration" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "import_batch" ADD COLUMN "draftGeneration" INTEGER,
  ADD COLUMN "errors" INTEGER NOT NULL DEFAULT 0;

-- Batches validated before generations existed agree with the draft as it is now (generation 0).
UPDATE "import_batch" SET "draftGeneration" = 0 WHERE "status" = 'validated';
UPDATE "import_batch" b SET "errors" = (SELECT count(*) FROM "import_issue" i WHERE i."batchId" = b."id" AND i."severity" = 'error');
