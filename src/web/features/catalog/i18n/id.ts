/**
 * Texts of the public catalogue pages (an MPP's page, a service's standard), in the `catalog`
 * namespace: `useTranslation('catalog')`. Registered when a page's chunk loads, so the entry chunk
 * (kiosk, display) never carries them. The administration adds its own texts to the same namespace
 * (admin/i18n.ts), so a citizen's phone never downloads them. Indonesian first; English has the
 * same keys (a test checks), with `_one` / `_other` plural forms where Indonesian needs `_other` only.
 */
export const id = {
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
    ikm: 'Hasil survei kepuasan masyarakat (IKM)',
    transparency: 'Transparansi pelayanan: hasil bulan lalu',
    address: 'Alamat',
    openMap: 'Lihat di peta (OpenStreetMap)',
    contacts: 'Kontak',
    phone: 'Telepon',
    email: 'Email',
    website: 'Situs web',
    maklumat: 'Maklumat Pelayanan',
    zoneNote: 'Semua jam di halaman ini dalam waktu {{zone}}.',
    allSites: 'Lihat semua lokasi MPP',
    status: { preparation: 'Dalam persiapan', trial: 'Uji coba', closed: 'Tutup sementara' },
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
