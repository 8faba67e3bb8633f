/**
 * Texts of the public catalogue pages (an MPP's page, a service's standard), in the `catalog`
 * namespace: `useTranslation('catalog')`. Registered when a page's chunk loads, so the entry chunk
 * (kiosk, display) never carries them. The administration adds its own texts to the same namespace
 * (admin/i18n.ts), so a citizen's phone never downloads them. Indonesian first; English has the
 * same keys (a test checks), with `_one` / `_other` plural forms where Indonesian needs `_other` only.
 */
import i18n from '../../i18n';

export const NS = 'catalog';

/** A tree of texts (plural suffixes differ between the languages, so the type is loose). */
export type Texts = { [key: string]: string | Texts };

export const id: Texts = {
  kind: { opd: 'Perangkat Daerah (OPD)', vertikal: 'Instansi Vertikal', bumn: 'BUMN', bumd: 'BUMD', swasta: 'Swasta' },
  open: {
    open: 'Buka',
    closed: 'Tutup',
    until: 'sampai {{time}} {{zone}}',
    againToday: 'buka lagi pukul {{time}} {{zone}}',
    againOn: 'buka lagi {{day}} {{time}} {{zone}}',
  },
  fee: { free: 'Gratis', variable: 'Sesuai tarif', variableFrom: 'Sesuai tarif, mulai {{amount}}', from: 'Mulai {{amount}}', asRegulated: 'Sesuai ketentuan' },
  duration: {
    minutes_other: '{{count}} menit',
    hours_other: '{{count}} jam',
    days_other: '{{count}} hari',
    working_days_other: '{{count}} hari kerja',
  },
  site: {
    address: 'Alamat',
    openMap: 'Lihat di peta (OpenStreetMap)',
    contacts: 'Kontak',
    phone: 'Telepon',
    email: 'Email',
    website: 'Situs web',
    maklumat: 'Maklumat Pelayanan',
    zoneNote: 'Semua jam di halaman ini dalam waktu {{zone}}.',
    allSites: 'Lihat semua lokasi MPP',
    status: { preparation: 'Dalam persiapan', trial: 'Uji coba (soft launch)', closed: 'Tutup sementara' },
  },
  search: {
    title: 'Cari layanan',
    label: 'Layanan apa yang Anda perlukan?',
    hint: 'Contoh: ktp, paspor, bpjs, akta kelahiran, izin usaha',
    placeholder: 'Ketik nama layanan atau dokumen…',
    submit: 'Cari',
    clear: 'Hapus pencarian',
    searching: 'Mencari…',
    count_other: '{{count}} layanan cocok dengan "{{q}}"',
    none: 'Tidak ada layanan yang cocok dengan "{{q}}". Coba kata lain, mis. nama dokumen atau instansi.',
  },
  agency: {
    title: 'Instansi di MPP ini',
    hours: 'Jam layanan',
    noHours: 'Jam layanan belum diumumkan',
    counters_other: 'Loket {{numbers}}',
    services_other: 'Lihat {{count}} layanan',
    emptyTitle: 'Belum ada instansi',
    emptyDescription: 'Instansi yang melayani di MPP ini akan tampil di sini.',
  },
  service: {
    bookable: 'Bisa booking online',
    bookOnline: 'Booking online',
    print: 'Cetak',
    code: 'Kode {{code}}',
    hours: 'Jam layanan',
    where: 'Tempat',
    breadcrumb: 'Lokasi halaman',
    qrAlt: 'Kode QR menuju halaman {{name}}',
    qrCaption: 'Pindai untuk membuka halaman ini',
    printedFrom: 'Dicetak dari {{url}} pada {{date}}. Standar pelayanan dapat berubah; periksa versi terbaru di alamat tersebut.',
  },
  standard: {
    requirements: 'Persyaratan',
    procedure: 'Sistem, mekanisme dan prosedur',
    duration: 'Jangka waktu',
    fee: 'Biaya/tarif',
    feeBasis: 'Dasar hukum biaya',
    product: 'Produk pelayanan',
    complaint: 'Penanganan pengaduan, saran dan masukan',
    notStated: 'Belum dicantumkan',
    noRequirements: 'Tidak ada persyaratan khusus.',
  },
};

export const en: Texts = {
  kind: {
    opd: 'Regional government units (OPD)',
    vertikal: 'Central government offices',
    bumn: 'State-owned enterprises (BUMN)',
    bumd: 'Region-owned enterprises (BUMD)',
    swasta: 'Private',
  },
  open: {
    open: 'Open',
    closed: 'Closed',
    until: 'until {{time}} {{zone}}',
    againToday: 'opens again at {{time}} {{zone}}',
    againOn: 'opens {{day}} {{time}} {{zone}}',
  },
  fee: { free: 'Free', variable: 'Set by tariff', variableFrom: 'Set by tariff, from {{amount}}', from: 'From {{amount}}', asRegulated: 'As regulated' },
  duration: {
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    working_days_one: '{{count}} working day',
    working_days_other: '{{count}} working days',
  },
  site: {
    address: 'Address',
    openMap: 'View on a map (OpenStreetMap)',
    contacts: 'Contacts',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    maklumat: 'Service pledge (maklumat pelayanan)',
    zoneNote: 'All times on this page are {{zone}}.',
    allSites: 'See all MPP locations',
    status: { preparation: 'In preparation', trial: 'Trial (soft launch)', closed: 'Temporarily closed' },
  },
  search: {
    title: 'Find a service',
    label: 'Which service do you need?',
    hint: 'For example: ktp, paspor, bpjs, birth certificate, business licence',
    placeholder: 'Type a service or document…',
    submit: 'Search',
    clear: 'Clear search',
    searching: 'Searching…',
    count_one: '{{count}} service matches "{{q}}"',
    count_other: '{{count}} services match "{{q}}"',
    none: 'No service matches "{{q}}". Try other words, e.g. a document or an agency name.',
  },
  agency: {
    title: 'Agencies in this MPP',
    hours: 'Opening hours',
    noHours: 'Opening hours not published yet',
    counters_one: 'Counter {{numbers}}',
    counters_other: 'Counters {{numbers}}',
    services_one: 'See {{count}} service',
    services_other: 'See {{count}} services',
    emptyTitle: 'No agencies yet',
    emptyDescription: 'The agencies serving in this MPP will be listed here.',
  },
  service: {
    bookable: 'Online booking',
    bookOnline: 'Book online',
    print: 'Print',
    code: 'Code {{code}}',
    hours: 'Opening hours',
    where: 'Where',
    breadcrumb: 'Breadcrumb',
    qrAlt: 'QR code linking to the page of {{name}}',
    qrCaption: 'Scan to open this page',
    printedFrom: 'Printed from {{url}} on {{date}}. Service standards may change; check the latest version at that address.',
  },
  standard: {
    requirements: 'Requirements',
    procedure: 'System, mechanism and procedure',
    duration: 'Completion time',
    fee: 'Fee',
    feeBasis: 'Legal basis of the fee',
    product: 'Service product',
    complaint: 'Complaints, suggestions and feedback',
    notStated: 'Not stated yet',
    noRequirements: 'No particular requirements.',
  },
};

i18n.addResourceBundle('id', NS, id, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
