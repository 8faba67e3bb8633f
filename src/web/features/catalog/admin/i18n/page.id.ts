/** The catalogue administration page: its title and section tabs. */
export const id = {
  tabs: {
    agencies: 'Instansi',
    services: 'Layanan',
    counters: 'Loket',
    holidays: 'Hari libur',
    settings: 'Pengaturan MPP',
    staff: 'Petugas',
    devices: 'Perangkat',
    transfer: 'Impor/Ekspor',
    documentTypes: 'Jenis dokumen',
  },
  admin: {
    title: 'Katalog {{site}}',
    sections: 'Bagian katalog',
    noSiteTitle: 'Belum ada lokasi MPP',
    noSite: 'Akun Anda belum terhubung dengan lokasi MPP. Hubungi admin platform.',
  },
};
