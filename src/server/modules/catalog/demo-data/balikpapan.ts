/**
 * MPP Balikpapan, in trial (uji coba): a smaller second site. Its services reuse Samarinda's
 * service standards, retold for Balikpapan (names of the city, the water utility, the MPP).
 */
import { buildCounters, MORNINGS_ONLY, pks, WEEKDAYS_FULL } from './helpers';
import { SAMARINDA_BUMD_SWASTA } from './samarinda-bumd-swasta';
import { SAMARINDA_BUMN } from './samarinda-bumn';
import { SAMARINDA_OPD } from './samarinda-opd';
import { SAMARINDA_VERTIKAL } from './samarinda-vertikal';
import { MAKLUMAT } from './samarinda';
import type { DemoAgency, DemoService, DemoSite, WeeklyHours } from './types';

const ALL = [...SAMARINDA_OPD, ...SAMARINDA_VERTIKAL, ...SAMARINDA_BUMN, ...SAMARINDA_BUMD_SWASTA];

/** Deep copy with the Samarinda-specific names replaced. */
const retell = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll('Tirta Kencana', 'Tirta Manuntung').replaceAll('Samarinda', 'Balikpapan')) as T;

/** Agency `key` of Samarinda with only `codes`, renamed and retold for Balikpapan. */
function from(key: string, codes: string[], name: string, shortName: string, agreement: DemoAgency['agreement'], hours?: WeeklyHours): DemoAgency {
  const a = ALL.find((x) => x.key === key);
  if (!a) throw new Error(`Demo Balikpapan: unknown agency "${key}"`);
  const services: DemoService[] = codes.map((c) => {
    const s = a.services.find((x) => x.code === c);
    if (!s) throw new Error(`Demo Balikpapan: unknown service "${c}" of "${key}"`);
    return retell(s);
  });
  return { key, kind: a.kind, name, shortName, agreement, hours: structuredClone(hours ?? a.hours), services };
}

const agencies: DemoAgency[] = [
  from('dpmptsp', ['PBG', 'OSS-NIB', 'KONSULTASI-IZIN'], 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Balikpapan', 'DPMPTSP', null),
  from('disdukcapil', ['KTP-EL', 'KK', 'AKTA-LAHIR', 'KIA'], 'Dinas Kependudukan dan Pencatatan Sipil Kota Balikpapan', 'Disdukcapil', null),
  from('imigrasi', ['PASPOR-BARU', 'PASPOR-GANTI'], 'Kantor Imigrasi Kelas I TPI Balikpapan', 'Imigrasi', pks('W16.IMI.IMI.2-UM.01.01-0310', '2022-06-14')),
  from('polresta', ['SKCK'], 'Kepolisian Resor Kota Balikpapan (Sat Intelkam)', 'Polresta', pks('B/21/VI/2022/Polresta Bpp', '2022-06-14')),
  from('samsat', ['PKB', 'STNK-SAH'], 'UPTD Pengelolaan Pendapatan Daerah (Samsat) Balikpapan', 'Samsat', pks('012/PKS-BAPENDA/VI/2022', '2022-06-14')),
  from('kpp', ['NPWP', 'SPT'], 'KPP Pratama Balikpapan Barat', 'KPP Pratama', null, MORNINGS_ONLY),
  from('bpjskes', ['JKN-DAFTAR', 'JKN-UBAH'], 'BPJS Kesehatan Cabang Balikpapan', 'BPJS Kesehatan', pks('0456/KTR/VIII-05/0622', '2022-06-15')),
  from('pdam', ['PDAM-SAMBUNG', 'PDAM-CS'], 'Perumda Tirta Manuntung Balikpapan', 'Perumda Tirta Manuntung', pks('690/112/PKS-PTMB/VI/2022', '2022-06-15'), WEEKDAYS_FULL),
];

const counters = buildCounters(agencies, [
  ['disdukcapil', 2], ['dpmptsp', 1], ['imigrasi', 1], ['polresta', 1], ['samsat', 1], ['kpp', 1], ['bpjskes', 1], ['pdam', 1],
]);

export const BALIKPAPAN: DemoSite = {
  slug: 'mpp-balikpapan',
  name: 'Mal Pelayanan Publik Kota Balikpapan',
  regency: 'Kota Balikpapan',
  province: 'Kalimantan Timur',
  address: 'Jl. Jenderal Sudirman, Kecamatan Balikpapan Kota, Kota Balikpapan, Kalimantan Timur',
  latitude: -1.2675,
  longitude: 116.8289,
  timeZone: 'Asia/Makassar',
  status: 'trial',
  phone: '(0542) 7000 200',
  email: 'mpp.balikpapan@example.org',
  maklumat: MAKLUMAT,
  agencies,
  counters,
};
