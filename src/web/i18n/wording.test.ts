import { describe, expect, it } from 'vitest';
import id from './id.json';

/**
 * The words officers and citizens use (issue #11): one word for the kiosk ("anjungan"), booking
 * capacity is "kuota" (never "kursi"), no English inside an Indonesian label.
 */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/(?<!\/)\bkiosk?\b/i, 'anjungan'], // (the address /kiosk is no word)
  [/\bkursi(nya)?\b/i, 'kuota'],
  [/soft launch/i, 'uji coba'],
  [/\blayar display\b/i, 'layar panggilan'],
];

function strings(o: unknown, path = ''): Array<[string, string]> {
  if (typeof o === 'string') return [[path, o]];
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('Indonesian wording', () => {
  it('uses the words people use in every Indonesian text', async () => {
    const features = {
      app: id,
      admin: (await import('../app/admin/i18n')).id,
      access: (await import('../features/access/i18n')).id,
      booking: (await import('../features/booking/i18n')).id,
      catalog: (await import('../features/catalog/i18n')).id,
      'catalog (admin)': (await import('../features/catalog/admin/i18n')).id,
      queue: (await import('../features/queue/i18n')).id,
      complaints: (await import('../features/complaints/i18n')).id,
      applications: (await import('../features/applications/i18n')).id,
      citizens: (await import('../features/citizens/i18n')).id,
      reports: (await import('../features/reports/i18n')).id,
    };
    const wrong: string[] = [];
    for (const [name, texts] of Object.entries(features))
      for (const [path, text] of strings(texts))
        for (const [word, instead] of FORBIDDEN) if (word.test(text)) wrong.push(`${name}:${path}: "${text}" (say "${instead}")`);
    expect(wrong).toEqual([]);
  });
});
