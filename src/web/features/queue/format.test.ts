import { describe, expect, it } from 'vitest';
import { estimateRange, newKey, waitFacts } from './format';
import { formatClock, zoneLabel } from '../../lib/format';

describe('queue formatting', () => {
  it('shows an expected wait as a range', () => {
    expect(estimateRange({ minMinutes: 10, maxMinutes: 25 })).toBe('10–25');
    expect(estimateRange({ minMinutes: 5, maxMinutes: 5 })).toBe('5');
    expect(estimateRange({ minMinutes: 0, maxMinutes: 0 })).toBe('0');
    expect(estimateRange({ minMinutes: 12.4, maxMinutes: 3 })).toBe('12');
    expect(estimateRange(null)).toBeNull();
  });

  it('never says "0 waiting" beside "0–23 minutes": with nobody ahead only the upper bound is told', () => {
    expect(waitFacts(0, { minMinutes: 0, maxMinutes: 23 })).toEqual({ waiting: 0, estimate: { kind: 'upTo', max: 23 } });
    expect(waitFacts(0, { minMinutes: 0, maxMinutes: 0 })).toEqual({ waiting: 0, estimate: { kind: 'soon' } });
    expect(waitFacts(3, { minMinutes: 10, maxMinutes: 25 })).toEqual({ waiting: 3, estimate: { kind: 'range', range: '10–25' } });
    expect(waitFacts(2, null)).toEqual({ waiting: 2, estimate: null });
  });

  it('tells the time in the site zone', () => {
    expect(formatClock('2026-11-25T01:05:00Z', 'en', 'Asia/Makassar')).toBe('09:05');
    expect(formatClock('2026-11-25T01:05:00Z', 'id', 'Asia/Makassar')).toMatch(/^09[.:]05$/);
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('makes idempotency keys that look like UUIDs and do not repeat', () => {
    const keys = new Set(Array.from({ length: 100 }, newKey));
    expect(keys.size).toBe(100);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('whereToGo', () => {
  it('lists the counters per location, numbers once for default names, the zone when no location', async () => {
    const { whereToGo } = await import('./format');
    expect(
      whereToGo([
        { name: 'Loket 5', number: 5, location: 'Lantai 1, Zona A', zone: 'Lantai 1' },
        { name: 'Loket 4', number: 4, location: 'Lantai 1, Zona A', zone: 'Lantai 1' },
        { name: 'Loket 21', number: 21, location: '', zone: 'Lantai 2' },
      ]),
    ).toEqual(['Loket 4, 5 · Lantai 1, Zona A', 'Loket 21 · Lantai 2']);
    expect(whereToGo([{ name: 'Loket Prioritas', number: 9, location: '', zone: '' }, { name: 'Loket 10', number: 10, location: '', zone: '' }])).toEqual(['Loket Prioritas, Loket 10']);
    expect(whereToGo([])).toEqual([]);
  });
});
