import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Context goes in the first argument ({ command, guildId }); health data
 * (notes, cravings, moods, slips) never goes into a log, and these keys are redacted in case it does.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tandem' },
      redact: {
        paths: ['token', '*.token', 'note', '*.note', 'authorization', '*.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
