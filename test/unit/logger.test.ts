import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), text: () => lines.join('') };
}

describe('logs never carry health data or tokens', () => {
  it('drops the request body and the interaction token of a Discord error', () => {
    const { logger, text } = capture();
    const error = new DiscordAPIError(
      { code: 50007, message: 'Cannot send messages to this user' },
      50007,
      403,
      'POST',
      'https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb24tdG9rZW4/messages/@original',
      { body: { content: 'said it is a hard day · craving 9/10' }, files: undefined } as never,
    );
    logger.warn({ err: error }, 'could not send');
    const line = text();
    expect(line).toContain('50007');
    expect(line).toContain('/webhooks/123/[token]');
    expect(line).not.toContain('hard day');
    expect(line).not.toContain('craving');
    expect(line).not.toContain('aW50ZXJhY3Rpb24tdG9rZW4');
  });

  it('redacts a note or message content passed by mistake', () => {
    const { logger, text } = capture();
    logger.info({ note: 'my private note', message: { content: 'sober today: no' } }, 'oops');
    expect(text()).not.toContain('private note');
    expect(text()).not.toContain('sober today');
  });
});
