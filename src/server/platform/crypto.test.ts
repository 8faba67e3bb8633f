import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { decryptBytes, decryptText, deriveKeys, encryptBytes, encryptText, hmac, sha256Bytes } from './crypto';

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

  it('seals bytes as nonce ‖ ciphertext ‖ tag with a fresh nonce, and opens them again', () => {
    expect(keys.files.equals(keys.encryption)).toBe(false);
    const plain = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(4096)]);
    const a = encryptBytes(keys.files, plain, 'file-1');
    const b = encryptBytes(keys.files, plain, 'file-1');
    expect(a.length).toBe(12 + plain.length + 16);
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(a.includes(Buffer.from('%PDF'))).toBe(false);
    expect(decryptBytes(keys.files, a, 'file-1').equals(plain)).toBe(true);
    expect(decryptBytes(keys.files, new Uint8Array(b), 'file-1').equals(plain)).toBe(true);
    expect(decryptBytes(keys.files, encryptBytes(keys.files, Buffer.alloc(0))).length).toBe(0);
  });

  it('refuses bytes that were altered, moved to another record, or sealed with another key', () => {
    const sealed = encryptBytes(keys.files, Buffer.from('isi dokumen'), 'file-1');
    for (const i of [0, 12, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[i] ^= 1;
      expect(() => decryptBytes(keys.files, bad, 'file-1')).toThrow();
    }
    expect(() => decryptBytes(keys.files, sealed, 'file-2')).toThrow();
    expect(() => decryptBytes(keys.files, sealed)).toThrow();
    expect(() => decryptBytes(keys.encryption, sealed, 'file-1')).toThrow();
    expect(() => decryptBytes(keys.files, sealed.subarray(0, 20), 'file-1')).toThrow(/too short/);
  });

  it('hashes bytes as hex SHA-256', () => {
    expect(sha256Bytes(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
