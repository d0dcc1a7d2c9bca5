-- CreateEnum
CREATE TYPE "HomeGroupStatus" AS ENUM ('creating', 'active', 'archived');

-- CreateEnum
CREATE TYPE "CoupleStatus" AS ENUM ('invited', 'active', 'paused', 'declined', 'expired', 'ended');

-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "category_id" TEXT,
ADD COLUMN     "configured_at" TIMESTAMP(3),
ADD COLUMN     "facilitator_role_id" TEXT,
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "moderator_role_id" TEXT;

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "announce_milestones" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "home_group_id" TEXT,
ADD COLUMN     "mat_reminder" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "home_groups" (
    "id" TEXT NOT NULL,
    "guild_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "fellowship" TEXT NOT NULL,
    "channel_id" TEXT,
    "status" "HomeGroupStatus" NOT NULL DEFAULT 'creating',
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "home_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "couples" (
    "id" TEXT NOT NULL,
    "guild_id" TEXT NOT NULL,
    "inviter_id" TEXT NOT NULL,
    "invitee_id" TEXT NOT NULL,
    "status" "CoupleStatus" NOT NULL DEFAULT 'invited',
    "invite_expires_at" TIMESTAMP(3) NOT NULL,
    "tag" TEXT NOT NULL,
    "channel_id" TEXT,
    "inviter_wants_channel" BOOLEAN NOT NULL DEFAULT false,
    "invitee_wants_channel" BOOLEAN NOT NULL DEFAULT false,
    "inviter_wants_resume" BOOLEAN NOT NULL DEFAULT false,
    "invitee_wants_resume" BOOLEAN NOT NULL DEFAULT false,
    "same_group_allowed" BOOLEAN NOT NULL DEFAULT false,
    "accepted_at" TIMESTAMP(3),
    "paused_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "couples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "couple_seats" (
    "member_id" TEXT NOT NULL,
    "couple_id" TEXT NOT NULL,

    CONSTRAINT "couple_seats_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "couple_shares" (
    "couple_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "check_in_done" BOOLEAN NOT NULL DEFAULT false,
    "sober" BOOLEAN NOT NULL DEFAULT false,
    "streak" BOOLEAN NOT NULL DEFAULT false,
    "milestones" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "couple_shares_pkey" PRIMARY KEY ("couple_id","member_id")
);

-- CreateTable
CREATE TABLE "slips" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "local_date" TEXT NOT NULL,
    "restarted_clean_time" BOOLEAN NOT NULL,
    "told_partner" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slips_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clean_periods" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clean_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone_notices" (
    "member_id" TEXT NOT NULL,
    "clean_date" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "told_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_notices_pkey" PRIMARY KEY ("member_id","clean_date","key")
);

-- CreateTable
CREATE TABLE "couple_milestone_notices" (
    "couple_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "since_date" TEXT NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "couple_milestone_notices_pkey" PRIMARY KEY ("couple_id","key","since_date")
);

-- CreateIndex
CREATE UNIQUE INDEX "home_groups_guild_id_name_key_key" ON "home_groups"("guild_id", "name_key");

-- CreateIndex
CREATE INDEX "couples_guild_id_status_idx" ON "couples"("guild_id", "status");

-- CreateIndex
CREATE INDEX "couple_seats_couple_id_idx" ON "couple_seats"("couple_id");

-- CreateIndex
CREATE INDEX "slips_member_id_local_date_idx" ON "slips"("member_id", "local_date");

-- CreateIndex
CREATE INDEX "clean_periods_member_id_idx" ON "clean_periods"("member_id");

-- CreateIndex
CREATE INDEX "members_home_group_id_idx" ON "members"("home_group_id");

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_home_group_id_fkey" FOREIGN KEY ("home_group_id") REFERENCES "home_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "home_groups" ADD CONSTRAINT "home_groups_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "couples" ADD CONSTRAINT "couples_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "couple_seats" ADD CONSTRAINT "couple_seats_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "couple_seats" ADD CONSTRAINT "couple_seats_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "couple_shares" ADD CONSTRAINT "couple_shares_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "couple_shares" ADD CONSTRAINT "couple_shares_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slips" ADD CONSTRAINT "slips_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clean_periods" ADD CONSTRAINT "clean_periods_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_notices" ADD CONSTRAINT "milestone_notices_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "couple_milestone_notices" ADD CONSTRAINT "couple_milestone_notices_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples"("id") ON DELETE CASCADE ON UPDATE CASCADE;
