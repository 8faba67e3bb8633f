/**
 * How catalogue rows are shown: public service standards, opening state computed in the site's
 * zone, hours as text, audit diffs. Pure functions plus one read (the closures near today).
 */
import { DateTime } from 'luxon';
import { formatHoursText, type WeeklyHoursMap } from '../../../domain/hours-text';
import { isOpenAt, localDate, nextOpening, rangesOn, formatHm, type Weekday } from '../../../domain/opening-hours';
import type { Conn } from '../../platform/db';
import type { WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';

export const DURATION_TEXT: Record<string, { id: string; en: string }> = {
  minutes: { id: 'menit', en: 'minutes' },
  hours: { id: 'jam', en: 'hours' },
  days: { id: 'hari', en: 'days' },
  working_days: { id: 'hari kerja', en: 'working days' },
};

/** "15 menit", "3 hari kerja"; 0 → "Selesai di tempat" (finished while the citizen waits). */
export function durationText(value: number, unit: string, stored?: string | null): string {
  if (stored && stored.trim()) return stored;
  if (value === 0) return 'Selesai di tempat';
  return `${value} ${DURATION_TEXT[unit]?.id ?? unit}`;
}

export type DocNames = Map<string, string>;

export async function documentNames(conn: Conn): Promise<DocNames> {
  return new Map((await repo.listDocumentTypes(conn, false)).map((d) => [d.key, d.name]));
}

export function presentPublicService(s: repo.ServiceRow, a: repo.AgencyRow, docs: DocNames) {
  return {
    id: s.id,
    code: s.code,
    prefix: s.prefix,
    name: s.name,
    bookable: s.bookable,
    keywords: s.keywords,
    description: s.description,
    handlingMinutes: s.handlingMinutes,
    agency: { id: a.id, name: a.name, shortName: a.shortName, kind: a.kind },
    standard: {
      requirements: s.requirements.map((r) => ({ documentType: { key: r.documentTypeKey, name: docs.get(r.documentTypeKey) ?? r.documentTypeKey }, note: r.note ?? null })),
      procedure: s.procedure,
      durationText: durationText(s.durationValue, s.durationUnit, s.durationText),
      duration: { value: s.durationValue, unit: s.durationUnit as 'minutes' },
      fee: s.fee,
      feeVariable: s.feeVariable,
      feeBasis: s.feeBasis,
      product: s.product,
      complaintChannel: s.complaintChannel,
    },
  };
}

/** Fields a search looks at, with their weights (see src/domain/search.ts). */
export function serviceSearchFields(s: repo.ServiceRow, a: repo.AgencyRow) {
  return [
    { text: s.code, weight: 3 },
    { text: s.name, weight: 3 },
    { text: s.keywords, weight: 2 },
    { text: a.shortName, weight: 2 },
    { text: a.name, weight: 1.5 },
    { text: s.description, weight: 0.5 },
    { text: s.product, weight: 0.5 },
  ];
}

export const hoursText = (h: WeeklyHoursJson | null | undefined) => formatHoursText((h ?? {}) as WeeklyHoursMap);

/** The site's closed days from its local today for a month: enough for "next opening". */
export interface ClosureWindow {
  today: string;
  byDate: Map<string, { name: string; kind: string }>;
  dates: Set<string>;
}

export const WINDOW_DAYS = 31;

export async function closureWindow(conn: Conn, site: { id: string; timeZone: string }, now: Date): Promise<ClosureWindow> {
  const today = localDate(now, site.timeZone);
  const to = DateTime.fromISO(today).plus({ days: WINDOW_DAYS }).toISODate()!;
  const rows = await repo.closedDates(conn, site.id, today, to);
  const byDate = new Map(rows.map((r) => [r.date, { name: r.name, kind: r.kind }]));
  return { today, byDate, dates: new Set(byDate.keys()) };
}

/** Open now, next opening and today's ranges of weekly hours, in the site's zone. */
export function openState(hours: WeeklyHoursJson, w: ClosureWindow, zone: string, now: Date) {
  const h = hours as Record<Weekday, Array<{ start: string; end: string }>>;
  const weekday = DateTime.fromISO(w.today, { zone }).weekday as Weekday;
  const next = nextOpening(h, w.dates, zone, now, WINDOW_DAYS - 1);
  return {
    openNow: isOpenAt(h, w.dates, zone, now),
    nextOpening: next ? next.toISOString() : null,
    today: {
      date: w.today,
      ranges: rangesOn(h, weekday).map((r) => ({ start: formatHm(r.start), end: formatHm(r.end) })),
      closed: w.byDate.get(w.today) ?? null,
    },
  };
}

/** The fields of a patch whose values differ from the row, for the audit log. */
export function changes(before: Record<string, unknown>, patch: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || k === 'updatedAt') continue;
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = { from: before[k] ?? null, to: v ?? null };
  }
  return out;
}

export function paginate<T>(items: readonly T[], page: number, pageSize: number) {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

export function statusFilter<T extends { active: boolean }>(items: T[], status: 'all' | 'active' | 'inactive'): T[] {
  return status === 'all' ? items : items.filter((i) => i.active === (status === 'active'));
}
