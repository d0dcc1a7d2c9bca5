// npm run notes:reseal — re-seals every private note with the current TANDEM_ENCRYPTION_KEY, so the
// keys in TANDEM_ENCRYPTION_KEYS_OLD can be removed. Safe to run while the bot runs, and to run again.
import { loadConfig } from '../src/config.js';
import { createSealer } from '../src/crypto/sealer.js';
import { openDatabase } from '../src/db/client.js';
import { resealNotes } from '../src/db/resealNotes.js';

const result = loadConfig();
if (!result.ok) {
  console.error(['Configuration needs attention:', ...result.problems.map((p) => `  • ${p}`)].join('\n'));
  process.exit(1);
}
const { config } = result;
const db = await openDatabase(config.database);
try {
  const { checked, resealed } = await resealNotes(db, createSealer(config.encryptionKey, config.previousEncryptionKeys));
  console.log(`checked ${checked} notes, re-sealed ${resealed} with the current key`);
  console.log('Every note now opens with the current key: the earlier keys can be removed from TANDEM_ENCRYPTION_KEYS_OLD.');
} finally {
  await db.$disconnect();
}
