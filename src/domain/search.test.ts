import { describe, expect, it } from 'vitest';
import { editDistance, normalizeText, prepareQuery, rankByQuery, tokenize, type SearchField } from './search';

interface Svc { code: string; name: string; keywords: string[]; agency: string; agencyShort: string; description?: string }

const CATALOGUE: Svc[] = [
  { code: 'KTP-EL', name: 'Perekaman dan Pencetakan KTP-el', keywords: ['e-ktp', 'kartu tanda penduduk'], agency: 'Dinas Kependudukan dan Pencatatan Sipil', agencyShort: 'Disdukcapil' },
  { code: 'KK', name: 'Kartu Keluarga', keywords: ['kk'], agency: 'Dinas Kependudukan dan Pencatatan Sipil', agencyShort: 'Disdukcapil', description: 'Syarat: KTP-el kepala keluarga.' },
  { code: 'AKTA-LHR', name: 'Akta Kelahiran', keywords: [], agency: 'Dinas Kependudukan dan Pencatatan Sipil', agencyShort: 'Disdukcapil' },
  { code: 'PASPOR', name: 'Paspor Baru', keywords: ['passport'], agency: 'Kantor Imigrasi Kelas I TPI Samarinda', agencyShort: 'Imigrasi', description: 'Bawa KTP-el asli.' },
  { code: 'PASPOR-GANTI', name: 'Penggantian Paspor', keywords: [], agency: 'Kantor Imigrasi Kelas I TPI Samarinda', agencyShort: 'Imigrasi' },
  { code: 'JKN-DAFTAR', name: 'Pendaftaran Peserta JKN', keywords: ['kis'], agency: 'BPJS Kesehatan', agencyShort: 'BPJS Kesehatan' },
  { code: 'JHT', name: 'Klaim Jaminan Hari Tua', keywords: [], agency: 'BPJS Ketenagakerjaan', agencyShort: 'BPJS TK' },
  { code: 'SKCK', name: 'Surat Keterangan Catatan Kepolisian', keywords: ['skck'], agency: 'Kepolisian Resor Kota Samarinda', agencyShort: 'Polresta' },
  { code: 'NIB', name: 'Perizinan Berusaha (NIB) melalui OSS', keywords: ['ijin usaha'], agency: 'DPMPTSP Kota Samarinda', agencyShort: 'DPMPTSP' },
];

const fields = (s: Svc): SearchField[] => [
  { text: s.code, weight: 3 },
  { text: s.name, weight: 3 },
  { text: s.keywords, weight: 2 },
  { text: s.agencyShort, weight: 2 },
  { text: s.agency, weight: 1.5 },
  { text: s.description, weight: 0.5 },
];
const codes = (q: string) => rankByQuery(CATALOGUE, q, fields).map((s) => s.code);

describe('normalizeText', () => {
  it('drops case, diacritics and punctuation', () => {
    expect(normalizeText('  Kependudukán  & Pencatatan—Sipil ')).toBe('kependudukan pencatatan sipil');
    expect(normalizeText('KTP-el')).toBe('ktp el');
    expect(tokenize('Ñame, Ünïcode!')).toEqual(['name', 'unicode']);
  });
  it('keeps stop words only when nothing else is left', () => {
    expect(prepareQuery('cara bikin paspor').words).toEqual(['paspor']);
    expect(prepareQuery('dan').words).toEqual(['dan']);
  });
  it('measures small edit distances', () => {
    expect(editDistance('pasport', 'paspor')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('rankByQuery', () => {
  it('finds KTP services first, in any case and with or without the hyphen', () => {
    expect(codes('ktp')[0]).toBe('KTP-EL');
    expect(codes('KtP')[0]).toBe('KTP-EL');
    expect(codes('e-KTP')[0]).toBe('KTP-EL');
    expect(codes('ektp')[0]).toBe('KTP-EL');
    // Services that only mention KTP in a description rank far lower and are cut off.
    expect(codes('ktp')).not.toContain('PASPOR');
  });
  it('finds passports by name, English spelling and typos', () => {
    expect(codes('PASPOR').slice(0, 2).sort()).toEqual(['PASPOR', 'PASPOR-GANTI']);
    expect(codes('passport')[0]).toBe('PASPOR');
    expect(codes('pasport')).toContain('PASPOR');
    expect(codes('imigrasi').sort()).toEqual(['PASPOR', 'PASPOR-GANTI']);
  });
  it('finds services by agency name and short name', () => {
    expect(codes('bpjs').sort()).toEqual(['JHT', 'JKN-DAFTAR']);
    expect(codes('BPJS kesehatan')).toEqual(['JKN-DAFTAR']);
    expect(codes('KEPENDUDUKÁN').sort()).toEqual(['AKTA-LHR', 'KK', 'KTP-EL']);
    expect(codes('dukcapil').sort()).toEqual(['AKTA-LHR', 'KK', 'KTP-EL']);
  });
  it('understands common spelling variants', () => {
    expect(codes('akte kelahiran')).toEqual(['AKTA-LHR']);
    expect(codes('izin usaha')[0]).toBe('NIB');
  });
  it('needs every meaningful word to match', () => {
    expect(codes('paspor kesehatan')).toEqual([]);
    expect(codes('zzz')).toEqual([]);
  });
  it('returns everything in order for an empty query', () => {
    expect(codes('  ')).toEqual(CATALOGUE.map((s) => s.code));
  });
});
