import { resolve } from 'node:path';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; filePath: string }
  | { provider: 'postgresql'; url: string };

export const DEFAULT_DATABASE_URL = 'file:./data/tandem.db';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `file:./data/tandem.db` (relative to the working directory) or a postgresql:// URL. */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget | undefined {
  if (isPostgresUrl(url)) return { provider: 'postgresql', url };
  const match = /^file:(.+)$/.exec(url);
  if (!match?.[1]) return undefined;
  const path = match[1].split('?')[0] ?? '';
  if (!path) return undefined;
  return { provider: 'sqlite', url, filePath: resolve(cwd, path) };
}
