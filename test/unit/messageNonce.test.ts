import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageBody, nonceFor } from '../../src/discord/discordPort.js';
import { validateRequest } from '../../src/standin/validation/validateRequest.js';

// discord.js retries timeouts and 5xx up to 3 times, even when Discord already posted the message:
// a nonce with enforce_nonce lets Discord return the first message instead of posting a copy.
describe('message nonces from idempotency keys', () => {
  it('a keyed message carries a nonce derived from the key, with enforce_nonce, and Discord accepts the body', () => {
    const body = messageBody({ content: 'hello' }, 'milestone:cm1abc:2026-10-23:30d:member');
    expect(body).toMatchObject({ content: 'hello', nonce: nonceFor('milestone:cm1abc:2026-10-23:30d:member'), enforce_nonce: true });
    expect(validateRequest('POST', '/channels/123/messages', body, [])).toBeUndefined();
  });

  it('a message without a key has no nonce', () => {
    const body = messageBody({ content: 'hello' });
    expect(body).not.toHaveProperty('nonce');
    expect(body).not.toHaveProperty('enforce_nonce');
  });

  it('is deterministic, at most 25 characters (Discord’s limit), and differs between keys', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ minLength: 1, maxLength: 200 }), (a, b) => {
        expect(nonceFor(a)).toBe(nonceFor(a));
        expect(nonceFor(a)).toMatch(/^[0-9a-z]{1,25}$/);
        if (a !== b) expect(nonceFor(a)).not.toBe(nonceFor(b));
      }),
    );
  });
});
