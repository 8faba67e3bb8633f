import { z } from 'zod';
import * as catalog from '../../src/contracts/catalog';
import { bearer, type TestApp } from './app';
import { ok } from './contract';

/**
 * A small MPP in WITA built through the catalogue's own admin API: a platform admin creates the
 * site and the shared document types, its site admin adds agencies (with hours), services and counters.
 */
export const OFFICE_HOURS = {
  '1': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '2': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '3': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '4': [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }],
  '5': [{ start: '08:00', end: '11:30' }],
};
const MORNINGS = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '12:00' }]]));

export const DOCUMENT_TYPES = [
  { key: 'ktp-el', name: 'KTP Elektronik' },
  { key: 'kk', name: 'Kartu Keluarga' },
  { key: 'akta-kelahiran', name: 'Akta Kelahiran' },
  { key: 'pas-foto', name: 'Pas foto' },
  { key: 'surat-pengantar', name: 'Surat pengantar RT/RW' },
];

export const AGENCIES = [
  { kind: 'opd', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Samarinda', shortName: 'Disdukcapil', hours: OFFICE_HOURS, agreement: { number: 'PKS/001/MPP/2019', signedOn: '2019-01-10', validUntil: '2029-01-09' } },
  { kind: 'vertikal', name: 'Kantor Imigrasi Kelas I TPI Samarinda', shortName: 'Imigrasi', hours: OFFICE_HOURS },
  { kind: 'bumn', name: 'BPJS Kesehatan Cabang Samarinda', shortName: 'BPJS Kesehatan', hours: OFFICE_HOURS },
  { kind: 'bumn', name: 'BPJS Ketenagakerjaan Cabang Samarinda', shortName: 'BPJS TK', hours: OFFICE_HOURS },
  { kind: 'vertikal', name: 'Kepolisian Resor Kota Samarinda', shortName: 'Polresta', hours: MORNINGS },
] as const;

type Svc = { agency: string; code: string; prefix: string; name: string; keywords?: string[]; description?: string; requirements?: Array<{ documentTypeKey: string; note?: string }>; bookable?: boolean };
export const SERVICES: Svc[] = [
  { agency: 'Disdukcapil', code: 'KTP-EL', prefix: 'A', name: 'Perekaman dan Pencetakan KTP-el', keywords: ['e-ktp', 'kartu tanda penduduk'], requirements: [{ documentTypeKey: 'kk', note: 'Fotokopi' }] },
  { agency: 'Disdukcapil', code: 'KK', prefix: 'B', name: 'Penerbitan Kartu Keluarga', requirements: [{ documentTypeKey: 'ktp-el', note: 'Kepala keluarga' }, { documentTypeKey: 'surat-pengantar' }], description: 'Perubahan data KK; bawa KTP-el asli.' },
  { agency: 'Disdukcapil', code: 'AKTA-LAHIR', prefix: 'C', name: 'Akta Kelahiran', requirements: [{ documentTypeKey: 'kk' }] },
  { agency: 'Imigrasi', code: 'PASPOR', prefix: 'P', name: 'Paspor Baru', keywords: ['passport'], requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'kk' }, { documentTypeKey: 'akta-kelahiran' }], bookable: true, description: 'Untuk WNI yang belum pernah memiliki paspor; bawa KTP-el asli.' },
  { agency: 'Imigrasi', code: 'PASPOR-GANTI', prefix: 'Q', name: 'Penggantian Paspor', requirements: [{ documentTypeKey: 'ktp-el' }] },
  { agency: 'BPJS Kesehatan', code: 'JKN-DAFTAR', prefix: 'J', name: 'Pendaftaran Peserta JKN-KIS', keywords: ['kis', 'jkn'], requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'kk' }] },
  { agency: 'BPJS TK', code: 'JHT', prefix: 'K', name: 'Klaim Jaminan Hari Tua', requirements: [{ documentTypeKey: 'ktp-el' }] },
  { agency: 'Polresta', code: 'SKCK', prefix: 'S', name: 'Surat Keterangan Catatan Kepolisian', keywords: ['skck'], requirements: [{ documentTypeKey: 'ktp-el' }, { documentTypeKey: 'pas-foto', note: '4x6 latar merah, 6 lembar' }] },
];

