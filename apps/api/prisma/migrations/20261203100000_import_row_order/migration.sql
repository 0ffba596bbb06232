-- The draft checks walk a batch's staged rows in file order a few thousand at a time (keyset on file, line), so no
-- statement touches the whole upload; this index makes each step a range scan.
CREATE INDEX "import_row_batchId_entity_file_line_idx" ON "import_row"("batchId", "entity", "file", "line");
