/**
 * Weekly opening hours as officers write them in a spreadsheet cell, and their validation:
 *   "Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30"
 * Groups are separated by ';', each group is a day spec (one day, a range "Sen-Kam", or a list
 * "Sen,Rab,Jum") and one or more time ranges separated by ','. Indonesian and English day names,
 * short or long, and "08.00" as well as "08:00" are accepted. An empty cell or "tutup" is closed.
 */

export type DayKey = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const DAY_KEYS: readonly DayKey[] = ['1', '2', '3', '4', '5', '6', '7'];
export interface HoursRange {
  start: string;
  end: string;
}
export type WeeklyHoursMap = Partial<Record<DayKey, HoursRange[]>>;

/** Short Indonesian day names, Monday first (ISO weekday 1…7). */
export const DAY_SHORT_ID = ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'] as const;

const DAY_NAMES: Record<string, DayKey> = {
  sen: '1', senin: '1', mon: '1', monday: '1',
  sel: '2', selasa: '2', tue: '2', tues: '2', tuesday: '2',
  rab: '3', rabu: '3', wed: '3', wednesday: '3',
  kam: '4', kamis: '4', thu: '4', thur: '4', thurs: '4', thursday: '4',
  jum: '5', jumat: '5', "jum'at": '5', fri: '5', friday: '5',
  sab: '6', sabtu: '6', sat: '6', saturday: '6',
  min: '7', minggu: '7', ahad: '7', sun: '7', sunday: '7',
};

const TIME_RE = /^(?:([01]?\d|2[0-3])[:.]([0-5]\d)|(24)[:.](00))$/;

/** 'H:MM', 'HH.MM' … → 'HH:MM'; null when not a time of day (24:00 allowed as an end). */
export function normalizeTime(text: string): string | null {
  const m = TIME_RE.exec(text.trim());
  if (!m) return null;
  if (m[3]) return '24:00';
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export interface HoursProblem {
  /** Where, relative to the hours value: '' (the whole value), '3' (a day), '3.1' (a range), '3.1.end'. */
  path: string;
  code: 'invalid_day' | 'invalid_time' | 'invalid_range' | 'start_not_before_end' | 'overlap' | 'syntax';
  messages: { id: string; en: string };
}

const DAY_NAME_ID = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const DAY_NAME_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Problems of weekly hours given as data ({'1': [{start, end}], …}): day keys 1…7, times HH:MM,
 * start before end, no two ranges of a day overlapping (touching is fine: 08:00–12:00 and
 * 12:00–15:00). Returns [] when valid. Takes any value (an imported file is not typed): a day
 * that is not a list, or a range that is not an object, is a problem too.
 */
export function validateWeeklyHours(hours: Readonly<Record<string, unknown>>): HoursProblem[] {
  const problems: HoursProblem[] = [];
  for (const [day, ranges] of Object.entries(hours)) {
    if (!DAY_KEYS.includes(day as DayKey)) {
      problems.push({ path: day, code: 'invalid_day', messages: { id: `Hari "${day}" tidak dikenal (1 = Senin … 7 = Minggu).`, en: `Unknown day "${day}" (1 = Monday … 7 = Sunday).` } });
      continue;
    }
    const dayId = DAY_NAME_ID[Number(day) - 1];
    const dayEn = DAY_NAME_EN[Number(day) - 1];
    const notRanges = { id: `${dayId}: tulis daftar jam {start, end}.`, en: `${dayEn}: give a list of {start, end} times.` };
    if (!Array.isArray(ranges)) {
      problems.push({ path: day, code: 'invalid_range', messages: notRanges });
      continue;
    }
    const valid: Array<{ index: number; start: number; end: number; text: string }> = [];
    (ranges as unknown[]).forEach((item, i) => {
      if (item === null || typeof item !== 'object') {
        problems.push({ path: `${day}.${i}`, code: 'invalid_range', messages: notRanges });
        return;
      }
      const r = item as { start: unknown; end: unknown };
      let ok = true;
      for (const key of ['start', 'end'] as const) {
        const t = r[key];
        const n = typeof t === 'string' ? normalizeTime(t) : null;
        if (n === null || n !== t || (key === 'start' && n === '24:00')) {
          ok = false;
          problems.push({ path: `${day}.${i}.${key}`, code: 'invalid_time', messages: { id: `${dayId}: jam "${String(t)}" tidak valid, gunakan JJ:MM (mis. 08:00).`, en: `${dayEn}: time "${String(t)}" is not valid, use HH:MM (e.g. 08:00).` } });
        }
      }
      if (!ok || typeof r.start !== 'string' || typeof r.end !== 'string') return;
      const start = minutes(r.start);
      const end = minutes(r.end);
      if (start >= end) {
        problems.push({ path: `${day}.${i}`, code: 'start_not_before_end', messages: { id: `${dayId}: jam mulai ${r.start} harus sebelum jam selesai ${r.end}.`, en: `${dayEn}: start ${r.start} must be before end ${r.end}.` } });
        return;
      }
      valid.push({ index: i, start, end, text: `${r.start}-${r.end}` });
    });
    const sorted = [...valid].sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1];
      const cur = sorted[k];
      if (cur.start < prev.end) {
        const at = Math.max(cur.index, prev.index);
        problems.push({ path: `${day}.${at}`, code: 'overlap', messages: { id: `${dayId}: jam ${cur.text} bertumpang tindih dengan ${prev.text}.`, en: `${dayEn}: ${cur.text} overlaps ${prev.text}.` } });
      }
    }
  }
  return problems;
}

