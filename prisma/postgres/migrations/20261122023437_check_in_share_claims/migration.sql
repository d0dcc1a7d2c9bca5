-- AlterTable
ALTER TABLE "check_ins" ADD COLUMN     "shared_with_home_group_at" TIMESTAMP(3),
ADD COLUMN     "shared_with_partner_at" TIMESTAMP(3);
