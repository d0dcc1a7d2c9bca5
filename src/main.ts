// Entry point: validate config first (fast, before loading Discord or the database), then start.
import { loadConfig } from './config.js';

const result = loadConfig();
if (!result.ok) {
  process.stderr.write(
    [
      'Tandem cannot start: the configuration needs attention.',
      ...result.problems.map((problem) => `  • ${problem}`),
      'Copy .env.example to .env and fill it in (README: "Configuration").',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const { createLogger } = await import('./logger.js');
const { startTandem } = await import('./app/start.js');
const config = result.config;
const logger = createLogger(config.logLevel);

try {
  const tandem = await startTandem(config, { logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    tandem.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (code === 'TokenInvalid' || (error as { status?: number }).status === 401) {
    logger.fatal('Discord refused the bot token. Reset it in the Developer Portal (Bot → Reset Token) and update DISCORD_TOKEN.');
  } else {
    logger.fatal({ err: error }, 'Tandem failed to start');
  }
  process.exit(1);
}
