import type { Estimate } from './types';

/**
 * An expected wait as a range: `{min: 10, max: 25}` → "10–25"; the caller adds the unit. Null when
 * there is nothing to say; "0" when the wait is (about) none.
 */
export function estimateRange(e: Estimate | null | undefined): string | null {
  if (!e) return null;
  const min = Math.max(0, Math.round(e.minMinutes));
  const max = Math.max(min, Math.round(e.maxMinutes));
  if (max <= 0) return '0';
  return min === max ? String(min) : `${min}–${max}`;
}

export type WaitEstimateWords = { kind: 'soon' } | { kind: 'upTo'; max: number } | { kind: 'range'; range: string };

/**
 * A wait as people read it. Nobody ahead: the low end is 0 by definition, so only the upper bound
 * is told ("hingga 23 menit": a counter may still be busy), or "segera" when even that is none.
 */
export function waitFacts(ahead: number, e: Estimate | null | undefined): { waiting: number; estimate: WaitEstimateWords | null } {
  const range = estimateRange(e);
  if (range === null) return { waiting: ahead, estimate: null };
  if (range === '0') return { waiting: ahead, estimate: { kind: 'soon' } };
  if (ahead === 0) return { waiting: 0, estimate: { kind: 'upTo', max: Math.max(1, Math.round(e!.maxMinutes)) } };
  return { waiting: ahead, estimate: { kind: 'range', range } };
}

/** A fallback UUID v4 where crypto.randomUUID is missing (it needs a secure context: a kiosk on plain http). */
export function newKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // Not a secure context.
    }
  }
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** localStorage that never throws (private mode, storage full). */
export const store = {
  get<T>(key: string): T | null {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): void {
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(value));
    } catch {
      // Not kept.
    }
  },
  remove(key: string): void {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // Nothing to do.
    }
  },
};

/**
 * Where a citizen goes for a service, one line per location: "Loket 4, 5, 6 · Lantai 1, Zona A".
 * Counters keep their own names unless they are the default "Loket <number>" (then the numbers
 * are listed once). The location falls back to the display zone.
 */
export function whereToGo(counters: ReadonlyArray<{ name: string; number: number; location?: string; zone: string }>): string[] {
  const groups = new Map<string, Array<{ name: string; number: number }>>();
  for (const c of [...counters].sort((a, b) => a.number - b.number)) {
    const where = (c.location || c.zone).trim();
    groups.set(where, [...(groups.get(where) ?? []), c]);
  }
  return [...groups].map(([where, cs]) => {
    const plain = cs.every((c) => c.name === `Loket ${c.number}`);
    const names = plain ? `Loket ${cs.map((c) => c.number).join(', ')}` : cs.map((c) => c.name).join(', ');
    return where ? `${names} · ${where}` : names;
  });
}
