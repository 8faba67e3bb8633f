import { describe, expect, it } from 'vitest';
import { findUnsafeText, unsafeText } from './input';

describe('unsafeText', () => {
  it('refuses NUL, C0 controls other than tab/CR/LF, and lone surrogates', () => {
    expect(unsafeText('a\u0000b')).toBe('nul');
    for (const c of ['\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u001f']) expect(unsafeText(`a${c}b`)).toBe('control');
    for (const s of ['\ud800', 'a\ud800b', '\udc00', 'a\udfffb', '\udc00\ud800']) expect(unsafeText(s)).toBe('surrogate');
  });

  it('accepts ordinary text: tabs, line breaks, emoji (surrogate pairs), Indonesian and other scripts', () => {
    for (const s of ['', 'Budi Santoso', 'baris\r\nbaru\tkolom', 'Kartu 🪪 Keluarga', 'Dinas Kependudukan – Ṡamarinda', '東京', '\u007f']) expect(unsafeText(s)).toBeNull();
  });
});

describe('findUnsafeText', () => {
  it('names the first bad value or key at any depth, with the path clients see', () => {
    expect(findUnsafeText({ name: 'ok', items: [{ note: 'ok' }, { note: 'x\u0000' }] }, 'body')).toEqual({ field: 'body.items.1.note', why: 'nul' });
    expect(findUnsafeText({ hours: { 'x\u0000': [] } }, 'body')).toEqual({ field: 'body.hours', why: 'nul' });
    expect(findUnsafeText(['a', 'b\ud800'], 'body')).toEqual({ field: 'body.1', why: 'surrogate' });
    expect(findUnsafeText('a\u0001', 'querystring.q')).toEqual({ field: 'querystring.q', why: 'control' });
  });

  it('ignores numbers, booleans, null and buffers (an uploaded workbook is bytes, not text)', () => {
    expect(findUnsafeText({ n: 1, b: true, z: null, u: undefined }, 'body')).toBeNull();
    expect(findUnsafeText(Buffer.from([0, 1, 2]), 'body')).toBeNull();
    expect(findUnsafeText(undefined, 'body')).toBeNull();
  });
});
