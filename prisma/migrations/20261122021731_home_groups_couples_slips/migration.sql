-- CreateTable
CREATE TABLE "home_groups" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guild_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "fellowship" TEXT NOT NULL,
    "channel_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'creating',
    "archived_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "home_groups_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "couples" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guild_id" TEXT NOT NULL,
    "inviter_id" TEXT NOT NULL,
    "invitee_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "invite_expires_at" DATETIME NOT NULL,
    "tag" TEXT NOT NULL,
    "channel_id" TEXT,
    "inviter_wants_channel" BOOLEAN NOT NULL DEFAULT false,
    "invitee_wants_channel" BOOLEAN NOT NULL DEFAULT false,
    "inviter_wants_resume" BOOLEAN NOT NULL DEFAULT false,
    "invitee_wants_resume" BOOLEAN NOT NULL DEFAULT false,
    "same_group_allowed" BOOLEAN NOT NULL DEFAULT false,
    "accepted_at" DATETIME,
    "paused_at" DATETIME,
    "ended_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "couples_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "couple_seats" (
    "member_id" TEXT NOT NULL PRIMARY KEY,
    "couple_id" TEXT NOT NULL,
    CONSTRAINT "couple_seats_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "couple_seats_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "couple_shares" (
    "couple_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "check_in_done" BOOLEAN NOT NULL DEFAULT false,
    "sober" BOOLEAN NOT NULL DEFAULT false,
    "streak" BOOLEAN NOT NULL DEFAULT false,
    "milestones" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("couple_id", "member_id"),
    CONSTRAINT "couple_shares_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "couple_shares_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "slips" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "member_id" TEXT NOT NULL,
    "local_date" TEXT NOT NULL,
    "restarted_clean_time" BOOLEAN NOT NULL,
    "told_partner" BOOLEAN NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "slips_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "clean_periods" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "member_id" TEXT NOT NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "clean_periods_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "milestone_notices" (
    "member_id" TEXT NOT NULL,
    "clean_date" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "told_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("member_id", "clean_date", "key"),
    CONSTRAINT "milestone_notices_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "couple_milestone_notices" (
    "couple_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "since_date" TEXT NOT NULL,
    "posted_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("couple_id", "key", "since_date"),
    CONSTRAINT "couple_milestone_notices_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_guilds" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "region" TEXT NOT NULL DEFAULT 'US',
    "language" TEXT NOT NULL DEFAULT 'en',
    "moderator_role_id" TEXT,
    "facilitator_role_id" TEXT,
    "category_id" TEXT,
    "configured_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);
INSERT INTO "new_guilds" ("created_at", "id", "region", "updated_at") SELECT "created_at", "id", "region", "updated_at" FROM "guilds";
DROP TABLE "guilds";
ALTER TABLE "new_guilds" RENAME TO "guilds";
CREATE TABLE "new_members" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guild_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "timezone" TEXT,
    "clean_date" TEXT,
    "home_group_id" TEXT,
    "announce_milestones" BOOLEAN NOT NULL DEFAULT false,
    "mat_reminder" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "members_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guilds" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "members_home_group_id_fkey" FOREIGN KEY ("home_group_id") REFERENCES "home_groups" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_members" ("clean_date", "created_at", "guild_id", "id", "timezone", "updated_at", "user_id") SELECT "clean_date", "created_at", "guild_id", "id", "timezone", "updated_at", "user_id" FROM "members";
DROP TABLE "members";
ALTER TABLE "new_members" RENAME TO "members";
CREATE INDEX "members_home_group_id_idx" ON "members"("home_group_id");
CREATE UNIQUE INDEX "members_guild_id_user_id_key" ON "members"("guild_id", "user_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
