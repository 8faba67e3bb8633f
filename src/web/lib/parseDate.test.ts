import { describe, expect, it } from 'vitest';
import { parseDayFirst } from './parseDate';

describe('parseDayFirst', () => {
  it('reads ISO, day-first numbers and month names in Indonesian and English', () => {
    expect(parseDayFirst('2026-01-15')).toBe('2026-01-15');
    expect(parseDayFirst('15/1/2026')).toBe('2026-01-15');
    expect(parseDayFirst('05-11-2026')).toBe('2026-11-05');
    expect(parseDayFirst('15 Januari 2026')).toBe('2026-01-15');
    expect(parseDayFirst('17 Agu 2026')).toBe('2026-08-17');
    expect(parseDayFirst('3 Okt 2026')).toBe('2026-10-03');
    expect(parseDayFirst('Kamis, 26 November 2026')).toBe('2026-11-26');
    expect(parseDayFirst('1 May 2026')).toBe('2026-05-01');
  });
  it('never reads month first and refuses dates that do not exist', () => {
    expect(parseDayFirst('11/05/2026')).toBe('2026-05-11');
    expect(parseDayFirst('31/02/2026')).toBeNull();
    expect(parseDayFirst('13/13/2026')).toBeNull();
    expect(parseDayFirst('besok')).toBeNull();
    expect(parseDayFirst('')).toBeNull();
  });
});
