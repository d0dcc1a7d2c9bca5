import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('starting without configuration', () => {
  it('exits 1 quickly and names every missing setting with how to fix it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env' },
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
