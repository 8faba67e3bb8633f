import { describe, expect, it } from 'vitest';
import { fmtCount, fmtMinutes, fmtShare, toCsv } from './figures';

describe('report figures', () => {
  it('read in Indonesian formats, with a dash for what was not measured', () => {
    expect(fmtCount(12345, 'id')).toBe('12.345');
    expect(fmtMinutes(12.25, 'id')).toBe('12,3');
    expect(fmtMinutes(0, 'id')).toBe('0,0');
    expect(fmtMinutes(null, 'id')).toBe('–');
    expect(fmtShare(0.875, 'id')).toMatch(/^88\s?%$/);
    expect(fmtMinutes(12.25, 'en')).toBe('12.3');
  });

  it('writes CSV a spreadsheet opens safely', () => {
    const csv = toCsv({ header: ['Instansi', 'Tiket'], rows: [['Disdukcapil, Kota', 12], ['=HYPERLINK("x")', null], ['a;b', 0.5]] });
    expect(csv).toBe('\uFEFFInstansi,Tiket\r\n"Disdukcapil, Kota",12\r\n"\'=HYPERLINK(""x"")",\r\n"a;b",0.5\r\n');
  });
});
