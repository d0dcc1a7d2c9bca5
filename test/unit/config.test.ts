import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';

const goodKey = randomBytes(32).toString('base64');
const valid = { DISCORD_TOKEN: 'abc.def.ghi', TANDEM_ENCRYPTION_KEY: goodKey };

describe('configuration', () => {
  it('uses SQLite under ./data and Discord by default', () => {
    const result = parseConfig(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.database).toMatchObject({ provider: 'sqlite', url: 'file:./data/tandem.db' });
    expect(result.config.database.provider === 'sqlite' && result.config.database.filePath).toMatch(/data\/tandem\.db$/);
    expect(result.config.discordApiUrl).toBe('https://discord.com/api');
    expect(result.config.logLevel).toBe('info');
    expect(result.config.devGuildId).toBeUndefined();
  });

  it('selects PostgreSQL from a postgresql:// URL and strips a trailing slash from the API URL', () => {
    const result = parseConfig({ ...valid, DATABASE_URL: 'postgresql://u@127.0.0.1:5432/tandem', DISCORD_API_URL: 'http://127.0.0.1:9999/api/' });
    expect(result.ok && result.config.database.provider).toBe('postgresql');
    expect(result.ok && result.config.discordApiUrl).toBe('http://127.0.0.1:9999/api');
  });

  it('names every bad key at once, with how to fix it', () => {
    const result = parseConfig({ DATABASE_URL: 'mysql://x', DEV_GUILD_ID: 'my-server', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    for (const key of ['DISCORD_TOKEN', 'TANDEM_ENCRYPTION_KEY', 'DATABASE_URL', 'DEV_GUILD_ID', 'LOG_LEVEL', 'DISCORD_API_URL']) {
      expect(text).toContain(`${key}:`);
    }
    expect(text).toContain('discord.com/developers/applications');
    expect(text).toContain('randomBytes(32)');
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    const result = parseConfig({ ...valid, DEV_GUILD_ID: '', DATABASE_URL: '', LOG_LEVEL: '' });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['too short', Buffer.alloc(16, 7).toString('base64')],
    ['a placeholder', Buffer.alloc(32, 0).toString('base64')],
    ['repeated text', '0123456789abcdef'.repeat(4)],
  ])('refuses a weak encryption key (%s)', (_label, key) => {
    const result = parseConfig({ ...valid, TANDEM_ENCRYPTION_KEY: key });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toContain('TANDEM_ENCRYPTION_KEY');
  });

  it('accepts a 64-hex-character key and earlier keys for rotation', () => {
    const result = parseConfig({ ...valid, TANDEM_ENCRYPTION_KEY: randomBytes(32).toString('hex'), TANDEM_ENCRYPTION_KEYS_OLD: `${goodKey}, ${randomBytes(32).toString('hex')}` });
    expect(result.ok && result.config.previousEncryptionKeys).toHaveLength(2);
  });
});
