import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../../src/crypto/sealer.js';
import type { Db } from '../../src/db/client.js';
import { resealNotes } from '../../src/db/resealNotes.js';
import { availableProviders, openTestDb } from '../support/databases.js';
import { snowflake } from '../support/fakes.js';

describe.each(availableProviders())('finishing a key rotation on %s', (provider) => {
  let db: Db;
  let destroy: () => Promise<void>;
  beforeAll(async () => ({ db, destroy } = await openTestDb(provider)));
  afterAll(async () => destroy?.());

  it('re-seals every old note with the current key, so the old key can go', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = createSealer(oldKey);
    const member = await db.member.create({ data: { userId: snowflake(), guild: { create: { id: snowflake() } } } });
    for (let day = 1; day <= 5; day += 1) {
      await db.checkIn.create({ data: { memberId: member.id, localDate: `2026-11-0${day}`, sober: true, noteSealed: before.seal(`note ${day}`) } });
    }
    const rotating = createSealer(newKey, [oldKey]);
    await db.checkIn.update({ where: { memberId_localDate: { memberId: member.id, localDate: '2026-11-05' } }, data: { noteSealed: rotating.seal('note 5') } });

    expect(await resealNotes(db, rotating, 2)).toEqual({ checked: 5, resealed: 4 });
    expect(await resealNotes(db, rotating, 2)).toEqual({ checked: 5, resealed: 0 });

    const onlyNewKey = createSealer(newKey);
    const rows = await db.checkIn.findMany({ where: { memberId: member.id }, orderBy: { localDate: 'asc' } });
    expect(rows.map((row) => onlyNewKey.open(row.noteSealed!))).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
  });
});
