import { localDate } from './opening-hours';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS` = province, regency/city,
 * district, birth date (women: day + 40), serial. There is no check digit, so validation can only
 * reject what cannot be a NIK; it cannot prove one was issued. The NIK is personal data
 * (UU 27/2022 PDP): show it masked.
 */

/** Kemendagri province codes (38 provinces, incl. the 2022 Papua provinces 93–96). */
export const PROVINCES: Record<string, string> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

export type NikError =
  | 'empty'
  | 'not_digits'
  | 'wrong_length'
  | 'unknown_province'
  | 'invalid_regency'
  | 'invalid_district'
  | 'invalid_birth_date'
  | 'invalid_serial';

export type NikResult =
  | {
      ok: true;
      /** The NIK with spaces removed. */
      nik: string;
      /** Two-digit province code (a key of PROVINCES). */
      province: string;
      /** Four digits: province + regency/city. */
      regency: string;
      /** Six digits: province + regency/city + district. */
      district: string;
      birthDate: string;
      sex: 'L' | 'P';
    }
  | { ok: false; reason: NikError };

export const nikMessages: Record<NikError, { id: string; en: string }> = {
  empty: { id: 'NIK wajib diisi.', en: 'NIK is required.' },
  not_digits: { id: 'NIK hanya boleh berisi angka.', en: 'NIK may contain digits only.' },
  wrong_length: { id: 'NIK harus terdiri dari 16 digit.', en: 'NIK must be exactly 16 digits.' },
  unknown_province: {
    id: 'Dua digit pertama NIK bukan kode provinsi yang terdaftar.',
    en: 'The first two digits of the NIK are not a known province code.',
  },
  invalid_regency: {
    id: 'Digit ke-3 dan ke-4 NIK (kode kabupaten/kota) tidak boleh 00.',
    en: 'Digits 3–4 of the NIK (regency/city code) cannot be 00.',
  },
  invalid_district: {
    id: 'Digit ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00.',
    en: 'Digits 5–6 of the NIK (district code) cannot be 00.',
  },
  invalid_birth_date: {
    id: 'Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid (TTBBYY; untuk perempuan tanggal ditambah 40).',
    en: 'Digits 7–12 of the NIK are not a valid birth date (DDMMYY; for women the day is increased by 40).',
  },
  invalid_serial: {
    id: 'Empat digit terakhir NIK (nomor urut) tidak boleh 0000.',
    en: 'The last four digits of the NIK (serial number) cannot be 0000.',
  },
};

/** Removes the spaces people type between digit groups. */
export function normalizeNik(input: string): string {
  return input.replace(/\s+/g, '');
}

// Indonesia's easternmost zone: a baby registered "today" in Papua must not count as future.
const LATEST_ZONE = 'Asia/Jayapura';

/**
 * Decodes the birth date. A two-digit year is read as 20YY unless that date would be after
 * `now`, then as 19YY: the only reading possible without outside data (someone born in 1925
 * with a NIK ending in "25" reads as 2025 when that date has passed).
 */
function birthDateOf(ddmmyy: string, now: Date): { date: string; sex: 'L' | 'P' } | null {
  const rawDay = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  const sex = rawDay > 40 ? 'P' : 'L';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const today = localDate(now, LATEST_ZONE);
  for (const century of [2000, 1900]) {
    // Plain UTC date arithmetic (runs for every booking attempt): an impossible day such as
    // 31 February rolls over into the next month and is refused.
    const dt = new Date(Date.UTC(century + yy, month - 1, day));
    if (dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== day || month < 1 || month > 12) continue;
    const iso = dt.toISOString().slice(0, 10);
    if (iso <= today) return { date: iso, sex };
  }
  return null;
}

/** Validates and decodes a NIK. `now` decides the century of the birth year. */
export function validateNik(input: string, now: Date = new Date()): NikResult {
  const nik = normalizeNik(input);
  if (nik === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(nik)) return { ok: false, reason: 'not_digits' };
  if (nik.length !== 16) return { ok: false, reason: 'wrong_length' };
  const province = nik.slice(0, 2);
  if (!(province in PROVINCES)) return { ok: false, reason: 'unknown_province' };
  if (nik.slice(2, 4) === '00') return { ok: false, reason: 'invalid_regency' };
  if (nik.slice(4, 6) === '00') return { ok: false, reason: 'invalid_district' };
  const birth = birthDateOf(nik.slice(6, 12), now);
  if (!birth) return { ok: false, reason: 'invalid_birth_date' };
  if (nik.slice(12) === '0000') return { ok: false, reason: 'invalid_serial' };
  return { ok: true, nik, province, regency: nik.slice(0, 4), district: nik.slice(0, 6), birthDate: birth.date, sex: birth.sex };
}

const BULLET = '•';

/** `6472012345670001` → `6472••••••••0001`: the first and last four digits stay visible. */
export function maskNik(nik: string): string {
  const s = normalizeNik(nik);
  if (s.length <= 8) return BULLET.repeat(s.length);
  return s.slice(0, 4) + BULLET.repeat(s.length - 8) + s.slice(-4);
}

/**
 * `0812-3456-7890` → `0812•••••890`: the prefix (operator) and the last three digits stay
 * visible, enough for a person to recognise their own number. Separators are dropped.
 */
export function maskPhone(phone: string): string {
  const s = phone.replace(/[\s\-().]/g, '');
  if (s.length <= 7) return BULLET.repeat(s.length);
  return s.slice(0, 4) + BULLET.repeat(s.length - 7) + s.slice(-3);
}
