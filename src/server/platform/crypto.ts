import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * All keys are derived from LOKET_SECRET with HKDF, one purpose each, so rotating or leaking one
 * derived key never exposes another.
 */
export interface Keys {
  session: Buffer;
  blindIndex: Buffer;
  encryption: Buffer;
  /** Stored files' content (stored_files.content_enc), apart from the personal-data fields. */
  files: Buffer;
}

export function deriveKeys(secret: string): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'loket', info, 32));
  return { session: derive('session'), blindIndex: derive('blind-index'), encryption: derive('encryption'), files: derive('files') };
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM; output is iv | tag | ciphertext. */
export function encrypt(key: Buffer, plain: Buffer | string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decrypt(key: Buffer, sealed: Buffer): Buffer {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * AES-256-GCM for binary content such as uploaded files: a random 12-byte nonce, output
 * nonce ‖ ciphertext ‖ tag (the layout of stored_files.content_enc). `aad` (e.g. the file's id)
 * is authenticated, not stored: sealed bytes moved to another record no longer decrypt.
 */
export function encryptBytes(key: Buffer, plain: Uint8Array, aad?: string): Buffer {
  const nonce = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens what `encryptBytes` sealed (same key and `aad`); throws when it was altered or is not ours. */
export function decryptBytes(key: Buffer, sealed: Uint8Array, aad?: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('decryptBytes: sealed content is too short');
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
}

/** SHA-256 of bytes, hex. */
export function sha256Bytes(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function encryptText(key: Buffer, plain: string): string {
  return encrypt(key, plain).toString('base64');
}

export function decryptText(key: Buffer, sealed: string): string {
  return decrypt(key, Buffer.from(sealed, 'base64')).toString('utf8');
}

/** No 0/O, 1/I/L: codes are read aloud, typed on a kiosk and copied from a phone. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short, unambiguous, unguessable code from a CSPRNG (8 characters ≈ 40 bits). */
export function randomCode(length = 8): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Upper-cases and drops separators and look-alikes a person may type (O→0 is not guessed). */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
