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

describe('feature texts (one pattern: <feature>/i18n/{id,en}.ts, en typed by id)', () => {
  it('every namespace has the same keys in both languages, and both are registered', async () => {
    const { default: i18n } = await import('./index');
    const features = {
      admin: await import('../app/admin/i18n'),
      access: await import('../features/access/i18n'),
      booking: await import('../features/booking/i18n'),
      catalog: await import('../features/catalog/i18n'),
      'catalog (admin)': await import('../features/catalog/admin/i18n'),
      queue: await import('../features/queue/i18n'),
      complaints: await import('../features/complaints/i18n'),
      reports: await import('../features/reports/i18n'),
    };
    for (const [name, texts] of Object.entries(features)) {
      const a = new Set(keys(texts.id));
      const b = new Set(keys(texts.en));
      expect({ name, missingInEnglish: [...a].filter((k) => !b.has(k)), missingInIndonesian: [...b].filter((k) => !a.has(k)) }).toEqual({ name, missingInEnglish: [], missingInIndonesian: [] });
      const ns = name === 'catalog (admin)' ? 'catalog' : name;
      expect(i18n.hasResourceBundle('id', ns) && i18n.hasResourceBundle('en', ns)).toBe(true);
    }
  });
});
