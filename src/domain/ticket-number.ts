/**
 * Ticket numbers as citizens know them (`A-001`: a letter prefix per service or agency and a
 * daily counter) and the Indonesian text the display speaks when a ticket is called.
 */

const PREFIX_RE = /^[A-Z]{1,4}$/;

/** `('A', 1)` → `'A-001'`: at least three digits, more past 999 (`A-1000`). */
export function formatTicketNumber(prefix: string, seq: number): string {
  const p = prefix.trim().toUpperCase();
  if (!PREFIX_RE.test(p)) throw new RangeError(`Ticket prefix must be 1–4 letters A–Z, got "${prefix}"`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Ticket sequence must be a positive integer, got ${seq}`);
  return `${p}-${String(seq).padStart(3, '0')}`;
}

/** `'A-001'` (also `'a001'`, `' A-001 '`) → `{ prefix: 'A', seq: 1 }`; null if it is not a ticket number. */
export function parseTicketNumber(number: string): { prefix: string; seq: number } | null {
  const m = /^([A-Za-z]{1,4})-?(\d{3,})$/.exec(number.trim());
  if (!m) return null;
  const seq = Number(m[2]);
  return Number.isSafeInteger(seq) && seq >= 1 ? { prefix: m[1].toUpperCase(), seq } : null;
}

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

/** 1…999 in words. */
function hundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(DIGITS[h], 'ratus');
  if (r === 0) return words;
  if (r < 10) words.push(DIGITS[r]);
  else if (r === 10) words.push('sepuluh');
  else if (r === 11) words.push('sebelas');
  else if (r < 20) words.push(DIGITS[r - 10], 'belas');
  else {
    words.push(DIGITS[Math.floor(r / 10)], 'puluh');
    if (r % 10) words.push(DIGITS[r % 10]);
  }
  return words;
}

/**
 * A whole number 0…999,999 in Indonesian words: 12 → "dua belas", 100 → "seratus",
 * 1000 → "seribu", 2021 → "dua ribu dua puluh satu".
 */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`terbilang takes a whole number 0…999999, got ${n}`);
  if (n === 0) return 'nol';
  const t = Math.floor(n / 1000);
  const words = t === 0 ? [] : t === 1 ? ['seribu'] : [...hundreds(t), 'ribu'];
  return [...words, ...hundreds(n % 1000)].join(' ');
}

/** Reads digits one by one: "001" → "nol nol satu". */
export function spellDigits(digits: string): string {
  return [...digits].map((d) => DIGITS[Number(d)]).join(' ');
}

/** A ticket number as spoken: letters one by one, then each digit ("A nol nol satu"). */
export function spokenNumber(number: string): string {
  const parsed = parseTicketNumber(number);
  if (parsed) return [...parsed.prefix, spellDigits(String(parsed.seq).padStart(3, '0'))].join(' ');
  // Not a standard number: still read every letter and digit separately.
  return [...number.replace(/[^A-Za-z0-9]/g, '')].map((c) => (/\d/.test(c) ? DIGITS[Number(c)] : c.toUpperCase())).join(' ');
}

/**
 * How to say a counter: "3" or "Loket 3" → "loket tiga", "Loket 12A" → "loket dua belas A";
 * a name without a number ("Loket Prioritas", "Customer Service") is kept as written.
 */
export function spokenCounter(counterName: string): string {
  const name = counterName.trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(name)) return `loket ${numberWords(name)}`;
  return name
    .replace(/\d+/g, (run) => ` ${numberWords(run)} `)
    .replace(/^loket\b/i, 'loket')
    .replace(/\s+/g, ' ')
    .trim();
}

function numberWords(run: string): string {
  const n = Number(run);
  return n <= 999_999 ? terbilang(n) : spellDigits(run);
}

/** The display's spoken call: "Nomor antrean A nol nol satu, silakan menuju loket tiga". */
export function spokenCall(number: string, counterName: string): string {
  return `Nomor antrean ${spokenNumber(number)}, silakan menuju ${spokenCounter(counterName)}`;
}
