import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskContact, normalisePhone, parseContact } from './contact';

describe('normalisePhone', () => {
  it('reads the usual ways of writing one number as the same E.164 number', () => {
    for (const n of ['0812-3456-7890', '081234567890', '+62 812 3456 7890', '62812 3456 7890', '+62 (0)812 3456 7890', '+6281234567890']) {
      expect(normalisePhone(n)).toEqual({ ok: true, value: '+6281234567890' });
    }
  });
  it('refuses landlines, foreign numbers, letters and wrong lengths', () => {
    expect(normalisePhone('0541-123456')).toEqual({ ok: false, reason: 'not_mobile' });
    expect(normalisePhone('+60123456789')).toEqual({ ok: false, reason: 'not_mobile' });
    expect(normalisePhone('0812abc')).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(normalisePhone('0812345')).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(normalisePhone('08123456789012')).toEqual({ ok: false, reason: 'invalid_phone' });
  });
  it('gives one value for 0…, 62… and +62… of any valid national number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8\d{8,11}$/), (national) => {
        const a = normalisePhone(`0${national}`);
        expect(a).toEqual({ ok: true, value: `+62${national}` });
        expect(normalisePhone(`62${national}`)).toEqual(a);
        expect(normalisePhone(`+62 ${national.slice(0, 3)}-${national.slice(3)}`)).toEqual(a);
      }),
    );
  });
});

describe('parseContact', () => {
  it('lower-cases email addresses and tells email from phone', () => {
    expect(parseContact('  Ani.Wijaya@Mail.CO.id ')).toEqual({ ok: true, contact: { kind: 'email', value: 'ani.wijaya@mail.co.id' } });
    expect(parseContact('0812 3456 7890')).toEqual({ ok: true, contact: { kind: 'phone', value: '+6281234567890' } });
    expect(parseContact('ani@localhost')).toEqual({ ok: false, reason: 'invalid_email' });
    expect(parseContact('')).toEqual({ ok: false, reason: 'empty' });
  });
  it('masks what it shows', () => {
    expect(maskContact({ kind: 'phone', value: '+6281234567890' })).toBe('+62812•••••890');
    expect(maskContact({ kind: 'email', value: 'ani.wijaya@mail.co.id' })).toBe('an••••••••@mail.co.id');
  });
});
