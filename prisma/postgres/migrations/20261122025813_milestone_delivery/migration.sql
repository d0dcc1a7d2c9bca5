-- AlterTable
ALTER TABLE "couple_milestone_notices" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "delivered_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "milestone_notices" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "delivered_at" TIMESTAMP(3);

-- Notices claimed before this migration were attempted once and never retried: mark them delivered,
-- so no past milestone is told again.
UPDATE "milestone_notices" SET "delivered_at" = "told_at", "attempts" = 1;
UPDATE "couple_milestone_notices" SET "delivered_at" = "posted_at", "attempts" = 1;
