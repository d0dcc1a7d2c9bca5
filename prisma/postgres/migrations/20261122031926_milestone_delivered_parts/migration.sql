-- AlterTable
ALTER TABLE "milestone_notices" ADD COLUMN     "delivered_parts" TEXT NOT NULL DEFAULT '';
