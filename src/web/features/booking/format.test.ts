import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, isoWeekday, monthRange, monthWeeks, normaliseCode } from './format';
import { requirementText } from './storage';
import { dateInZone, formatDate, formatTimeRange } from '../../lib/format';

describe('booking date helpers', () => {
  it('adds days across months and years without the browser zone shifting them', () => {
    expect(addDays('2026-11-25', 1)).toBe('2026-11-26');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 14)).toBe('2027-01-14');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads an instant as a local date of the site', () => {
    // 23:30 UTC on the 25th is already the 26th in Samarinda (WITA, +08:00).
    expect(dateInZone('2026-11-25T23:30:00Z', 'Asia/Makassar')).toBe('2026-11-26');
    expect(dateInZone('2026-11-25T15:59:00Z', 'Asia/Makassar')).toBe('2026-11-25');
  });

  it('lays a month out in Monday-first weeks', () => {
    const weeks = monthWeeks('2026-11');
    // 1 Nov 2026 is a Sunday: six empty cells first.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('formats dates and slot times in Indonesian with the zone named', () => {
    expect(formatDate('2026-11-26', 'id')).toBe('Kamis, 26 November 2026');
    expect(formatDate('2026-11-26', 'en')).toMatch(/^Thursday,? 26 November 2026$/);
    expect(formatTimeRange('2026-11-26T08:00:00+08:00', '2026-11-26T08:30:00+08:00', 'id', 'Asia/Makassar')).toBe('08.00–08.30 WITA');
  });

  it('validates dates and normalises codes', () => {
    expect(isIsoDate('2026-11-26')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-11-2026')).toBe(false);
    expect(normaliseCode(' ab12-cd34 ')).toBe('AB12CD34');
  });

  it('turns a requirement of any shape into one line', () => {
    expect(requirementText({ documentType: { key: 'kk', name: 'Kartu Keluarga' }, note: 'asli' })).toBe('Kartu Keluarga (asli)');
    expect(requirementText({ documentType: { key: 'kk', name: 'Kartu Keluarga' }, note: null })).toBe('Kartu Keluarga');
    expect(requirementText('Pas foto 4x6')).toBe('Pas foto 4x6');
    expect(requirementText({})).toBeNull();
  });
});
