// Finishes a key rotation: every note sealed with an earlier key is opened and sealed again with the
// current one, in small batches, each row only if it did not change meanwhile. Notes are never logged.
import type { Sealer } from '../services/ports.js';
import type { Db } from './client.js';

export async function resealNotes(db: Db, sealer: Sealer, batchSize = 200): Promise<{ checked: number; resealed: number }> {
  let checked = 0;
  let resealed = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.checkIn.findMany({
      where: { noteSealed: { not: null }, ...(cursor && { id: { gt: cursor } }) },
      select: { id: true, noteSealed: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return { checked, resealed };
    for (const row of rows) {
      checked += 1;
      if (!row.noteSealed || sealer.isCurrent(row.noteSealed)) continue;
      const fresh = sealer.seal(sealer.open(row.noteSealed));
      const updated = await db.checkIn.updateMany({ where: { id: row.id, noteSealed: row.noteSealed }, data: { noteSealed: fresh } });
      resealed += updated.count;
    }
    cursor = rows.at(-1)!.id;
  }
}
