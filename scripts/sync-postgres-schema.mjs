#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from the hand-edited SQLite schema.
// One Prisma schema has one provider, so PostgreSQL gets a generated copy.
// `--check` exits 1 when the copy is stale (CI runs it).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourcePath = `${root}prisma/schema.prisma`;
const targetPath = `${root}prisma/postgres/schema.prisma`;

const HEADER = '// GENERATED from prisma/schema.prisma by `npm run db:schema:sync`. Do not edit.\n';

export function postgresSchemaFrom(source) {
  const swapped = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)=(\s*)"\.\.\/generated\/sqlite"/, 'output$1=$2"../../generated/postgres"');
  if (!swapped.includes('"postgresql"') || !swapped.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma no longer has the expected provider/output lines');
  }
  return HEADER + swapped;
}

const expected = postgresSchemaFrom(readFileSync(sourcePath, 'utf8'));
const current = existsSync(targetPath) ? readFileSync(targetPath, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== expected) {
    console.error('prisma/postgres/schema.prisma is out of date: run `npm run db:schema:sync`.');
    process.exit(1);
  }
  console.log('prisma/postgres/schema.prisma matches prisma/schema.prisma');
} else if (current !== expected) {
  writeFileSync(targetPath, expected);
  console.log('wrote prisma/postgres/schema.prisma');
}
