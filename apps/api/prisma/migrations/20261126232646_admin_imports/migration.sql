-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('validated', 'applied', 'discarded');

-- AlterTable
ALTER TABLE "country" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "element" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "facility" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "governance_score" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "investment" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "partnership" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "policy_measure" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "production_record" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "reserve_estimate" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "source" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "stockpile" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "trade_flow" ADD COLUMN     "rowVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "import_batch" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'validated',
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "fileErrors" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row" (
    "batchId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "import_row_pkey" PRIMARY KEY ("batchId","entity","key")
);

-- CreateTable
CREATE TABLE "import_issue" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER,
    "column" TEXT,
    "message" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,

    CONSTRAINT "import_issue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_batch_versionId_contentHash_idx" ON "import_batch"("versionId", "contentHash");

-- CreateIndex
CREATE INDEX "import_issue_batchId_severity_seq_idx" ON "import_issue"("batchId", "severity", "seq");

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "import_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_issue" ADD CONSTRAINT "import_issue_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "import_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
