#!/usr/bin/env node
// CI check: do the migration folders still produce the schema?
// For each provider, applies every migration to a fresh throwaway database with Prisma's schema
// engine (WebAssembly, offline) and diffs the result against the Prisma schema. Fails when they
// disagree, typically because the schema was edited without creating a migration. Also checks
// that prisma/postgres/schema.prisma is in sync with prisma/schema.prisma.
//
//   node scripts/check-migrations.mjs
//   TANDEM_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test node scripts/check-migrations.mjs
//   node scripts/check-migrations.mjs --root=<dir>     (check another checkout, e.g. a temp copy in tests)
//
// The PostgreSQL URL names a server to create throwaway databases on (the database in it is only
// used to connect). Without it PostgreSQL is skipped, which is an error when CI=true.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bridge, loadMigrationsList } from './prisma-engine/bridge.mjs';
import { createDatabase, dropDatabase } from './prisma-engine/datasource.mjs';

const rootArg = process.argv.find((arg) => arg.startsWith('--root='));
const root = rootArg ? path.resolve(rootArg.slice('--root='.length)) : fileURLToPath(new URL('..', import.meta.url));
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const FILTERS = { externalTables: [], externalEnums: [] };

const PROVIDERS = {
  sqlite: {
    schema: 'prisma/schema.prisma',
    migrations: 'prisma/migrations',
    howToFix: 'DATABASE_URL=file:./data/dev.db npx prisma migrate dev --create-only --name <what-changed>',
  },
  postgresql: {
    schema: 'prisma/postgres/schema.prisma',
    migrations: 'prisma/postgres/migrations',
    howToFix:
      'npm run db:schema:sync, then DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tandem_dev npx prisma migrate dev --create-only --name <what-changed>',
  },
};

const ms = (started) => `${Math.round(performance.now() - started)} ms`;

/** @returns {Promise<string | null>} a failure message, or null when migrations and schema agree */
async function checkProvider(provider, url) {
  const { schema, migrations, howToFix } = PROVIDERS[provider];
  const schemaFile = { path: path.join(root, schema), content: readFileSync(path.join(root, schema), 'utf8') };
  const migrationsList = await loadMigrationsList(path.join(root, migrations));
  const names = migrationsList.migrationDirectories.map((dir) => dir.path);
  let printed = '';
  const bridge = new Bridge({ datasource: { url }, datamodels: [[schemaFile.path, schemaFile.content]] });
  bridge.print = async (text) => {
    printed += text;
  };
  try {
    try {
      await bridge.handle('applyMigrations', { migrationsList, filters: FILTERS });
    } catch (error) {
      return `${migrations}: the migrations do not apply to an empty ${provider} database:\n${error.data?.error_code ?? ''} ${error.message}`;
    }
    const { exitCode } = await bridge.handle('diff', {
      from: { tag: 'schemaDatasource', files: [schemaFile], configDir: root },
      to: { tag: 'schemaDatamodel', files: [schemaFile] },
      script: false,
      exitCode: true,
      filters: FILTERS,
    });
    if (exitCode === 0) return null;
    return (
      `${schema} and ${migrations} disagree: applying the ${names.length} migration(s) to an empty database does not give the schema.\n` +
      `Changes the schema has that no migration makes:\n${printed.trimEnd()}\n` +
      `If you edited the schema, create a migration: ${howToFix}`
    );
  } finally {
    await bridge.dispose();
  }
}

async function checkSqlite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-check-'));
  try {
    return await checkProvider('sqlite', `file:${path.join(dir, 'check.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkPostgres(serverUrl) {
  const url = new URL(serverUrl);
  url.pathname = `/tandem_check_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await createDatabase(url.toString());
  try {
    return await checkProvider('postgresql', url.toString());
  } finally {
    await dropDatabase(url.toString());
  }
}

function checkSchemaSync() {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/sync-postgres-schema.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  return result.status === 0 ? null : output || 'scripts/sync-postgres-schema.mjs --check failed';
}

async function main() {
  const started = performance.now();
  const failures = [];
  const step = async (label, fn) => {
    const t = performance.now();
    let failure;
    try {
      failure = await fn();
    } catch (error) {
      failure = `${label}: ${error?.data?.error_code ?? error?.code ?? ''} ${error?.message ?? error}`.trim();
    }
    console.log(`${failure ? '✗' : '✓'} ${label} (${ms(t)})`);
    if (failure) failures.push(failure);
  };

  await step('prisma/postgres/schema.prisma is generated from prisma/schema.prisma', () => checkSchemaSync());
  await step('SQLite: prisma/migrations applied to an empty database match prisma/schema.prisma', () => checkSqlite());

  const serverUrl = process.env.TANDEM_TEST_POSTGRES_URL;
  if (serverUrl) {
    await step('PostgreSQL: prisma/postgres/migrations applied to an empty database match prisma/postgres/schema.prisma', () => checkPostgres(serverUrl));
  } else if (inCi) {
    console.log('✗ PostgreSQL: NOT CHECKED, TANDEM_TEST_POSTGRES_URL is not set (required when CI=true)');
    failures.push('TANDEM_TEST_POSTGRES_URL is not set: the PostgreSQL migrations were not checked (CI requires it).');
  } else {
    console.log('! PostgreSQL: SKIPPED, TANDEM_TEST_POSTGRES_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/test)');
  }

  for (const failure of failures) console.log(`\n${failure}`);
  console.log(`\n${failures.length === 0 ? 'migrations match the schema' : `${failures.length} problem(s)`} (${ms(started)} in all)`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
