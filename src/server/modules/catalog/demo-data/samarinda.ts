/** MPP Samarinda: the first MPP in Kalimantan (inaugurated 19 Dec 2019), the demo's main site. */
import { buildCounters } from './helpers';
import { SAMARINDA_BUMD_SWASTA } from './samarinda-bumd-swasta';
import { SAMARINDA_BUMN } from './samarinda-bumn';
import { SAMARINDA_OPD } from './samarinda-opd';
import { SAMARINDA_VERTIKAL } from './samarinda-vertikal';
import type { DemoAgency, DemoSite } from './types';

/** The pledge text of PermenPANRB 15/2014, as signed by the head of DPMPTSP. */
export const MAKLUMAT =
  'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, ' +
  'memberikan pelayanan yang cepat, mudah, terjangkau, nyaman dan aman tanpa diskriminasi, ' +
  'dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.';

const agencies: DemoAgency[] = [...SAMARINDA_OPD, ...SAMARINDA_VERTIKAL, ...SAMARINDA_BUMN, ...SAMARINDA_BUMD_SWASTA];

// Busy agencies on the ground floor with 2–3 counters; the rest upstairs with one each.
const counters = buildCounters(
  agencies,
  [
    ['dpmptsp', 3], ['disdukcapil', 3], ['dinsos', 2], ['bpjskes', 2], ['polresta', 2], ['satlantas', 2], ['samsat', 2], ['imigrasi', 2], ['bapenda', 1], ['bpjstk', 1],
    ['kpp', 1], ['disnaker', 1], ['dinkes', 1], ['disdag', 1], ['diskop', 1], ['kemenag', 1], ['bpn', 1], ['jasaraharja', 1], ['pln', 1], ['telkom', 1],
    ['taspen', 1], ['pos', 1], ['bri', 1], ['mandiri', 1], ['bni', 1], ['pdam', 1], ['bankaltimtara', 1], ['bca', 1], ['ini', 1],
  ],
  (n) => (n <= 20 ? 'Lantai 1' : 'Lantai 2'),
  // Two wings per floor, as the hall's signs say.
  (n) => (n <= 10 ? 'Lantai 1, Zona A' : n <= 20 ? 'Lantai 1, Zona B' : n <= 32 ? 'Lantai 2, Zona C' : 'Lantai 2, Zona D'),
);

export const SAMARINDA: DemoSite = {
  slug: 'mpp-samarinda',
  name: 'Mal Pelayanan Publik Kota Samarinda',
  regency: 'Kota Samarinda',
  province: 'Kalimantan Timur',
  address: 'Jl. Basuki Rahmat, Kecamatan Samarinda Kota, Kota Samarinda, Kalimantan Timur',
  latitude: -0.5003,
  longitude: 117.1536,
  timeZone: 'Asia/Makassar',
  status: 'operating',
  phone: '(0541) 7000 100',
  email: 'mpp.samarinda@example.org',
  maklumat: MAKLUMAT,
  agencies,
  counters,
};
