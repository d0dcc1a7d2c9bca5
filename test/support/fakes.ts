import { randomBytes } from 'node:crypto';
import { createSealer } from '../../src/crypto/sealer.js';

export const testKey = randomBytes(32);
export const testSealer = createSealer(testKey);

let next = 100_000_000_000_000_000n;
/** A fresh Discord-like id. */
export function snowflake(): string {
  next += 1n;
  return String(next);
}
