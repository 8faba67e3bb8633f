/**
 * bytea for PGlite without PGlite's own codec, which goes byte by byte: its serializer builds an
 * array of one two-letter string per byte, its parser calls parseInt per byte, and the hex text
 * then passes a per-character UTF-8 length loop. A 10 MiB document took seconds to store and grew
 * the server by about 20 times its size (bench/upload.mjs, docs/PERFORMANCE.md).
 *  - Parameters: the bytes are handed over as they are; PGlite's Bind writer sends a typed array
 *    as a binary-format parameter (bytea's binary form is the bytes themselves), copied once.
 *  - Results arrive in text form, `\x` and two hex digits a byte (bytea_output = hex, the
 *    default): decoded by Node's native hex codec.
 */
export function serializeBytea(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError('bytea: a Buffer or Uint8Array is expected');
  return value;
}

export function parseBytea(text: string): Buffer {
  if (!text.startsWith('\\x')) throw new TypeError('bytea: the hex output format is expected');
  return Buffer.from(text.slice(2), 'hex');
}

/** The OID of bytea. */
export const BYTEA = 17;

interface Codecs {
  serializers: Record<number, (v: unknown) => unknown>;
  parsers: Record<number, (s: string) => unknown>;
}

/**
 * Puts the codec on a ready PGlite instance. (Set on the instance, not through the constructor's
 * `serializers`/`parsers` options: PGlite 0.5 drops its options when the data directory argument
 * is undefined, i.e. in memory.)
 */
export function useFastBytea(client: object): void {
  const c = client as unknown as Codecs;
  c.serializers[BYTEA] = serializeBytea;
  c.parsers[BYTEA] = parseBytea;
}
