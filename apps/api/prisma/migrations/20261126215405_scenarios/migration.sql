-- CreateTable
CREATE TABLE "scenario" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "notes" TEXT,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "datasetVersionId" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scenario_ownerId_updatedAt_idx" ON "scenario"("ownerId", "updatedAt");

-- AddForeignKey
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "dataset_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
