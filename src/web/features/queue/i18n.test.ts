import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { en, id, NS } from './i18n';

function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('queue texts', () => {
  it('Indonesian and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it('are registered for both languages', async () => {
    expect(i18n.getFixedT('id', NS)('console.callNext')).toBe('Panggil berikutnya');
    expect(i18n.getFixedT('en', NS)('console.callNext')).toBe('Call next');
    expect(i18n.getFixedT('id', NS)('console.recall')).toBe('Panggil ulang');
  });
});
