// The one place that reads the environment. Every problem is reported at once, with how to fix it.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseTarget } from './db/databaseUrl.js';

export const DISCORD_API_DEFAULT = 'https://discord.com/api';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SNOWFLAKE = /^\d{17,20}$/;

const HOW_TO = {
  DISCORD_TOKEN:
    'A bot token is needed. Create an application at https://discord.com/developers/applications, open "Bot", press "Reset Token", and put it in .env as DISCORD_TOKEN=... (see README "Create the Discord application").',
  TANDEM_ENCRYPTION_KEY:
    'A 32-byte key encrypts private notes. Generate one with: node -e "console.log(require(\'node:crypto\').randomBytes(32).toString(\'base64\'))" and put it in .env as TANDEM_ENCRYPTION_KEY=...',
} as const;

function parseKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : undefined;
}

/** A key with fewer than 16 distinct bytes is a placeholder or typed by hand, not random. */
function isWeakKey(key: Buffer): boolean {
  return new Set(key).size < 16;
}

const encryptionKey = z
  .string({ error: HOW_TO.TANDEM_ENCRYPTION_KEY })
  .transform((text, ctx) => {
    const key = parseKey(text);
    if (!key) {
      ctx.addIssue({ code: 'custom', message: `must be 32 bytes as base64 or 64 hex characters. ${HOW_TO.TANDEM_ENCRYPTION_KEY}` });
      return z.NEVER;
    }
    if (isWeakKey(key)) {
      ctx.addIssue({ code: 'custom', message: `looks like a placeholder, not a random key. ${HOW_TO.TANDEM_ENCRYPTION_KEY}` });
      return z.NEVER;
    }
    return key;
  });

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

const schema = z.object({
  DISCORD_TOKEN: z.string({ error: HOW_TO.DISCORD_TOKEN }).trim().min(1, HOW_TO.DISCORD_TOKEN),
  DISCORD_API_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).default(DISCORD_API_DEFAULT),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .transform((url, ctx) => {
        const target = parseDatabaseUrl(url);
        if (!target) {
          ctx.addIssue({ code: 'custom', message: 'must be file:./path/to.db (SQLite) or postgresql://user@host:5432/db' });
          return z.NEVER;
        }
        return target;
      }),
  ),
  DEV_GUILD_ID: z.preprocess(
    emptyAsUnset,
    z.string().regex(SNOWFLAKE, 'must be a server id (17–20 digits): in Discord, right-click the server → Copy Server ID').optional(),
  ),
  TANDEM_ENCRYPTION_KEY: z.preprocess(emptyAsUnset, encryptionKey),
  TANDEM_ENCRYPTION_KEYS_OLD: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .optional()
      .transform((text, ctx) => {
        const keys = (text ?? '').split(',').map((part) => part.trim()).filter(Boolean).map(parseKey);
        if (keys.some((key) => !key)) {
          ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of earlier keys, each 32 bytes as base64 or hex' });
          return z.NEVER;
        }
        return keys as Buffer[];
      }),
  ),
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
  HEALTH_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).optional()),
});

export interface Config {
  discordToken: string;
  discordApiUrl: string;
  database: DatabaseTarget;
  devGuildId: string | undefined;
  encryptionKey: Buffer;
  previousEncryptionKeys: Buffer[];
  logLevel: (typeof LOG_LEVELS)[number];
  healthPort: number | undefined;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    return { ok: false, problems };
  }
  const v = parsed.data;
  return {
    ok: true,
    config: {
      discordToken: v.DISCORD_TOKEN,
      discordApiUrl: v.DISCORD_API_URL.replace(/\/+$/, ''),
      database: v.DATABASE_URL,
      devGuildId: v.DEV_GUILD_ID,
      encryptionKey: v.TANDEM_ENCRYPTION_KEY,
      previousEncryptionKeys: v.TANDEM_ENCRYPTION_KEYS_OLD,
      logLevel: v.LOG_LEVEL,
      healthPort: v.HEALTH_PORT,
    },
  };
}

/** Reads .env (if present) and the environment. */
export function loadConfig(): ConfigResult {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}
