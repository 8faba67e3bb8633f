import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../types';
import { move, rowsOf, shownOf } from './indicatorOrder';

describe('monthly report indicators', () => {
  it('lists the shown ones in their order, then every other one, and moves one at a time', () => {
    const rows = rowsOf(['ikm', 'visitors']);
    expect(rows.map((r) => r.key)).toEqual(['ikm', 'visitors', ...INDICATORS.filter((k) => k !== 'ikm' && k !== 'visitors')]);
    expect(shownOf(rows)).toEqual(['ikm', 'visitors']);
    expect(shownOf(move(rows, 1, -1))).toEqual(['visitors', 'ikm']);
    expect(move(rows, 0, -1)).toBe(rows);
    expect(move(rows, rows.length - 1, 1)).toBe(rows);
  });
});
