-- AlterTable
ALTER TABLE "scenario" ADD COLUMN     "schemaVersion" INTEGER NOT NULL DEFAULT 1;
