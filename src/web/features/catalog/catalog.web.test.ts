import { describe, expect, it } from 'vitest';
import { en as adminEn, id as adminId } from './admin/i18n';
import i18n from '../../i18n';
import { bookingHref, feeKind, feeText, formatRupiah, hoursLines, osmUrl, whatsappUrl } from './format';
import { en, id, NS, type Texts } from './i18n';
import { openStatusText } from './public/OpenStatus';

/** Every key path, plural suffixes folded (key_one / key_other → key). */
function keys(o: Texts, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'object' ? keys(v, path) : [path.replace(/_(zero|one|two|few|many|other)$/, '')];
  });
}
const missing = (a: Texts, b: Texts) => {
  const kb = new Set(keys(b));
  return [...new Set(keys(a))].filter((k) => !kb.has(k));
};

describe('catalogue texts', () => {
  it('Indonesian and English have the same keys (public and admin)', () => {
    expect(missing(id, en)).toEqual([]);
    expect(missing(en, id)).toEqual([]);
    expect(missing(adminId, adminEn)).toEqual([]);
    expect(missing(adminEn, adminId)).toEqual([]);
  });
});

describe('catalogue formatting', () => {
  it('writes rupiah the Indonesian way', () => {
    expect(formatRupiah(350000, 'id')).toBe('Rp350.000');
    expect(formatRupiah(350000, 'en')).toBe('Rp350,000');
    expect(formatRupiah(0, 'id')).toBe('Rp0');
  });

  it('publishes a fee as gratis, a fixed amount, or "sesuai tarif" (with "mulai Rp…" when there is a starting amount)', () => {
    const tid = i18n.getFixedT('id', NS);
    const ten = i18n.getFixedT('en', NS);
    expect(feeText({ fee: 0 }, 'id', tid)).toEqual({ kind: 'free', text: 'Gratis', short: 'Gratis', basisLabel: 'Dasar hukum biaya' });
    expect(feeText({ fee: 0, feeVariable: false }, 'en', ten)).toMatchObject({ kind: 'free', text: 'Free' });
    expect(feeText({ fee: 30000, feeVariable: false }, 'id', tid)).toEqual({ kind: 'fixed', text: 'Rp30.000', short: 'Rp30.000', basisLabel: 'Dasar hukum biaya' });
    // A tax such as PBB-P2: never "Gratis", and the basis reads "Sesuai ketentuan: …".
    expect(feeText({ fee: 0, feeVariable: true }, 'id', tid)).toEqual({ kind: 'variable', text: 'Sesuai tarif', short: 'Sesuai tarif', basisLabel: 'Sesuai ketentuan' });
    expect(feeText({ fee: 25000, feeVariable: true }, 'id', tid)).toEqual({ kind: 'variable', text: 'Sesuai tarif, mulai Rp25.000', short: 'Mulai Rp25.000', basisLabel: 'Sesuai ketentuan' });
    expect(feeText({ fee: 25000, feeVariable: true }, 'en', ten)).toEqual({ kind: 'variable', text: 'Set by tariff, from Rp25,000', short: 'From Rp25,000', basisLabel: 'As regulated' });
    // An older server that sends no feeVariable still renders.
    expect(feeKind({ fee: 350000 })).toBe('fixed');
  });

  it('groups days with the same hours and keeps several ranges a day', () => {
    const lines = hoursLines(
      {
        '1': [{ start: '13:00', end: '15:00' }, { start: '08:00', end: '12:00' }],
        '2': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
        '3': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
        '5': [{ start: '08:00', end: '11:30' }],
      },
      'id',
    );
    expect(lines).toEqual([
      { days: 'Senin–Rabu', hours: '08.00–12.00, 13.00–15.00' },
      { days: 'Jumat', hours: '08.00–11.30' },
    ]);
  });

  it('builds map, WhatsApp and booking links', () => {
    expect(osmUrl(-0.5021, 117.1536)).toBe('https://www.openstreetmap.org/?mlat=-0.502100&mlon=117.153600#map=18/-0.502100/117.153600');
    expect(whatsappUrl('0812-3456-7890')).toBe('https://wa.me/6281234567890');
    expect(bookingHref('mpp-samarinda', 'abc')).toBe('/booking/mpp-samarinda?service=abc');
  });
});

describe('open status', () => {
  // A stand-in for i18next's t: the key and its values, enough to check what is said.
  const t = (k: string, o?: Record<string, unknown>) => (o ? `${k} ${Object.values(o).join(' ')}` : k);
  const zone = 'Asia/Makassar';

  it('says until when an open place stays open (server "now" is nextOpening)', () => {
    const s = openStatusText({ openNow: true, nextOpening: '2026-11-25T01:00:00.000Z', today: { date: '2026-11-25', ranges: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }], closed: null } }, zone, t);
    expect(s.open).toBe(true);
    expect(s.detail).toBe('open.until 12.00 WITA');
  });

  it('names the weekday and time of the next opening in the site zone', () => {
    // Wed 25 Nov 2026 after hours; next opening Thu 26 Nov 08:00 WITA = 00:00 UTC.
    const s = openStatusText({ openNow: false, nextOpening: '2026-11-26T00:00:00.000Z', today: { date: '2026-11-25', ranges: [], closed: null } }, zone, t);
    expect(s.label).toBe('open.closed');
    expect(s.detail).toBe('open.againOn Kamis 08.00 WITA');
  });

  it('says "again at" for a lunch break and gives the holiday as the reason', () => {
    const lunch = openStatusText({ openNow: false, nextOpening: '2026-11-25T05:00:00.000Z', today: { date: '2026-11-25', ranges: [], closed: null } }, zone, t);
    expect(lunch.detail).toBe('open.againToday 13.00 WITA');
    const holiday = openStatusText({ openNow: false, nextOpening: '2026-12-28T00:00:00.000Z', today: { date: '2026-12-25', ranges: [], closed: { name: 'Hari Raya Natal', kind: 'national' } } }, zone, t);
    expect(holiday.detail).toBe('open.againOn Senin 08.00 WITA (Hari Raya Natal)');
  });
});
