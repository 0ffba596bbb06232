-- CreateEnum
CREATE TYPE "WatchKind" AS ENUM ('score_below', 'hhi_above', 'new_export_control');

-- CreateTable
CREATE TABLE "watch" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" "WatchKind" NOT NULL,
    "params" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "watch_notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "watchId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "watch_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_settings" (
    "userId" TEXT NOT NULL,
    "emailDigest" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_settings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "watch_ownerId_createdAt_idx" ON "watch"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "watch_notification_userId_createdAt_idx" ON "watch_notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "watch_notification_watchId_versionId_key" ON "watch_notification"("watchId", "versionId");

-- AddForeignKey
ALTER TABLE "watch" ADD CONSTRAINT "watch_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_notification" ADD CONSTRAINT "watch_notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_notification" ADD CONSTRAINT "watch_notification_watchId_fkey" FOREIGN KEY ("watchId") REFERENCES "watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_notification" ADD CONSTRAINT "watch_notification_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
