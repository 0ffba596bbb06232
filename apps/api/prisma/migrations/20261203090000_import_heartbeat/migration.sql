-- A batch whose staging process died (kill -9, a restart) is swept to "failed" once its heartbeat is too old.
ALTER TYPE "ImportStatus" ADD VALUE 'failed';

ALTER TABLE "import_batch" ADD COLUMN "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "import_batch_status_heartbeatAt_idx" ON "import_batch"("status", "heartbeatAt");
