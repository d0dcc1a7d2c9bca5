-- AlterTable
ALTER TABLE "couples" ADD COLUMN "channel_claimed_at" DATETIME;
