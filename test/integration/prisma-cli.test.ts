// The stock Prisma CLI works offline through scripts/prisma-engine (its schema engine stand-in):
// `migrate diff` and `migrate dev --create-only` in a temporary copy of the project, plus the
// native-looking errors of a migration that fails (P3018, then P3009). Each CLI call takes 1–3 s.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_URL = process.env.TANDEM_TEST_POSTGRES_URL;
const SLOW = { timeout: 90_000 };

if (!SERVER_URL) {
  if (process.env.CI && process.env.CI !== 'false') throw new Error('TANDEM_TEST_POSTGRES_URL must be set in CI');
  console.warn('\n⚠ prisma-cli.test.ts: TANDEM_TEST_POSTGRES_URL is not set, the PostgreSQL case is SKIPPED.\n');
}

let project: string;

/** A copy of what the CLI reads: config, schemas and migrations; node_modules and the engine are linked. */
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
  cpSync(join(ROOT, 'prisma'), join(project, 'prisma'), { recursive: true });
  cpSync(join(ROOT, 'prisma.config.ts'), join(project, 'prisma.config.ts'));
  cpSync(join(ROOT, 'package.json'), join(project, 'package.json'));
  mkdirSync(join(project, 'scripts'));
  cpSync(join(ROOT, 'scripts/sync-postgres-schema.mjs'), join(project, 'scripts/sync-postgres-schema.mjs'));
  symlinkSync(join(ROOT, 'scripts/prisma-engine'), join(project, 'scripts/prisma-engine'));
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
});
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

function prisma(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; out: string }> {
  return new Promise((resolve) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    execFile(
      process.execPath,
      [join(ROOT, 'node_modules/prisma/build/index.js'), ...args],
      {
        cwd: project,
        env: {
          ...inherited,
          PRISMA_SCHEMA_ENGINE_BINARY: join(project, 'scripts/prisma-engine/schema-engine.mjs'),
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          NO_COLOR: '1',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

const migrationNames = (dir: string) =>
  readdirSync(join(project, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** The schema change under test: a new optional column on members (in the copy's SQLite schema). */
function addNickname(): void {
  const path = join(project, 'prisma/schema.prisma');
  const schema = readFileSync(path, 'utf8');
  if (schema.includes('nickname')) return;
  const edited = schema.replace(/^(\s*timezone\s+String\?)$/m, '$1\n  nickname  String?');
  expect(edited).not.toBe(schema);
  writeFileSync(path, edited);
}

describe('the stock prisma CLI, offline', () => {
  it('diffs migrations against the schema without touching a database, exit code 2 once they differ', SLOW, async () => {
    const same = await prisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code']);
    expect(same.out).toContain('No difference detected.');
    expect(same.code).toBe(0);

    const script = await prisma(['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script']);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('CREATE TABLE "check_ins"');
    expect(existsSync(join(project, 'data'))).toBe(false);
  });

  it('creates a SQLite migration for a schema change with migrate dev --create-only, which then matches the schema', SLOW, async () => {
    addNickname();
    const differs = await prisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code']);
    expect(differs.code).toBe(2);
    expect(differs.out).toContain('Added column `nickname`');

    const before = migrationNames('prisma/migrations');
    const dev = await prisma(['migrate', 'dev', '--create-only', '--name', 'add_nickname'], { DATABASE_URL: 'file:./data/dev.db' });
    expect(dev.code, dev.out).toBe(0);
    expect(dev.out).toContain('Prisma Migrate created the following migration without applying it');
    const created = migrationNames('prisma/migrations').filter((name) => !before.includes(name));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^\d{14}_add_nickname$/);
    expect(readFileSync(join(project, 'prisma/migrations', created[0]!, 'migration.sql'), 'utf8')).toContain('ALTER TABLE "members" ADD COLUMN "nickname" TEXT;');
    expect(readFileSync(join(project, 'prisma/migrations/migration_lock.toml'), 'utf8')).toContain('provider = "sqlite"');

    const same = await prisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code']);
    expect(same.code, same.out).toBe(0);
  });

  it('reports a failing migration as P3018, then refuses with P3009, as the native engine does', SLOW, async () => {
    const url = { DATABASE_URL: 'file:./data/deploy.db' };
    const broken = join(project, 'prisma/migrations/20990101000000_broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'migration.sql'), 'SELEC 1;\n');
    try {
      const first = await prisma(['migrate', 'deploy'], url);
      expect(first.code).toBe(1);
      expect(first.out).toContain('P3018');
      expect(first.out).toContain('Migration name: 20990101000000_broken');
      const second = await prisma(['migrate', 'deploy'], url);
      expect(second.code).toBe(1);
      expect(second.out).toContain('P3009');
      expect(second.out).toContain('The `20990101000000_broken` migration started at');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  describe.runIf(SERVER_URL)('on PostgreSQL', () => {
    const database = `tandem_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = () => {
      const u = new URL(SERVER_URL!);
      u.pathname = `/${database}`;
      return u.toString();
    };
    const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    afterAll(() => admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)));

    it('creates the database and a migration, and leaves no shadow database behind', SLOW, async () => {
      addNickname();
      // The copy's own sync script (it writes next to itself, so the repository is untouched).
      const sync = await new Promise<number>((resolve) =>
        execFile(process.execPath, [join(project, 'scripts/sync-postgres-schema.mjs')], { cwd: project }, (error) => resolve(error ? 1 : 0)),
      );
      expect(sync).toBe(0);
      expect(readFileSync(join(project, 'prisma/postgres/schema.prisma'), 'utf8')).toContain('nickname');
      const shadowsBefore = await admin((client) => client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`));

      const before = migrationNames('prisma/postgres/migrations');
      const dev = await prisma(['migrate', 'dev', '--create-only', '--name', 'add_nickname'], { DATABASE_URL: url() });
      expect(dev.code, dev.out).toBe(0);
      expect(dev.out).toContain(`PostgreSQL database ${database} created`);
      const created = migrationNames('prisma/postgres/migrations').filter((name) => !before.includes(name));
      expect(created).toHaveLength(1);
      expect(readFileSync(join(project, 'prisma/postgres/migrations', created[0]!, 'migration.sql'), 'utf8')).toMatch(
        /ALTER TABLE "members" ADD COLUMN\s+"nickname" TEXT;/,
      );

      const shadows = await admin((client) => client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`));
      expect(shadows.rows).toEqual(shadowsBefore.rows);
    });
  });
});
