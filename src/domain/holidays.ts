import Holidays from 'date-holidays';

/**
 * Indonesian national holidays (hari libur nasional) and cuti bersama, to seed a site's
 * calendar. The calendar stays editable per site: the government fixes both lists each year by
 * joint ministerial decree (SKB 3 Menteri) and sometimes changes them mid-year.
 *
 * Sources, in order:
 * 1. For years whose SKB is transcribed below, the SKB list as published: it is the only source
 *    of cuti bersama, and its Islamic dates follow the government's own calendar.
 * 2. Otherwise the `date-holidays` package (country 'ID'). What it returns for ID (3.37): only
 *    type 'public' (never 'bank', 'optional', 'school' or 'observance'), so every entry maps to
 *    kind 'national' and other types are dropped; it has no cuti bersama at all. Its Islamic
 *    dates are computed and can be a day off the SKB (Idul Fitri 2026: 20–21 March against the
 *    SKB's 21–22), Nyepi and Waisak are listed only up to 2027, Easter Sunday is missing, and it
 *    names 27 Rajab (Isra Mikraj) "Maulid Nabi Muhammad", corrected here.
 */

export interface Holiday {
  date: string;
  name: string;
  kind: 'national' | 'cuti_bersama';
}

type Entry = readonly [monthDay: string, name: string];

/** SKB 3 Menteri, transcribed: national holidays and cuti bersama per year. */
const SKB: Record<number, { ref: string; national: readonly Entry[]; cutiBersama: readonly Entry[] }> = {
  2025: {
    ref: 'SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1017, 2, 2 Tahun 2024',
    national: [
      ['01-01', 'Tahun Baru 2025 Masehi'],
      ['01-27', 'Isra Mikraj Nabi Muhammad SAW'],
      ['01-29', 'Tahun Baru Imlek 2576 Kongzili'],
      ['03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'],
      ['03-31', 'Idulfitri 1446 Hijriah'],
      ['04-01', 'Idulfitri 1446 Hijriah'],
      ['04-18', 'Wafat Yesus Kristus'],
      ['04-20', 'Kebangkitan Yesus Kristus (Paskah)'],
      ['05-01', 'Hari Buruh Internasional'],
      ['05-12', 'Hari Raya Waisak 2569 BE'],
      ['05-29', 'Kenaikan Yesus Kristus'],
      ['06-01', 'Hari Lahir Pancasila'],
      ['06-06', 'Iduladha 1446 Hijriah'],
      ['06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'],
      ['08-17', 'Proklamasi Kemerdekaan'],
      ['09-05', 'Maulid Nabi Muhammad SAW'],
      ['12-25', 'Kelahiran Yesus Kristus'],
    ],
    cutiBersama: [
      ['01-28', 'Cuti bersama Tahun Baru Imlek'],
      ['03-28', 'Cuti bersama Hari Suci Nyepi'],
      ['04-02', 'Cuti bersama Idulfitri'],
      ['04-03', 'Cuti bersama Idulfitri'],
      ['04-04', 'Cuti bersama Idulfitri'],
      ['04-07', 'Cuti bersama Idulfitri'],
      ['05-13', 'Cuti bersama Hari Raya Waisak'],
      ['05-30', 'Cuti bersama Kenaikan Yesus Kristus'],
      ['06-09', 'Cuti bersama Iduladha'],
      ['12-26', 'Cuti bersama Kelahiran Yesus Kristus'],
    ],
  },
  2026: {
    ref: 'SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1497, 2, 5 Tahun 2025',
    national: [
      ['01-01', 'Tahun Baru 2026 Masehi'],
      ['01-16', 'Isra Mikraj Nabi Muhammad SAW'],
      ['02-17', 'Tahun Baru Imlek 2577 Kongzili'],
      ['03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
      ['03-21', 'Idulfitri 1447 Hijriah'],
      ['03-22', 'Idulfitri 1447 Hijriah'],
      ['04-03', 'Wafat Yesus Kristus'],
      ['04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
      ['05-01', 'Hari Buruh Internasional'],
      ['05-14', 'Kenaikan Yesus Kristus'],
      ['05-27', 'Iduladha 1447 Hijriah'],
      ['05-31', 'Hari Raya Waisak 2570 BE'],
      ['06-01', 'Hari Lahir Pancasila'],
      ['06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'],
      ['08-17', 'Proklamasi Kemerdekaan'],
      ['08-25', 'Maulid Nabi Muhammad SAW'],
      ['12-25', 'Kelahiran Yesus Kristus'],
    ],
    cutiBersama: [
      ['02-16', 'Cuti bersama Tahun Baru Imlek'],
      ['03-18', 'Cuti bersama Hari Suci Nyepi'],
      ['03-20', 'Cuti bersama Idulfitri'],
      ['03-23', 'Cuti bersama Idulfitri'],
      ['03-24', 'Cuti bersama Idulfitri'],
      ['05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
      ['05-28', 'Cuti bersama Iduladha'],
      ['12-24', 'Cuti bersama Kelahiran Yesus Kristus'],
    ],
  },
};

/** Where `indonesianHolidays(year)` takes its list from. */
export function holidaySource(year: number): { kind: 'skb' | 'computed'; ref: string } {
  const skb = SKB[year];
  return skb ? { kind: 'skb', ref: skb.ref } : { kind: 'computed', ref: 'date-holidays (ID), national holidays only' };
}

/** Names the package gets wrong, by its rule. */
const NAME_FIXES: Record<string, string> = { '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW' };

let calendar: Holidays | null = null;

function computed(year: number): Holiday[] {
  calendar ??= new Holidays('ID');
  return calendar
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: NAME_FIXES[h.rule] ?? h.name, kind: 'national' as const }));
}

/**
 * Holidays of a year, one entry per date, sorted by date. Two holidays on one date become one
 * entry with both names (a site's calendar keeps one row per date).
 */
export function indonesianHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const skb = SKB[year];
  const list: Holiday[] = skb
    ? [
        ...skb.national.map(([md, name]) => ({ date: `${year}-${md}`, name, kind: 'national' as const })),
        ...skb.cutiBersama.map(([md, name]) => ({ date: `${year}-${md}`, name, kind: 'cuti_bersama' as const })),
      ]
    : computed(year);
  const byDate = new Map<string, Holiday>();
  for (const h of list) {
    const seen = byDate.get(h.date);
    if (!seen) byDate.set(h.date, { ...h });
    else if (!seen.name.includes(h.name)) {
      seen.name = `${seen.name} / ${h.name}`;
      if (h.kind === 'national') seen.kind = 'national';
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
