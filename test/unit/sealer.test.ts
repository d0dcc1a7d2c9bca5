import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer } from '../../src/crypto/sealer.js';

describe('sealing private notes (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('craving after the argument');
    expect(sealed).not.toContain('craving');
    expect(sealer.open(sealed)).toBe('craving after the argument');
  });

  it('uses a fresh IV each time', () => {
    const sealer = createSealer(key);
    expect(sealer.seal('same')).not.toBe(sealer.seal('same'));
  });

  it('detects tampering', () => {
    const sealer = createSealer(key);
    const parts = sealer.seal('hello').split('.');
    parts[4] = Buffer.from('jello').toString('base64url');
    expect(() => sealer.open(parts.join('.'))).toThrow();
  });

  it('opens notes sealed with a previous key after rotation', () => {
    const oldSealed = createSealer(key).seal('old note');
    const rotated = createSealer(randomBytes(32), [key]);
    expect(rotated.open(oldSealed)).toBe('old note');
    expect(() => createSealer(randomBytes(32)).open(oldSealed)).toThrow(/no encryption key/);
  });
});