/** Days in order, empty days dropped, ranges sorted by start. */
export function canonicalHours(hours: WeeklyHoursMap): WeeklyHoursMap {
  const out: WeeklyHoursMap = {};
  for (const d of DAY_KEYS) {
    const r = hours[d];
    if (r && r.length) out[d] = [...r].map((x) => ({ start: x.start, end: x.end })).sort((a, b) => minutes(a.start) - minutes(b.start));
  }
  return out;
}

/** Weekly hours → "Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30" ('' when always closed). */
export function formatHoursText(hours: WeeklyHoursMap): string {
  const c = canonicalHours(hours);
  const key = (d: DayKey) => (c[d] ?? []).map((r) => `${r.start}-${r.end}`).join(',');
  const groups: string[] = [];
  let i = 0;
  while (i < 7) {
    const k = key(DAY_KEYS[i]);
    if (!k) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && key(DAY_KEYS[j + 1]) === k) j++;
    const days = j === i ? DAY_SHORT_ID[i] : `${DAY_SHORT_ID[i]}-${DAY_SHORT_ID[j]}`;
    groups.push(`${days} ${k}`);
    i = j + 1;
  }
  return groups.join('; ');
}

function parseDay(word: string): DayKey | null {
  return DAY_NAMES[word.trim().toLowerCase().replace(/\.$/, '')] ?? null;
}

/**
 * Parses the text form. Returns the hours (ranges as written, validated with
 * validateWeeklyHours) or the problems found, each naming the group it is in.
 */
export function parseHoursText(text: string | null | undefined): { hours: WeeklyHoursMap; problems: HoursProblem[] } {
  const hours: WeeklyHoursMap = {};
  const problems: HoursProblem[] = [];
  const src = (text ?? '').trim();
  if (!src || /^(tutup|libur|closed|-)$/i.test(src)) return { hours, problems };
  const groups = src.split(/[;\n]+/).map((g) => g.trim()).filter(Boolean);
  for (const group of groups) {
    // The day spec is everything before the first digit.
    const m = /^([^\d]+?)\s*(\d.*)$/s.exec(group);
    if (!m) {
      problems.push({ path: '', code: 'syntax', messages: { id: `"${group}": tulis hari lalu jam, mis. "Sen-Kam 08:00-12:00".`, en: `"${group}": write days then times, e.g. "Mon-Thu 08:00-12:00".` } });
      continue;
    }
    const days: DayKey[] = [];
    let dayOk = true;
    for (const part of m[1].split(/[,&/]|\bdan\b|\band\b/i).map((p) => p.trim()).filter(Boolean)) {
      const range = part.split(/\s*[-–]\s*|\s+s\.?d\.?\s+|\s+sampai\s+|\s+to\s+/i);
      if (range.length === 2) {
        const a = parseDay(range[0]);
        const b = parseDay(range[1]);
        if (!a || !b || Number(a) > Number(b)) {
          dayOk = false;
          break;
        }
        for (let d = Number(a); d <= Number(b); d++) days.push(String(d) as DayKey);
      } else {
        const d = parseDay(part);
        if (!d) {
          dayOk = false;
          break;
        }
        days.push(d);
      }
    }
    if (!dayOk || days.length === 0) {
      problems.push({ path: '', code: 'invalid_day', messages: { id: `"${m[1].trim()}": hari tidak dikenal (Sen, Sel, Rab, Kam, Jum, Sab, Min).`, en: `"${m[1].trim()}": unknown day (Mon … Sun or Sen … Min).` } });
      continue;
    }
    const ranges: HoursRange[] = [];
    let timesOk = true;
    for (const r of m[2].split(',').map((p) => p.trim()).filter(Boolean)) {
      const parts = r.split(/\s*[-–]\s*|\s+s\.?d\.?\s+|\s+sampai\s+/i);
      const start = parts.length === 2 ? normalizeTime(parts[0]) : null;
      const end = parts.length === 2 ? normalizeTime(parts[1]) : null;
      if (!start || !end) {
        timesOk = false;
        problems.push({ path: '', code: 'invalid_time', messages: { id: `"${r}": jam tidak valid, tulis mis. 08:00-12:00.`, en: `"${r}": invalid time range, write e.g. 08:00-12:00.` } });
        continue;
      }
      ranges.push({ start, end });
    }
    if (!timesOk) continue;
    for (const d of days) hours[d] = [...(hours[d] ?? []), ...ranges];
  }
  if (problems.length === 0) problems.push(...validateWeeklyHours(hours as Record<string, HoursRange[]>));
  return { hours: canonicalHours(hours), problems };
}
