import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const TOKEN_IN_PATH = /\/(webhooks|interactions)\/(\d+)\/[^/?]+/g;

/**
 * Errors without what a request carried: discord.js errors hold the message body we tried to send
 * (health data) and URLs with interaction tokens. Keep what helps debugging: kind, code, status, route.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const serialized = stdSerializers.err(error) as Record<string, unknown>;
  delete serialized['requestBody'];
  delete serialized['rawError'];
  if (typeof serialized['url'] === 'string') serialized['url'] = serialized['url'].replace(TOKEN_IN_PATH, '/$1/$2/[token]');
  return serialized;
}

/**
 * Structured JSON logs. Context goes in the first argument ({ command, guildId }); health data
 * (notes, cravings, moods, slips, sober yes/no) never goes into a log: messages are not logged,
 * errors are logged without request bodies, and these keys are redacted in case they appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tandem' },
      serializers: { err: safeError, error: safeError },
      redact: {
        paths: ['token', '*.token', 'note', '*.note', 'content', '*.content', 'authorization', '*.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
