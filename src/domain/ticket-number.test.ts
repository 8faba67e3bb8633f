import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber, spokenCall, spokenCounter, spokenNumber, terbilang } from './ticket-number';

describe('formatTicketNumber / parseTicketNumber', () => {
  it('pads to three digits and grows past 999', () => {
    expect(formatTicketNumber('A', 1)).toBe('A-001');
    expect(formatTicketNumber('B', 42)).toBe('B-042');
    expect(formatTicketNumber('A', 999)).toBe('A-999');
    expect(formatTicketNumber('A', 1000)).toBe('A-1000');
    expect(formatTicketNumber('kp', 7)).toBe('KP-007');
  });

  it('rejects bad prefixes and sequences', () => {
    for (const p of ['', 'A1', 'ABCDE', 'Á', 'A-']) expect(() => formatTicketNumber(p, 1)).toThrow(RangeError);
    for (const s of [0, -1, 1.5, Number.NaN]) expect(() => formatTicketNumber('A', s)).toThrow(RangeError);
  });

  it('parses what it formats, and tolerant input', () => {
    expect(parseTicketNumber('A-001')).toEqual({ prefix: 'A', seq: 1 });
    expect(parseTicketNumber(' a001 ')).toEqual({ prefix: 'A', seq: 1 });
    expect(parseTicketNumber('KP-1000')).toEqual({ prefix: 'KP', seq: 1000 });
    for (const bad of ['', 'A-01', '001', 'A-000', 'A--001', 'A-001x']) expect(parseTicketNumber(bad)).toBeNull();
  });

  it('property: parse(format(p, n)) round-trips', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,4}$/), fc.integer({ min: 1, max: 1_000_000 }), (p, n) => {
        expect(parseTicketNumber(formatTicketNumber(p, n))).toEqual({ prefix: p, seq: n });
      }),
    );
  });
});

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [345, 'tiga ratus empat puluh lima'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2021, 'dua ribu dua puluh satu'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
  ])('%i → %s', (n, words) => expect(terbilang(n)).toBe(words));

  it('rejects what it cannot say', () => {
    for (const n of [-1, 1.5, 1_000_000]) expect(() => terbilang(n)).toThrow(RangeError);
  });

  it('property: "se-" forms where due, no stray spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const w = terbilang(n);
        // "dua ratus lima puluh satu ribu" is right; "satu ratus" or a leading "satu ribu" never is.
        expect(w).not.toMatch(/satu (ratus|puluh|belas)|^satu ribu|  |^ | $/);
      }),
    );
  });
});

describe('spoken call', () => {
  it('reads the example from the domain notes', () => {
    expect(spokenCall('A-001', 'Loket 3')).toBe('Nomor antrean A nol nol satu, silakan menuju loket tiga');
  });

  it('reads digits one by one and letters separately', () => {
    expect(spokenNumber('B-120')).toBe('B satu dua nol');
    expect(spokenNumber('KP-1000')).toBe('K P satu nol nol nol');
    expect(spokenNumber('X7')).toBe('X tujuh');
  });

  it('says counter numbers as words', () => {
    expect(spokenCounter('3')).toBe('loket tiga');
    expect(spokenCounter('Loket 12')).toBe('loket dua belas');
    expect(spokenCounter('LOKET 21')).toBe('loket dua puluh satu');
    expect(spokenCounter('loket 100')).toBe('loket seratus');
    expect(spokenCounter('Loket 12A')).toBe('loket dua belas A');
    expect(spokenCounter('Meja 4')).toBe('Meja empat');
  });

  it('keeps names without numbers', () => {
    expect(spokenCounter('Loket Prioritas')).toBe('loket Prioritas');
    expect(spokenCounter('Customer Service')).toBe('Customer Service');
    expect(spokenCall('C-015', 'Customer Service')).toBe('Nomor antrean C nol satu lima, silakan menuju Customer Service');
  });
});
