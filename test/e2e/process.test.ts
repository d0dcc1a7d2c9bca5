import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('starting without configuration', () => {
  it('exits 1 quickly and names every missing setting with how to fix it', () => {
    // From an empty folder, so a developer's own .env cannot fill anything in.
    const emptyDir = mkdtempSync(join(tmpdir(), 'tandem-noenv-'));
    const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'src/main.ts')], {
      cwd: emptyDir,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Tandem cannot start');
    expect(result.stderr).toContain('DISCORD_TOKEN: A bot token is needed');
    expect(result.stderr).toContain('discord.com/developers/applications');
    expect(result.stderr).toContain('TANDEM_ENCRYPTION_KEY');
    expect(result.stdout).toBe('');
  });
});
