-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_milestone_notices" (
    "member_id" TEXT NOT NULL,
    "clean_date" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "told_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "delivered_parts" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("member_id", "clean_date", "key"),
    CONSTRAINT "milestone_notices_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_milestone_notices" ("attempts", "clean_date", "delivered_at", "key", "member_id", "told_at") SELECT "attempts", "clean_date", "delivered_at", "key", "member_id", "told_at" FROM "milestone_notices";
DROP TABLE "milestone_notices";
ALTER TABLE "new_milestone_notices" RENAME TO "milestone_notices";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
