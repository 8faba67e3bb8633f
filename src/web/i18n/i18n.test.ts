import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

/** Every key path of a resource object, plural suffixes folded (key_one/key_other → key). */
function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v && typeof v === 'object' ? keys(v as Record<string, unknown>, path) : [path.replace(/_(zero|one|two|few|many|other)$/, '')];
  });
}

describe('translations', () => {
  it('Indonesian and English have the same keys', () => {
    const a = new Set(keys(id));
    const b = new Set(keys(en));
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });

  it('has a message for the wrong-password code in Indonesian', () => {
    expect(id.errors.auth.invalid_credentials).toBe('Nama pengguna atau kata sandi salah.');
  });
});
