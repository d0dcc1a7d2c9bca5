-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_couple_milestone_notices" (
    "couple_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "since_date" TEXT NOT NULL,
    "posted_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("couple_id", "key", "since_date"),
    CONSTRAINT "couple_milestone_notices_couple_id_fkey" FOREIGN KEY ("couple_id") REFERENCES "couples" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_couple_milestone_notices" ("couple_id", "key", "posted_at", "since_date") SELECT "couple_id", "key", "posted_at", "since_date" FROM "couple_milestone_notices";
DROP TABLE "couple_milestone_notices";
ALTER TABLE "new_couple_milestone_notices" RENAME TO "couple_milestone_notices";
CREATE TABLE "new_milestone_notices" (
    "member_id" TEXT NOT NULL,
    "clean_date" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "told_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("member_id", "clean_date", "key"),
    CONSTRAINT "milestone_notices_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_milestone_notices" ("clean_date", "key", "member_id", "told_at") SELECT "clean_date", "key", "member_id", "told_at" FROM "milestone_notices";
DROP TABLE "milestone_notices";
ALTER TABLE "new_milestone_notices" RENAME TO "milestone_notices";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Notices claimed before this migration were attempted once and never retried: mark them delivered,
-- so no past milestone is told again.
UPDATE "milestone_notices" SET "delivered_at" = "told_at", "attempts" = 1;
UPDATE "couple_milestone_notices" SET "delivered_at" = "posted_at", "attempts" = 1;
