// AES-256-GCM for private text at rest. Sealed form: "v1.<keyId>.<iv>.<tag>.<ciphertext>" (base64url),
// so rows sealed with an older key can still be opened while the key is rotated.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Sealer } from '../services/ports.js';

const VERSION = 'v1';
const IV_BYTES = 12;

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export function createSealer(currentKey: Buffer, previousKeys: Buffer[] = []): Sealer {
  for (const key of [currentKey, ...previousKeys]) {
    if (key.length !== 32) throw new Error('encryption keys must be 32 bytes');
  }
  const currentId = keyIdOf(currentKey);
  const keysById = new Map([currentKey, ...previousKeys].map((key) => [keyIdOf(key), key]));

  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    isCurrent(sealed) {
      return sealed.split('.')[1] === currentId;
    },
    open(sealed) {
      const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
      if (version !== VERSION || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new Error('sealed value has an unknown format');
      }
      const key = keysById.get(keyId);
      if (!key) throw new Error(`no encryption key with id ${keyId} is configured`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
