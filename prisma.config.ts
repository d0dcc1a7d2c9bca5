// Prisma CLI configuration. DATABASE_URL selects the provider: a postgresql:// URL uses the
// generated PostgreSQL schema and its migrations; anything else is the SQLite default.
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const DEFAULT_SQLITE_URL = 'file:./data/tandem.db';
const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
const postgres = /^postgres(ql)?:\/\//.test(url);

// Prisma's CLI otherwise downloads a native schema engine, which is unreachable offline.
// This executable speaks the native engine's JSON-RPC and forwards to Prisma's WASM engine from npm.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./scripts/prisma-engine/schema-engine.mjs', import.meta.url));
process.env.CHECKPOINT_DISABLE ??= '1';

export default defineConfig({
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: { url },
});
