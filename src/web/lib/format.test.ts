import { describe, expect, it } from 'vitest';
import { dateInZone, formatClock, formatDate, formatHm, formatSlot, localeOf, weekdayNames, zonedParts, zoneLabel } from './format';

describe('one set of formatters for dates, times and zones', () => {
  it('names the zones and locales once for every page', () => {
    expect(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'].map(zoneLabel)).toEqual(['WIB', 'WIB', 'WITA', 'WIT']);
    expect(localeOf('id')).toBe('id-ID');
    expect(localeOf('en')).toBe('en-GB');
  });

  it('shows instants in the site zone, whatever the browser zone', () => {
    // 23:30 UTC is already the next day in Jayapura (WIT, +09:00).
    expect(dateInZone('2026-11-25T23:30:00Z', 'Asia/Jayapura')).toBe('2026-11-26');
    expect(zonedParts('2026-11-25T23:30:00Z', 'Asia/Jayapura', 'id')).toEqual({ day: 'Kamis', time: '08.30', date: '26 Nov', zone: 'WIT' });
    expect(formatSlot('2026-11-26T08:00:00+08:00', '2026-11-26T08:30:00+08:00', 'id', 'Asia/Makassar')).toBe('Kamis, 26 November 2026, 08.00–08.30 WITA');
    expect(formatClock('not a date', 'id', 'Asia/Makassar')).toBe('');
  });

  it('formats calendar dates by style or options, and weekdays Monday first', () => {
    expect(formatDate('2026-11-26', 'id', 'short')).toBe(formatDate('2026-11-26', 'id', { weekday: 'short', day: 'numeric', month: 'short' }));
    expect(formatDate('2026-11-26', 'id', 'medium')).toBe('Kamis, 26 November');
    expect(formatDate('not-a-date', 'id')).toBe('not-a-date');
    expect(weekdayNames('id')[0]).toBe('Senin');
    expect(weekdayNames('en', 'short')[6]).toBe('Sun');
    expect(formatHm('08:00', 'id')).toBe('08.00');
    expect(formatHm('08:00', 'en')).toBe('08:00');
  });

  it('keeps working with a zone the browser does not know', () => {
    expect(formatClock('2026-11-25T01:05:00Z', 'en', 'Mars/Olympus')).toMatch(/^\d{2}:\d{2}$/);
  });
});
