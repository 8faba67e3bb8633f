import { describe, expect, it } from 'vitest';
import { formatHoursText, normalizeTime, parseHoursText, validateWeeklyHours } from './hours-text';

const weekdays = {
  '1': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '2': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '3': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '4': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '5': [{ start: '08:00', end: '11:30' }],
};

describe('hours text', () => {
  it('formats runs of equal days as ranges', () => {
    expect(formatHoursText(weekdays)).toBe('Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30');
    expect(formatHoursText({ '1': [{ start: '08:00', end: '12:00' }], '3': [{ start: '08:00', end: '12:00' }], '5': [{ start: '08:00', end: '12:00' }] })).toBe(
      'Sen 08:00-12:00; Rab 08:00-12:00; Jum 08:00-12:00',
    );
    expect(formatHoursText({})).toBe('');
  });

  it('parses what it formats, and the ways officers write it', () => {
    expect(parseHoursText('Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30')).toEqual({ hours: weekdays, problems: [] });
    expect(parseHoursText('senin s.d. kamis 8.00-12.00, 13.00 - 15.00\nJumat 08.00-11.30').hours).toEqual(weekdays);
    expect(parseHoursText('Mon, Wed, Fri 08:00-12:00').hours).toEqual({ '1': [{ start: '08:00', end: '12:00' }], '3': [{ start: '08:00', end: '12:00' }], '5': [{ start: '08:00', end: '12:00' }] });
    expect(parseHoursText('')).toEqual({ hours: {}, problems: [] });
    expect(parseHoursText('Tutup')).toEqual({ hours: {}, problems: [] });
  });

  it('reports bad days, bad times, reversed and overlapping ranges', () => {
    expect(parseHoursText('Snn 08:00-12:00').problems[0].code).toBe('invalid_day');
    expect(parseHoursText('Sen 08:00-25:00').problems[0].code).toBe('invalid_time');
    expect(parseHoursText('Sen 12:00-08:00').problems[0].code).toBe('start_not_before_end');
    expect(parseHoursText('Sen 08:00-12:00,11:00-13:00').problems[0]).toMatchObject({ code: 'overlap', path: '1.1' });
    expect(parseHoursText('08:00-12:00').problems[0].code).toBe('syntax');
  });
});

describe('validateWeeklyHours', () => {
  it('accepts touching ranges and 24:00 as an end', () => {
    expect(validateWeeklyHours({ '1': [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '24:00' }] })).toEqual([]);
  });
  it('names the range and the side at fault', () => {
    const p = validateWeeklyHours({ '2': [{ start: '8:00', end: '12:00' }], '9': [], '3': [{ start: '09:00', end: '10:00' }, { start: '08:00', end: '09:30' }] });
    expect(p.map((x) => [x.path, x.code])).toEqual([
      ['2.0.start', 'invalid_time'],
      ['3.1', 'overlap'],
      ['9', 'invalid_day'],
    ]);
    expect(p[0].messages.id).toContain('Selasa');
  });
  it('reports a day that is not a list and a range that is not an object, without throwing', () => {
    const p = validateWeeklyHours({ '1': {}, '2': null, '3': [null, 'x', { start: 8, end: '12:00' }] });
    expect(p.map((x) => [x.path, x.code])).toEqual([
      ['1', 'invalid_range'],
      ['2', 'invalid_range'],
      ['3.0', 'invalid_range'],
      ['3.1', 'invalid_range'],
      ['3.2.start', 'invalid_time'],
    ]);
  });
  it('normalizes times', () => {
    expect(normalizeTime('8.30')).toBe('08:30');
    expect(normalizeTime('24:00')).toBe('24:00');
    expect(normalizeTime('24:30')).toBeNull();
  });
});
