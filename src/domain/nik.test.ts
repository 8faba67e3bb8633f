import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCES, maskNik, maskPhone, nikMessages, validateNik, type NikError } from './nik';

const now = new Date('2026-11-25T09:00:00+08:00');

describe('validateNik', () => {
  it('decodes a man from Samarinda', () => {
    expect(validateNik('6472011503900001', now)).toEqual({
      ok: true,
      nik: '6472011503900001',
      province: '64',
      regency: '6472',
      district: '647201',
      birthDate: '1990-03-15',
      sex: 'L',
    });
  });

  it('decodes a woman (day + 40) and ignores spaces', () => {
    const r = validateNik('6472 0155 0390 0002', now);
    expect(r).toMatchObject({ ok: true, birthDate: '1990-03-15', sex: 'P', nik: '6472015503900002' });
    expect(validateNik('6472017112990001', now)).toMatchObject({ ok: true, birthDate: '1999-12-31', sex: 'P' });
  });

  it('reads a two-digit year in the century that is not in the future', () => {
    expect(validateNik('6472012511260001', now)).toMatchObject({ ok: true, birthDate: '2026-11-25' }); // today
    expect(validateNik('6472012611260001', now)).toMatchObject({ ok: true, birthDate: '1926-11-26' }); // tomorrow → 1926
    expect(validateNik('6472010101050001', now)).toMatchObject({ ok: true, birthDate: '2005-01-01' });
  });

  it('counts "today" in the easternmost zone', () => {
    // 25 Nov 2026 16:30 UTC is already 26 Nov in Jayapura: a baby born that day is not in the future.
    expect(validateNik('9101012611260001', new Date('2026-11-25T16:30:00Z'))).toMatchObject({ ok: true, birthDate: '2026-11-26' });
  });

  it('handles 29 February by century', () => {
    expect(validateNik('6472012902000001', now)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateNik('6472012902240001', now)).toMatchObject({ ok: true, birthDate: '2024-02-29' });
    expect(validateNik('6472012902230001', now)).toEqual({ ok: false, reason: 'invalid_birth_date' });
  });

  it.each<[string, NikError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['6472-0115-0390-0001', 'not_digits'],
    ['64720115039O0001', 'not_digits'],
    ['647201150390001', 'wrong_length'],
    ['64720115039000011', 'wrong_length'],
    ['2072011503900001', 'unknown_province'],
    ['9772011503900001', 'unknown_province'],
    ['6400011503900001', 'invalid_regency'],
    ['6472001503900001', 'invalid_district'],
    ['6472010003900001', 'invalid_birth_date'], // day 00
    ['6472013503900001', 'invalid_birth_date'], // day 35: neither man nor woman
    ['6472017203900001', 'invalid_birth_date'], // day 72 = 32 for a woman
    ['6472013102900001', 'invalid_birth_date'], // 31 February
    ['6472011513900001', 'invalid_birth_date'], // month 13
    ['6472011503900000', 'invalid_serial'],
  ])('rejects %j as %s', (nik, reason) => {
    expect(validateNik(nik, now)).toEqual({ ok: false, reason });
  });

  it('knows all 38 provinces, Kalimantan Timur and the new Papua provinces', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(38);
    expect(PROVINCES['64']).toBe('Kalimantan Timur');
    expect(PROVINCES['65']).toBe('Kalimantan Utara');
    expect([93, 94, 95, 96].map((c) => PROVINCES[String(c)])).toEqual(['Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya']);
  });

  it('has a message in both languages for every error', () => {
    for (const m of Object.values(nikMessages)) {
      expect(m.id.length).toBeGreaterThan(5);
      expect(m.en.length).toBeGreaterThan(5);
    }
  });

  it('property: any well-formed NIK is accepted and round-trips its parts', () => {
    const province = fc.constantFrom(...Object.keys(PROVINCES));
    const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
    const date = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2026-11-24T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(province, two(1, 99), two(1, 99), date, fc.boolean(), fc.integer({ min: 1, max: 9999 }), (p, k, c, d, female, serial) => {
        const iso = d.toISOString().slice(0, 10);
        const day = Number(iso.slice(8, 10)) + (female ? 40 : 0);
        const nik = `${p}${k}${c}${String(day).padStart(2, '0')}${iso.slice(5, 7)}${iso.slice(2, 4)}${String(serial).padStart(4, '0')}`;
        const r = validateNik(nik, now);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.sex).toBe(female ? 'P' : 'L');
        // From 1930 on the year reads back exactly: 20YY of a 19YY birth lies in the future.
        expect(r.birthDate).toBe(iso);
      }),
    );
  });
});

describe('masking', () => {
  it('keeps the first and last four digits of a NIK', () => {
    expect(maskNik('6472011503900001')).toBe('6472••••••••0001');
    expect(maskNik('6472 0115 0390 0001')).toBe('6472••••••••0001');
    expect(maskNik('1234')).toBe('••••');
  });

  it('keeps the operator prefix and the last three digits of a phone number', () => {
    expect(maskPhone('081234567890')).toBe('0812•••••890');
    expect(maskPhone('0812-3456-7890')).toBe('0812•••••890');
    expect(maskPhone('+6281234567890')).toBe('+628•••••••890');
    expect(maskPhone('12345')).toBe('•••••');
  });
});
