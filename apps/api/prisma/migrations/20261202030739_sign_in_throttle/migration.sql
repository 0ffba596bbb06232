-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_lastFailureAt_idx" ON "sign_in_throttle"("lastFailureAt");
