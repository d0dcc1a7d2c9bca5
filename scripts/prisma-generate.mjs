#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) without network access.
// `prisma generate` only checks that a schema engine executable exists, so we name our offline one.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const prisma = `${root}node_modules/.bin/prisma`;
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: `${root}scripts/prisma-engine/schema-engine.mjs`,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
  execFileSync(prisma, ['generate', '--schema', schema], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}
console.log('generated Prisma clients for SQLite and PostgreSQL');
