import { describe, expect, it } from 'vitest';
import { holidaySource, indonesianHolidays } from './holidays';

const dates = (year: number, kind?: 'national' | 'cuti_bersama') =>
  indonesianHolidays(year).filter((h) => !kind || h.kind === kind).map((h) => h.date);

describe('indonesianHolidays', () => {
  it('2026 follows the SKB: 17 national holidays and 8 days of cuti bersama', () => {
    expect(holidaySource(2026).kind).toBe('skb');
    expect(dates(2026, 'national')).toHaveLength(17);
    expect(dates(2026, 'cuti_bersama')).toEqual(['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']);
    const all = dates(2026);
    for (const d of ['2026-01-01', '2026-03-21', '2026-03-22', '2026-08-17', '2026-12-25']) expect(all).toContain(d);
    expect(indonesianHolidays(2026).find((h) => h.date === '2026-08-17')).toMatchObject({ kind: 'national' });
  });

  it('2025 follows the SKB: 17 + 10', () => {
    expect(dates(2025, 'national')).toHaveLength(17);
    expect(dates(2025, 'cuti_bersama')).toHaveLength(10);
    expect(dates(2025)).toContain('2025-04-07');
  });

  it('other years come from date-holidays, national only, with Isra Mikraj named right', () => {
    expect(holidaySource(2027).kind).toBe('computed');
    const list = indonesianHolidays(2027);
    expect(list.every((h) => h.kind === 'national')).toBe(true);
    for (const d of ['2027-01-01', '2027-08-17', '2027-12-25']) expect(list.map((h) => h.date)).toContain(d);
    expect(list.some((h) => h.name.includes('Isra Mikraj'))).toBe(true);
    // The package puts 27 Rajab 1449 on 25 December 2027: one entry carries both names.
    expect(list.filter((h) => h.date === '2027-12-25')).toHaveLength(1);
    expect(list.filter((h) => /Maulid/.test(h.name))).toHaveLength(1); // 12 Rabi al-awwal only
  });

  it('returns one entry per date, sorted, as YYYY-MM-DD', () => {
    for (const year of [2025, 2026, 2027, 2030]) {
      const ds = dates(year);
      expect(new Set(ds).size).toBe(ds.length);
      expect([...ds].sort()).toEqual(ds);
      for (const d of ds) expect(d).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
    }
  });
});
