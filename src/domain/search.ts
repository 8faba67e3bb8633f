/**
 * Text search for the service catalogue, tolerant of the way citizens type: any case, missing
 * or extra diacritics ("Kependudukán"), punctuation and joined words ("e-KTP", "ektp", "KTP-el"),
 * common spelling variants ("akte" / "akta", "ijin" / "izin") and small typos ("pasport").
 *
 * Pure and in memory: a site has at most a few hundred services, so ranking them on each request
 * is cheaper than keeping a search index in the database, and it behaves the same on PGlite and
 * PostgreSQL.
 */

/** Lower case, no diacritics, every run of non-letters/digits one space, trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Normalized words of a text. */
export function tokenize(text: string): string[] {
  const n = normalizeText(text);
  return n ? n.split(' ') : [];
}

/** Words that say nothing about which service is wanted ("cara bikin paspor", "layanan KTP"). */
const STOP_WORDS = new Set([
  'dan', 'di', 'ke', 'dari', 'untuk', 'utk', 'yang', 'yg', 'atau', 'dengan', 'dgn', 'cara', 'buat', 'bikin', 'membuat', 'mau', 'ingin',
  'urus', 'mengurus', 'ngurus', 'layanan', 'pelayanan', 'the', 'of', 'for', 'and', 'a', 'an', 'to', 'how',
]);

/**
 * Spelling variants and well-known short forms. A query word also matches any of its variants
 * (each variant is one normalized word or phrase).
 */
const VARIANTS: Record<string, string[]> = {
  akte: ['akta'],
  ijin: ['izin'],
  izin: ['ijin'],
  sertipikat: ['sertifikat'],
  sertifikat: ['sertipikat'],
  passport: ['paspor'],
  pasport: ['paspor'],
  ektp: ['ktp'],
  ktp: ['ektp'],
  kk: ['kartu keluarga'],
  sim: ['surat izin mengemudi'],
  stnk: ['surat tanda nomor kendaraan'],
  pbb: ['pajak bumi dan bangunan'],
  nib: ['nomor induk berusaha'],
  pbg: ['persetujuan bangunan gedung'],
  imb: ['izin mendirikan bangunan', 'persetujuan bangunan gedung'],
  dukcapil: ['kependudukan'],
};

export interface SearchField {
  /** The text, or several (keywords); normalized and split here. */
  text: string | readonly string[] | null | undefined;
  /** How much a match in this field counts (name 3, keywords 2, description 0.5 …). */
  weight: number;
}

export interface PreparedField {
  weight: number;
  /** The field's words. */
  tokens: string[];
  /** Neighbouring words joined ("e ktp" → "ektp"): matched whole or as a prefix only. */
  joined: string[];
  /** The whole field normalized, for phrase matches. */
  phrase: string;
}

/**
 * A field's words, plus each pair of neighbouring words joined ("e ktp" → "ektp"), so a query
 * typed with or without the hyphen finds it.
 */
export function prepareField(field: SearchField): PreparedField {
  const texts = typeof field.text === 'string' ? [field.text] : (field.text ?? []);
  const tokens: string[] = [];
  const joined: string[] = [];
  const phrases: string[] = [];
  for (const t of texts) {
    const words = tokenize(t);
    phrases.push(words.join(' '));
    tokens.push(...words);
    for (let i = 0; i + 1 < words.length; i++) joined.push(words[i] + words[i + 1]);
  }
  return { weight: field.weight, tokens: [...new Set(tokens)], joined: [...new Set(joined)], phrase: ` ${phrases.join(' | ')} ` };
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How well one query word matches one field word: 1 exact, a prefix by how much of the word it
 * covers ("sim" is a weak match for "simpanan"), 0.4 inside a word or one typo away, else 0.
 * Joined words ("ektp") match only whole or by prefix: "bkt pajak" must not contain "ktp".
 */
export function wordScore(query: string, word: string, joined = false): number {
  if (word === query) return 1;
  if (query.length >= 2 && word.startsWith(query)) return 0.5 + 0.4 * (query.length / word.length);
  if (joined) return 0;
  if (query.length >= 4 && word.includes(query)) return 0.4;
  // Typos: one edit in words of 5+ letters, two in words of 8+.
  if (query.length >= 5 && /\p{L}/u.test(query)) {
    const max = query.length >= 8 ? 2 : 1;
    if (editDistance(query, word, max) <= max) return 0.4;
  }
  return 0;
}

/** A parsed query: its words (without stop words, unless nothing else is left) and the phrase. */
export interface PreparedQuery {
  words: string[];
  phrase: string;
}

export function prepareQuery(query: string): PreparedQuery {
  const all = tokenize(query);
  const meaningful = all.filter((w) => !STOP_WORDS.has(w));
  const words = meaningful.length ? meaningful : all;
  return { words, phrase: words.join(' ') };
}

function bestOf(word: string, field: PreparedField): number {
  let best = 0;
  for (const t of field.tokens) {
    best = Math.max(best, wordScore(word, t));
    if (best === 1) return 1;
  }
  for (const t of field.joined) best = Math.max(best, wordScore(word, t, true));
  return best;
}

function bestInField(word: string, field: PreparedField): number {
  let best = bestOf(word, field);
  // A variant counts a little less than the word itself.
  for (const v of VARIANTS[word] ?? []) {
    if (v.includes(' ')) {
      if (field.phrase.includes(` ${v} `)) best = Math.max(best, 0.9);
    } else best = Math.max(best, 0.9 * bestOf(v, field));
  }
  return best;
}

/**
 * Score of one document (its prepared fields) for a query: every query word must match some
 * field (AND); each word counts its best field's weight × match quality plus a quarter of its
 * matches in other fields (a word in both the name and the code beats one in a keyword only),
 * and the whole query found as a phrase adds a bonus. 0 means no match.
 */
export function scoreDocument(q: PreparedQuery, fields: readonly PreparedField[]): number {
  if (q.words.length === 0) return 0;
  let total = 0;
  for (const w of q.words) {
    const scores = fields.map((f) => f.weight * bestInField(w, f));
    const best = Math.max(...scores);
    if (best === 0) return 0;
    total += best + 0.25 * (scores.reduce((a, b) => a + b, 0) - best);
  }
  if (q.words.length > 1) {
    for (const f of fields) {
      if (f.phrase.includes(` ${q.phrase} `) || f.phrase.includes(` ${q.phrase}`)) {
        total += f.weight;
        break;
      }
    }
  }
  return total;
}

export interface RankOptions {
  /**
   * Drop matches scoring below this share of the best match (0…1), so a word found only in one
   * description does not list beside the services named by it. Default 0.34.
   */
  relativeCutoff?: number;
}

/**
 * Items matching a query, best first (ties keep the input order). An empty query returns every
 * item in its order.
 */
export function rankByQuery<T>(items: readonly T[], query: string | null | undefined, fieldsOf: (item: T) => SearchField[], opts: RankOptions = {}): T[] {
  const q = prepareQuery(query ?? '');
  if (q.words.length === 0) return [...items];
  const scored = items
    .map((item, index) => ({ item, index, score: scoreDocument(q, fieldsOf(item).map(prepareField)) }))
    .filter((s) => s.score > 0);
  if (scored.length === 0) return [];
  const top = Math.max(...scored.map((s) => s.score));
  const cutoff = top * (opts.relativeCutoff ?? 0.34);
  return scored
    .filter((s) => s.score >= cutoff)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.item);
}
