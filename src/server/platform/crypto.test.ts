import { describe, expect, it } from 'vitest';
import { decryptText, deriveKeys, encryptText, hmac } from './crypto';

describe('crypto', () => {
  const keys = deriveKeys('a-test-secret-that-is-long-enough-123456');

  it('derives distinct keys per purpose, stable for a secret', () => {
    expect(keys.session.equals(keys.encryption)).toBe(false);
    expect(deriveKeys('a-test-secret-that-is-long-enough-123456').blindIndex.equals(keys.blindIndex)).toBe(true);
  });

  it('round-trips AES-GCM and detects tampering', () => {
    const sealed = encryptText(keys.encryption, '6472014507900001');
    expect(sealed).not.toContain('6472');
    expect(decryptText(keys.encryption, sealed)).toBe('6472014507900001');
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => decryptText(keys.encryption, bytes.toString('base64'))).toThrow();
  });

  it('makes a deterministic blind index for lookups', () => {
    expect(hmac(keys.blindIndex, '6472014507900001')).toBe(hmac(keys.blindIndex, '6472014507900001'));
    expect(hmac(keys.blindIndex, '6472014507900001')).not.toBe(hmac(keys.blindIndex, '6472014507900002'));
  });
});
