-- AlterTable
ALTER TABLE "check_ins" ADD COLUMN "shared_with_home_group_at" DATETIME;
ALTER TABLE "check_ins" ADD COLUMN "shared_with_partner_at" DATETIME;
