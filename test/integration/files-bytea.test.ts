/**
 * Stored files travel to and from the database as bytea. On PGlite that went through PGlite's
 * own codec, one byte at a time (`Array.from(bytes).map(b => b.toString(16))` to store,
 * `Uint8Array.from({length}, parseInt…)` to read): a 10 MiB wallet upload took seconds and grew the
 * server by ~20 times the file (bench/upload.mjs, docs/PERFORMANCE.md). The database now uses
 * the bytes as a binary parameter and Node's hex decoder (platform/pglite-bytea.ts). These tests store and read a multi-piece document
 * with every byte value, and fail if a piece goes through a per-byte array on either side.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHUNK_BYTES } from '../../src/server/modules/files/files.lookup';
import { parseBytea, serializeBytea } from '../../src/server/platform/pglite-bytea';
import { bearer, type TestApp } from '../support/app';
import { bigPdf, citizensApp, createCitizensFixture, signIn, uploadDocument, type CitizensFixture, type Gateway } from '../support/citizens';

let t: TestApp;
let gw: Gateway;
let f: CitizensFixture;

beforeAll(async () => {
  ({ t, gw } = await citizensApp());
  f = await createCitizensFixture(t);
});
afterAll(async () => {
  await t?.close();
  await gw?.close();
});
afterEach(() => vi.restoreAllMocks());

/** A PDF of three pieces and more, with every byte value in it (the padding of bigPdf is text). */
function everyByte(bytes: number): Buffer {
  const pdf = bigPdf(bytes);
  const all = Buffer.alloc(256 * 64);
  for (let i = 0; i < all.length; i++) all[i] = i % 256;
  // Inside the padding comment, after the header the type sniffing reads.
  all.copy(pdf, 8192);
  for (let i = 8192; i < 8192 + all.length; i++) if (pdf[i] === 10 || pdf[i] === 13) pdf[i] = 32;
  return pdf;
}

describe('bytea', () => {
  it('hands the bytes over as they are and decodes the hex text form', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(serializeBytea(all)).toBe(all);
    const hex = `\\x${all.toString('hex')}`;
    expect(parseBytea(hex).equals(all)).toBe(true);
    expect(() => serializeBytea('x')).toThrow(TypeError);
    expect(() => parseBytea('abc')).toThrow(TypeError);
  });

  it('stores and reads a document of several pieces byte for byte, never through a per-byte array', async () => {
    const s = await signIn(t, gw, 'bytea@contoh.id');
    const content = everyByte(3 * CHUNK_BYTES + 1234);
    // The per-byte codecs: Array.from over a piece (store) and Uint8Array.from({length}) (read).
    const arrayFrom = vi.spyOn(Array, 'from');
    const typedFrom = vi.spyOn(Uint8Array, 'from');
    const big = (x: unknown) => (x instanceof Uint8Array && x.length >= CHUNK_BYTES / 2) || (typeof x === 'object' && x !== null && 'length' in x && Number((x as { length: unknown }).length) >= CHUNK_BYTES / 2);

    const up = await uploadDocument(t, s.token, f.types.kk, content, 'kk.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const down = await t.app.inject({ method: 'GET', url: `/api/v1/me/documents/${up.json().id}/content`, headers: bearer(s.token) });
    expect(down.statusCode, down.body.slice(0, 200)).toBe(200);

    const perByte = [...arrayFrom.mock.calls, ...typedFrom.mock.calls].filter(([x]) => big(x)).length;
    expect(perByte).toBe(0);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(down.rawPayload.length).toBe(content.length);
    expect(sha(down.rawPayload)).toBe(sha(content));
  });
});