export function serviceBody(s: Svc, agencyId: string) {
  return {
    agencyId,
    code: s.code,
    prefix: s.prefix,
    name: s.name,
    keywords: s.keywords ?? [],
    description: s.description ?? '',
    requirements: s.requirements ?? [],
    procedure: ['Ambil nomor antrean', 'Serahkan berkas di loket', 'Terima produk layanan'],
    duration: { value: 1, unit: 'days' },
    fee: 0,
    feeBasis: 'Gratis (UU 24/2013)',
    product: `Dokumen ${s.name}`,
    complaintChannel: 'SP4N-LAPOR! (lapor.go.id, SMS 1708) dan meja pengaduan MPP',
    internal: { legalBasis: 'UU 25/2009', staffCount: 2 },
    handlingMinutes: 10,
    bookable: s.bookable ?? false,
    walkInQuota: 100,
    bookingQuota: s.bookable ? 50 : 0,
  };
}

export interface CatalogFixture {
  siteId: string;
  platform: string;
  admin: string;
  agencies: Record<string, string>;
  services: Record<string, string>;
  counters: Record<number, string>;
}

let n = 0;

export async function buildCatalog(t: TestApp, opts: { slug?: string; platform?: string } = {}): Promise<CatalogFixture> {
  const platform = opts.platform ?? (await t.userToken({ memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] }));
  const slug = opts.slug ?? `mpp-uji-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sites',
    headers: bearer(platform),
    payload: { slug, name: 'MPP Kota Samarinda', timeZone: 'Asia/Makassar', regency: 'Kota Samarinda', province: 'Kalimantan Timur', address: 'Jl. Basuki Rahmat', status: 'operating', phone: '0541-123456', maklumat: 'Kami sanggup menyelenggarakan pelayanan sesuai standar.' },
  });
  const siteId = ok(created, catalog.siteDetail, 201).id;
  const admin = await t.userToken({ memberships: [{ role: 'site_admin', siteId, agencyId: null }] });
  const post = async <S extends z.ZodType>(url: string, payload: unknown, schema: S) => ok(await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload: payload as object }), schema, 201);
  // National documents are shared types, the platform admin's (a site admin may add only its own).
  const existing = new Set(ok(await t.app.inject('/api/v1/document-types'), z.array(catalog.documentType)).map((d) => d.key));
  for (const d of DOCUMENT_TYPES) {
    if (existing.has(d.key)) continue;
    ok(await t.app.inject({ method: 'POST', url: '/api/v1/catalog/document-types', headers: bearer(platform), payload: d }), catalog.adminDocumentType, 201);
  }
  const agencies: Record<string, string> = {};
  for (const a of AGENCIES) agencies[a.shortName] = (await post(`/api/v1/sites/${siteId}/catalog/agencies`, a, catalog.adminAgency)).id;
  const services: Record<string, string> = {};
  for (const s of SERVICES) services[s.code] = (await post(`/api/v1/sites/${siteId}/catalog/services`, serviceBody(s, agencies[s.agency]), catalog.adminService)).id;
  const counters: Record<number, string> = {};
  const plan: Array<[number, string, string[]]> = [
    [1, 'Disdukcapil', ['KTP-EL', 'KK', 'AKTA-LAHIR']],
    [2, 'Imigrasi', ['PASPOR', 'PASPOR-GANTI']],
    [3, 'BPJS Kesehatan', ['JKN-DAFTAR']],
    [4, 'BPJS TK', ['JHT']],
    [5, 'Polresta', ['SKCK']],
  ];
  for (const [number, agency, codes] of plan) {
    counters[number] = (await post(`/api/v1/sites/${siteId}/catalog/counters`, { agencyId: agencies[agency], number, zone: 'Lantai 1', serviceIds: codes.map((c) => services[c]) }, catalog.adminCounter)).id;
  }
  return { siteId, platform, admin, agencies, services, counters };
}
