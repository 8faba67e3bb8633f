import { describe, expect, it } from 'vitest';
import { presetRange, previousMonth, rangeProblem, recentMonths } from './period';

describe('report periods', () => {
  it('counts presets back from the site’s today', () => {
    // Wednesday 25 November 2026.
    expect(presetRange('today', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    expect(presetRange('week', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    expect(presetRange('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetRange('month', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(presetRange('lastMonth', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('names what is wrong with a custom range', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(rangeProblem({ to: '2026-11-30' })).toBe('fromMissing');
    expect(rangeProblem({ from: '2026-11-01', to: '' })).toBe('toMissing');
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('toBeforeFrom');
    expect(rangeProblem({ from: '2025-11-01', to: '2026-11-02' })).toBe('tooLong');
    expect(rangeProblem({ from: '2025-11-01', to: '2026-11-01' })).toBeNull(); // 366 days
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('fromMissing');
  });

  it('lists months newest first and finds last month across a year', () => {
    expect(recentMonths('2026-02-15', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(previousMonth('2026-01-01')).toBe('2025-12');
  });
});
