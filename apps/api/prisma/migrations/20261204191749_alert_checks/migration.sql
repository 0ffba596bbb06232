-- CreateTable
CREATE TABLE "alert_check" (
    "versionId" TEXT NOT NULL,
    "previousId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "alert_check_pkey" PRIMARY KEY ("versionId")
);

-- AddForeignKey
ALTER TABLE "alert_check" ADD CONSTRAINT "alert_check_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
