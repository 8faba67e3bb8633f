import type { Translate } from '../../i18n/texts';
import type { Lang } from '../../lib/api';
import { formatHm, localeOf, weekdayNames } from '../../lib/format';
import { DAY_KEYS, type DayKey, type WeeklyHours } from './types';

/** Integer rupiah as citizens read it: "Rp350.000" (id) / "Rp350,000" (en). */
export function formatRupiah(amount: number, lang: Lang): string {
  return `Rp${new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(amount)}`;
}

/** How a service's fee is published: free, a fixed amount, or "sesuai tarif" (depends on the case). */
export type FeeKind = 'free' | 'fixed' | 'variable';

export const feeKind = (std: { fee: number; feeVariable?: boolean }): FeeKind => (std.feeVariable ? 'variable' : std.fee > 0 ? 'fixed' : 'free');

/**
 * The fee as citizens read it. `text`: "Gratis", "Rp350.000", "Sesuai tarif" or "Sesuai tarif, mulai
 * Rp25.000"; `short` (badges): the same but "Mulai Rp25.000"; `basisLabel`: what precedes the legal
 * basis, "Sesuai ketentuan" for a fee that depends on the case, else "Dasar hukum biaya".
 * `t` is the `catalog` namespace's.
 */
export function feeText(
  std: { fee: number; feeVariable?: boolean },
  lang: Lang,
  t: Translate<'fee.free' | 'fee.variable' | 'fee.variableFrom' | 'fee.from' | 'fee.asRegulated' | 'standard.feeBasis'>,
): { kind: FeeKind; text: string; short: string; basisLabel: string } {
  const kind = feeKind(std);
  const amount = formatRupiah(std.fee, lang);
  if (kind === 'free') return { kind, text: t('fee.free'), short: t('fee.free'), basisLabel: t('standard.feeBasis') };
  if (kind === 'fixed') return { kind, text: amount, short: amount, basisLabel: t('standard.feeBasis') };
  return std.fee > 0
    ? { kind, text: t('fee.variableFrom', { amount }), short: t('fee.from', { amount }), basisLabel: t('fee.asRegulated') }
    : { kind, text: t('fee.variable'), short: t('fee.variable'), basisLabel: t('fee.asRegulated') };
}

/**
 * Weekly hours as lines for people: consecutive days with the same hours grouped,
 * e.g. [{ days: "Senin–Kamis", hours: "08.00–12.00, 13.00–15.00" }, { days: "Jumat", hours: "08.00–11.30" }].
 */
export function hoursLines(hours: WeeklyHours | undefined | null, lang: Lang, width: 'long' | 'short' = 'long'): Array<{ days: string; hours: string }> {
  if (!hours) return [];
  const names = weekdayNames(lang, width);
  const text = (d: DayKey) =>
    [...(hours[d] ?? [])]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((r) => `${formatHm(r.start, lang)}–${formatHm(r.end, lang)}`)
      .join(', ');
  const out: Array<{ days: string; hours: string }> = [];
  let i = 0;
  while (i < 7) {
    const t = text(DAY_KEYS[i]);
    if (!t) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && text(DAY_KEYS[j + 1]) === t) j++;
    out.push({ days: j === i ? names[i] : `${names[i]}–${names[j]}`, hours: t });
    i = j + 1;
  }
  return out;
}

/** The duration of a standard as text: the published wording first, else value + unit. */
type DurationUnit = 'minutes' | 'hours' | 'days' | 'working_days';

export function durationOf(std: { durationText?: string | null; duration?: { value: number; unit: string } }, t: Translate<`duration.${DurationUnit}`>): string {
  if (std.durationText) return std.durationText;
  if (!std.duration) return '';
  const { value, unit } = std.duration;
  // A unit this page does not know yet reads as the number and the unit's code.
  return t(`duration.${unit as DurationUnit}`, { count: value, defaultValue: `${value} ${unit}` });
}

/** OpenStreetMap link centred on a point (no tiles are loaded by our page). */
export function osmUrl(lat: number, lon: number): string {
  const la = lat.toFixed(6);
  const lo = lon.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=18/${la}/${lo}`;
}

/** wa.me link for an Indonesian WhatsApp number written as 0812…, +62 812… or 62812…. */
export function whatsappUrl(number: string): string {
  let digits = number.replace(/\D+/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return `https://wa.me/${digits}`;
}

/** A web address as a link target (adds https:// when missing). */
export const webUrl = (s: string): string => (/^https?:\/\//i.test(s) ? s : `https://${s}`);

/** Where a citizen books this service online (the booking pages own `/booking/:siteRef?service=`). */
export const bookingHref = (siteRef: string, serviceId: string): string => `/booking/${encodeURIComponent(siteRef)}?service=${encodeURIComponent(serviceId)}`;
