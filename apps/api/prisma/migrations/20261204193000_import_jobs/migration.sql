-- CreateEnum
CREATE TYPE "ImportJobState" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "import_job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "batchId" TEXT,
    "fileName" TEXT NOT NULL,
    "entity" TEXT,
    "state" "ImportJobState" NOT NULL DEFAULT 'queued',
    "duplicate" BOOLEAN NOT NULL DEFAULT false,
    "totalBytes" INTEGER NOT NULL DEFAULT 0,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsValidated" INTEGER NOT NULL DEFAULT 0,
    "rowsApplied" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdByIp" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_job_chunk" (
    "jobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "import_job_chunk_pkey" PRIMARY KEY ("jobId","seq")
);

-- CreateIndex
CREATE INDEX "import_job_state_createdAt_idx" ON "import_job"("state", "createdAt");

-- CreateIndex
CREATE INDEX "import_job_batchId_idx" ON "import_job"("batchId");

-- AddForeignKey
ALTER TABLE "import_job_chunk" ADD CONSTRAINT "import_job_chunk_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
