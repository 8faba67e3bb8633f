/**
 * Kalimantan Timur's ten kabupaten/kota at their MPP stages as the seeds describe them (DOMAIN §1
 * and §10: May 2022 and Nov 2023). Samarinda: soft launch Jan 2019, inaugurated 19 Dec 2019;
 * Balikpapan and Kutai Kartanegara "to be inaugurated in 2022"; Kutai Timur with its MoU of
 * 24 Nov 2023 and the building shared with the UMKM Center; the rest "in preparation", for which
 * the demo picks usulan, verifikasi or koordinasi and says so in the record's note. Dates the
 * seeds do not give are the demo's own, marked as such.
 *
 * Codes are Kemendagri's (Kepmendagri 300.2.2-2138/2025, regions/README.md): Kutai Kartanegara
 * 6402, Berau 6403, Kutai Barat 6407, Kutai Timur 6408 (DOMAIN §10's table has some of these
 * numbers swapped; the shipped regulation data wins).
 */
import type { ChecklistValues, MppDocumentKind, MppPlan, ReachableStage } from '../../../domain/establishment';

export interface DemoMpp {
  regencyCode: string;
  /** Stages reached, in order, with their dates. */
  reached: Array<[ReachableStage, string]>;
  plan: MppPlan;
  planNote?: string;
  note: string;
  checklist?: ChecklistValues;
  /** The demo site (catalogue slug) it is linked to. */
  siteSlug?: string;
  /** Evidence generated as a small PDF marked "contoh dokumen demo". */
  documents?: Array<{ kind: MppDocumentKind; title: string; documentDate: string; agencyName?: string }>;
}

const PICKED = 'Tahap dipilih untuk demo: sumber (Mei 2022) hanya menyebut "dalam persiapan".';
const OWN_DATES = 'Tanggal selain yang disebut sumber adalah tanggal contoh demo.';

export const DEMO_MPPS: DemoMpp[] = [
  {
    regencyCode: '6472',
    reached: [['usulan', '2018-02-12'], ['verifikasi', '2018-05-21'], ['koordinasi', '2018-08-06'], ['pembangunan', '2018-10-01'], ['uji_coba', '2019-01-02'], ['diresmikan', '2019-12-19']],
    plan: { uji_coba: '2019-01-02', diresmikan: '2019-12-19' },
    note: `MPP pertama di Kalimantan: soft launch Januari 2019, diresmikan 19 Desember 2019. ${OWN_DATES}`,
    checklist: { 'usulan.instansi_direncanakan': 26, 'uji_coba.soft_launch': '2019-01-02', 'pembangunan.lokasi_gedung': true, 'pembangunan.sk_penyelenggaraan': true, 'pembangunan.progres_fisik': 100, 'pembangunan.sistem_antrean': true, 'koordinasi.rencana_aksi': true },
    siteSlug: 'mpp-samarinda',
    documents: [{ kind: 'berita_acara_peresmian', title: 'Berita acara peresmian MPP Kota Samarinda', documentDate: '2019-12-19' }],
  },
  {
    regencyCode: '6471',
    reached: [['usulan', '2021-03-08'], ['verifikasi', '2021-06-14'], ['koordinasi', '2021-09-20'], ['pembangunan', '2022-01-17'], ['uji_coba', '2022-06-14']],
    plan: { uji_coba: '2022-06-14', diresmikan: '2022-12-31' },
    planNote: 'Direncanakan diresmikan pada 2022 (Mei 2022).',
    note: `Uji coba sejak Juni 2022; peresmian yang direncanakan pada 2022 belum tercatat. ${OWN_DATES}`,
    checklist: { 'usulan.instansi_direncanakan': 8, 'uji_coba.soft_launch': '2022-06-14', 'koordinasi.rencana_aksi': true, 'pembangunan.lokasi_gedung': true, 'pembangunan.progres_fisik': 100 },
    siteSlug: 'mpp-balikpapan',
  },
  {
    regencyCode: '6402',
    reached: [['usulan', '2021-04-05'], ['verifikasi', '2021-07-12'], ['koordinasi', '2021-10-18'], ['pembangunan', '2022-02-14']],
    plan: { uji_coba: '2022-09-30', diresmikan: '2022-12-31' },
    planNote: 'Direncanakan diresmikan pada 2022 (Mei 2022).',
    note: `Pembangunan; peresmian yang direncanakan pada 2022 belum tercatat. ${OWN_DATES}`,
    checklist: { 'usulan.instansi_direncanakan': 20, 'pembangunan.lokasi_gedung': true, 'pembangunan.progres_fisik': 70 },
  },
  {
    regencyCode: '6408',
    reached: [['usulan', '2022-08-01'], ['verifikasi', '2023-02-06'], ['koordinasi', '2023-06-05'], ['pembangunan', '2023-11-27']],
    plan: { uji_coba: '2025-06-30', diresmikan: '2025-12-31' },
    note: `MoU dengan instansi vertikal ditandatangani 24 November 2023; gedung bersama UMKM Center dalam pembangunan. ${OWN_DATES}`,
    checklist: { 'usulan.instansi_direncanakan': 15, 'pembangunan.lokasi_gedung': true, 'pembangunan.progres_fisik': 40 },
    documents: [{ kind: 'kesepakatan_bersama', title: 'Nota kesepahaman dengan instansi vertikal', documentDate: '2023-11-24' }],
  },
  {
    regencyCode: '6474',
    reached: [['usulan', '2022-03-14'], ['verifikasi', '2022-07-18'], ['koordinasi', '2022-11-21']],
    plan: { pembangunan: '2023-06-30', uji_coba: '2024-06-30', diresmikan: '2024-12-31' },
    note: `${PICKED} ${OWN_DATES}`,
    checklist: { 'usulan.instansi_direncanakan': 12 },
  },
  {
    regencyCode: '6401',
    reached: [['usulan', '2022-02-07'], ['verifikasi', '2022-06-20'], ['koordinasi', '2022-10-10']],
    plan: { pembangunan: '2023-09-30', diresmikan: '2025-06-30' },
    note: `${PICKED} ${OWN_DATES}`,
  },
  {
    regencyCode: '6403',
    reached: [['usulan', '2022-01-24'], ['verifikasi', '2022-05-09']],
    plan: { koordinasi: '2022-12-31', diresmikan: '2025-12-31' },
    note: `${PICKED} ${OWN_DATES}`,
  },
  {
    regencyCode: '6407',
    reached: [['usulan', '2022-03-28'], ['verifikasi', '2022-08-15']],
    plan: { koordinasi: '2023-06-30' },
    note: `${PICKED} ${OWN_DATES}`,
  },
  {
    regencyCode: '6409',
    reached: [['usulan', '2022-04-11']],
    plan: { verifikasi: '2022-12-31' },
    note: `${PICKED} ${OWN_DATES}`,
  },
  {
    regencyCode: '6411',
    reached: [['usulan', '2022-05-09']],
    plan: {},
    note: `${PICKED} ${OWN_DATES}`,
  },
];
