/** MPP Samarinda: central-government offices in the region (instansi vertikal). */
import { agency, mins, MORNINGS_ONLY, MWF, pks, svc, wd, WEEKDAYS_FULL } from './helpers';
import type { DemoAgency } from './types';

const PASPOR_FEE = 'PNBP paspor biasa non-elektronik 48 halaman Rp350.000; paspor elektronik Rp650.000 (PP 28/2019 tentang Jenis dan Tarif PNBP)';
const PASPOR_LAW = 'UU 6/2011 tentang Keimigrasian; Permenkumham 8/2014 tentang Paspor Biasa dan SPLP';
const PASPOR_STEPS = ['Ajukan permohonan dan pilih jadwal di aplikasi M-Paspor, atau ambil antrean di loket', 'Bayar PNBP melalui kode billing', 'Datang sesuai jadwal membawa dokumen asli', 'Verifikasi dokumen, wawancara, foto dan perekaman sidik jari', 'Ambil paspor di loket setelah 4 hari kerja'];

const imigrasi = agency('imigrasi', 'vertikal', 'Kantor Imigrasi Kelas I TPI Samarinda', 'Imigrasi', WEEKDAYS_FULL, [
  svc({ code: 'PASPOR-BARU', prefix: 'IA', name: 'Penerbitan Paspor Baru', keywords: ['paspor', 'passport', 'paspor baru', 'm-paspor', 'imigrasi'],
    description: 'Paspor biasa bagi WNI yang belum pernah memiliki paspor, untuk wisata, umrah, studi atau bekerja.',
    docs: ['ktp_el: asli', 'kk: asli', 'akta_kelahiran: asli, atau ijazah/buku nikah yang memuat nama, tempat dan tanggal lahir'],
    procedure: PASPOR_STEPS, duration: wd(4), durationText: '4 hari kerja setelah wawancara dan pembayaran',
    fee: 350_000, feeBasis: PASPOR_FEE, product: 'Paspor RI', law: PASPOR_LAW, staff: 4, handlingMinutes: 15, walkInQuota: 40, bookable: true, bookingQuota: 80 }),
  svc({ code: 'PASPOR-GANTI', prefix: 'IB', name: 'Penggantian Paspor (Habis Berlaku atau Penuh)', keywords: ['paspor', 'passport', 'perpanjang paspor', 'ganti paspor', 'paspor habis'],
    description: 'Penggantian paspor yang habis masa berlakunya, akan habis, atau halamannya penuh.',
    docs: ['ktp_el: asli', 'paspor_lama: asli'],
    procedure: PASPOR_STEPS, duration: wd(4), durationText: '4 hari kerja setelah wawancara dan pembayaran',
    fee: 350_000, feeBasis: PASPOR_FEE, product: 'Paspor RI', law: PASPOR_LAW, staff: 4, handlingMinutes: 12, walkInQuota: 40, bookable: true, bookingQuota: 60 }),
  svc({ code: 'PASPOR-HILANG', prefix: 'IC', name: 'Penggantian Paspor Hilang atau Rusak', keywords: ['paspor hilang', 'paspor rusak', 'passport', 'paspor'],
    description: 'Penggantian paspor yang hilang atau rusak, didahului pemeriksaan (BAP) oleh petugas imigrasi.',
    docs: ['ktp_el: asli', 'kk: asli', 'akta_kelahiran: asli, atau ijazah/buku nikah', 'surat_kehilangan: asli, dari kepolisian (paspor hilang)', 'paspor_lama: asli (paspor rusak)'],
    procedure: ['Ambil antrean atau jadwal di loket imigrasi', 'Pemeriksaan dan Berita Acara Pemeriksaan (BAP)', 'Keputusan penggantian dan pembayaran PNBP serta biaya beban', 'Wawancara, foto dan sidik jari', 'Ambil paspor setelah 4 hari kerja'],
    duration: wd(4), durationText: '4 hari kerja setelah BAP dan pembayaran; BAP dapat memerlukan waktu tambahan',
    fee: 350_000, feeVariable: true, feeBasis: `${PASPOR_FEE}; ditambah biaya beban paspor hilang Rp1.000.000 atau rusak Rp500.000`, product: 'Paspor RI pengganti',
    law: PASPOR_LAW, handlingMinutes: 30, walkInQuota: 40, bookable: true, bookingQuota: 10 }),
], pks('W16.IMI.IMI.1-UM.01.01-1234', '2019-12-12'));

const samsat = agency('samsat', 'vertikal', 'UPTD Pengelolaan Pendapatan Daerah (Samsat) Samarinda', 'Samsat', WEEKDAYS_FULL, [
  svc({ code: 'PKB', prefix: 'JA', name: 'Pembayaran Pajak Kendaraan Bermotor Tahunan', keywords: ['pajak kendaraan', 'pkb', 'samsat', 'pajak motor', 'pajak mobil', 'stnk'],
    description: 'Pembayaran PKB dan SWDKLLJ tahunan untuk kendaraan berpelat KT.',
    docs: ['ktp_el: asli, sesuai nama di STNK', 'stnk: asli'],
    procedure: ['Serahkan KTP-el dan STNK di loket pendaftaran', 'Penetapan PKB dan SWDKLLJ', 'Pembayaran di kasir atau QRIS', 'Pengesahan dan penyerahan STNK serta notice pajak'],
    duration: mins(20), feeVariable: true, feeBasis: 'PKB dan SWDKLLJ sesuai notice pajak kendaraan, ditambah denda bila terlambat (Perda Provinsi Kalimantan Timur tentang Pajak Daerah); tidak ada biaya layanan',
    product: 'STNK disahkan dan Surat Ketetapan/Notice PKB', law: 'UU 1/2022 tentang HKPD; Perpres 5/2015 tentang Samsat', staff: 3, handlingMinutes: 8, walkInQuota: 250, bookable: true, bookingQuota: 50 }),
  svc({ code: 'STNK-SAH', prefix: 'JB', name: 'Pengesahan STNK Tahunan', keywords: ['pengesahan stnk', 'stnk', 'samsat', 'cap stnk'],
    description: 'Pengesahan STNK setiap tahun, dilakukan bersamaan dengan pembayaran PKB.',
    docs: ['ktp_el: asli', 'stnk: asli'],
    procedure: ['Serahkan dokumen di loket', 'Pemeriksaan data kendaraan', 'Pembayaran PNBP pengesahan', 'STNK disahkan dan diserahkan'],
    duration: mins(20), fee: 25_000, feeVariable: true, feeBasis: 'PNBP pengesahan STNK roda 2/3 Rp25.000, roda 4 atau lebih Rp50.000 (PP 76/2020 tentang PNBP Polri)',
    product: 'STNK yang telah disahkan', law: 'UU 22/2009 tentang LLAJ; PP 76/2020', handlingMinutes: 8, walkInQuota: 200, bookable: true, bookingQuota: 40 }),
  svc({ code: 'INFO-PKB', prefix: 'JC', name: 'Informasi dan Cek Tunggakan Pajak Kendaraan', keywords: ['cek pajak', 'tunggakan pajak', 'info samsat', 'pemutihan'],
    description: 'Cek besaran pajak, tunggakan, denda dan program keringanan/pemutihan.',
    docs: ['stnk: atau sebutkan nomor polisi'],
    procedure: ['Sebutkan nomor polisi', 'Petugas menampilkan data pajak', 'Penjelasan dan cetak informasi bila diminta'],
    duration: mins(5), product: 'Informasi pajak kendaraan', handlingMinutes: 5, walkInQuota: 150 }),
], pks('030/2019/PKS-BAPENDA/XII/2019', '2019-12-10'));

const kpp = agency('kpp', 'vertikal', 'KPP Pratama Samarinda Ulu', 'KPP Pratama', MORNINGS_ONLY, [
  svc({ code: 'NPWP', prefix: 'KA', name: 'Pendaftaran dan Pemutakhiran NPWP', keywords: ['npwp', 'pajak', 'nik npwp', 'daftar npwp', 'kartu npwp'],
    description: 'Pendaftaran NPWP, validasi NIK sebagai NPWP dan pemutakhiran data wajib pajak.',
    docs: ['ktp_el: asli', 'akta_pendirian: untuk badan, fotokopi 1 lembar'],
    procedure: ['Ambil antrean (layanan hingga pukul 12.00 WITA)', 'Petugas membantu pendaftaran/pemutakhiran di Coretax', 'Bukti pendaftaran dikirim ke email wajib pajak'],
    duration: mins(20), durationText: 'Selesai di tempat', product: 'NPWP dan Surat Keterangan Terdaftar', law: 'UU 7/2021 tentang HPP; PMK 112/2022', handlingMinutes: 15, walkInQuota: 60 }),
  svc({ code: 'SPT', prefix: 'KB', name: 'Asistensi Pelaporan SPT Tahunan', keywords: ['spt', 'spt tahunan', 'lapor pajak', 'coretax', 'e-filing', 'pajak'],
    description: 'Pendampingan pengisian dan penyampaian SPT Tahunan PPh orang pribadi.',
    docs: ['ktp_el: asli', 'bukti_potong: asli atau unduhan'],
    procedure: ['Ambil antrean', 'Login Coretax bersama petugas', 'Isi dan kirim SPT', 'Bukti penerimaan elektronik diterima'],
    duration: mins(20), durationText: 'Selesai di tempat', product: 'Bukti Penerimaan Elektronik SPT', law: 'UU 7/2021 tentang HPP', handlingMinutes: 20, walkInQuota: 80 }),
  svc({ code: 'CORETAX-AKUN', prefix: 'KC', name: 'Aktivasi Akun Coretax dan Kode Otorisasi', keywords: ['coretax', 'efin', 'aktivasi akun pajak', 'lupa password djp', 'kode otorisasi'],
    description: 'Aktivasi akun Coretax DJP, reset kata sandi, dan penerbitan kode otorisasi/sertifikat elektronik.',
    docs: ['ktp_el: asli'],
    procedure: ['Verifikasi identitas dan swafoto', 'Pengkinian email dan nomor HP', 'Aktivasi akun di Coretax'],
    duration: mins(15), durationText: 'Selesai di tempat', product: 'Akun Coretax aktif', law: 'PMK 81/2024', handlingMinutes: 10, walkInQuota: 80 }),
], pks('PKS-12/WPJ.14/KP.02/2019', '2019-12-16'));

const kemenag = agency('kemenag', 'vertikal', 'Kantor Kementerian Agama Kota Samarinda', 'Kemenag', MWF, [
  svc({ code: 'HAJI', prefix: 'LA', name: 'Pendaftaran Haji Reguler', keywords: ['haji', 'daftar haji', 'porsi haji', 'siskohat'],
    description: 'Pendaftaran jemaah haji reguler dan penerbitan nomor porsi melalui SISKOHAT.',
    docs: ['ktp_el: asli dan fotokopi', 'kk: asli dan fotokopi', 'akta_kelahiran: fotokopi, atau ijazah/buku nikah', 'bukti_setoran_haji: asli', 'pas_foto: 3x4 latar putih, wajah 80%, 10 lembar'],
    procedure: ['Buka tabungan haji dan setor awal BPIH di bank BPS-BPIH', 'Serahkan berkas di loket Kemenag', 'Perekaman foto dan sidik jari', 'Nomor porsi dan SPPH diterbitkan'],
    duration: mins(30), durationText: 'Nomor porsi terbit di hari yang sama', feeBasis: 'Tidak ada biaya layanan; setoran awal BPIH Rp25.000.000 disetor ke bank BPS-BPIH',
    product: 'Surat Pendaftaran Pergi Haji (SPPH) dan nomor porsi', law: 'UU 8/2019 tentang Penyelenggaraan Ibadah Haji dan Umrah', handlingMinutes: 30, walkInQuota: 40 }),
  svc({ code: 'LEGALISIR-NIKAH', prefix: 'LB', name: 'Legalisasi Buku Nikah', keywords: ['legalisir buku nikah', 'buku nikah', 'legalisasi', 'kua'],
    description: 'Legalisasi fotokopi buku nikah untuk keperluan paspor, kepegawaian atau perbankan.',
    docs: ['surat_nikah: asli dan fotokopi', 'ktp_el: fotokopi 1 lembar'],
    procedure: ['Serahkan buku nikah dan fotokopi', 'Pencocokan dengan register', 'Legalisasi dan pengembalian dokumen'],
    duration: wd(1), durationText: 'Umumnya selesai di hari yang sama', product: 'Fotokopi buku nikah terlegalisasi', law: 'PMA 20/2019 tentang Pencatatan Pernikahan', handlingMinutes: 8, walkInQuota: 60 }),
  svc({ code: 'INFO-HAJI', prefix: 'LC', name: 'Informasi Haji: Estimasi Keberangkatan, Pelunasan, Pembatalan', keywords: ['haji', 'estimasi haji', 'pelunasan haji', 'batal haji', 'umrah'],
    description: 'Cek estimasi keberangkatan, informasi pelunasan BPIH, pelimpahan porsi dan pembatalan.',
    docs: ['ktp_el: asli', 'bukti_setoran_haji: fotokopi'],
    procedure: ['Sebutkan nomor porsi', 'Petugas mengecek SISKOHAT', 'Penjelasan dan berkas lanjutan bila ada'],
    duration: mins(10), product: 'Informasi dan tanda terima berkas', handlingMinutes: 10, walkInQuota: 60 }),
], pks('B-2345/Kk.16.7/1/HM.01/12/2019', '2019-12-12', '2024-12-12'));

const polresta = agency('polresta', 'vertikal', 'Kepolisian Resor Kota Samarinda (Sat Intelkam)', 'Polresta', WEEKDAYS_FULL, [
  svc({ code: 'SKCK', prefix: 'MA', name: 'Penerbitan SKCK', keywords: ['skck', 'catatan kepolisian', 'surat kelakuan baik', 'polisi'],
    description: 'Surat Keterangan Catatan Kepolisian untuk melamar kerja, CPNS, beasiswa atau keperluan lain.',
    docs: ['ktp_el: fotokopi 1 lembar', 'kk: fotokopi 1 lembar', 'akta_kelahiran: fotokopi, atau ijazah terakhir', 'pas_foto: 4x6 latar merah, 6 lembar', 'formulir: kartu sidik jari (dapat dibuat di loket)'],
    procedure: ['Daftar di aplikasi Presisi/SKCK online atau di loket', 'Verifikasi berkas dan perekaman sidik jari', 'Pembayaran PNBP', 'SKCK dicetak dan ditandatangani'],
    duration: mins(45), durationText: 'Selesai di hari yang sama', fee: 30_000, feeBasis: 'PNBP penerbitan SKCK Rp30.000 (PP 76/2020 tentang PNBP Polri)',
    product: 'SKCK (berlaku 6 bulan)', law: 'UU 2/2002 tentang Kepolisian; Perkap 18/2014 tentang SKCK; PP 76/2020', staff: 3, handlingMinutes: 12, walkInQuota: 150, bookable: true, bookingQuota: 50 }),
  svc({ code: 'STPLK', prefix: 'MB', name: 'Surat Tanda Penerimaan Laporan Kehilangan', keywords: ['laporan kehilangan', 'surat kehilangan', 'stplk', 'hilang'],
    description: 'Laporan kehilangan dokumen atau barang sebagai syarat penggantian dokumen.',
    docs: ['ktp_el: asli', 'kk: fotokopi, bila yang hilang dokumen kependudukan'],
    procedure: ['Sampaikan laporan kepada petugas', 'Pencatatan kronologi dan barang yang hilang', 'Surat ditandatangani dan diserahkan'],
    duration: mins(15), product: 'Surat Tanda Penerimaan Laporan Kehilangan', law: 'UU 2/2002 tentang Kepolisian', handlingMinutes: 10, walkInQuota: 100 }),
], pks('B/55/XII/2019/Polresta', '2019-12-13'));

const SIM_STEPS = ['Tes kesehatan jasmani dan psikologi di tempat yang ditunjuk', 'Serahkan berkas di loket SIM (hingga pukul 12.00 WITA)', 'Pembayaran PNBP', 'Foto, sidik jari dan tanda tangan', 'SIM dicetak dan diserahkan'];
const SIM_DOCS = ['sim_lama: asli, masih berlaku', 'ktp_el: asli dan fotokopi', 'hasil_tes_kesehatan: asli', 'hasil_tes_psikologi: asli'];
const satlantas = agency('satlantas', 'vertikal', 'Satuan Lalu Lintas Polresta Samarinda (Gerai SIM)', 'Satlantas', MORNINGS_ONLY, [
  svc({ code: 'SIM-A', prefix: 'MC', name: 'Perpanjangan SIM A', keywords: ['sim', 'sim a', 'perpanjang sim', 'surat izin mengemudi', 'sim mobil'],
    description: 'Perpanjangan SIM A yang masih berlaku; SIM yang sudah habis berlaku wajib membuat SIM baru di Satpas.',
    docs: SIM_DOCS, procedure: SIM_STEPS, duration: mins(60), durationText: 'Selesai di hari yang sama',
    fee: 80_000, feeBasis: 'PNBP perpanjangan SIM A Rp80.000 (PP 76/2020 tentang PNBP Polri); biaya tes kesehatan dan psikologi terpisah',
    product: 'SIM A (berlaku 5 tahun)', law: 'UU 22/2009 tentang LLAJ; Perpol 5/2021 tentang SIM; PP 76/2020', staff: 3, handlingMinutes: 10, walkInQuota: 120 }),
  svc({ code: 'SIM-C', prefix: 'MD', name: 'Perpanjangan SIM C', keywords: ['sim', 'sim c', 'perpanjang sim', 'surat izin mengemudi', 'sim motor'],
    description: 'Perpanjangan SIM C yang masih berlaku.',
    docs: SIM_DOCS, procedure: SIM_STEPS, duration: mins(60), durationText: 'Selesai di hari yang sama',
    fee: 75_000, feeBasis: 'PNBP perpanjangan SIM C Rp75.000 (PP 76/2020 tentang PNBP Polri); biaya tes kesehatan dan psikologi terpisah',
    product: 'SIM C (berlaku 5 tahun)', law: 'UU 22/2009 tentang LLAJ; Perpol 5/2021 tentang SIM; PP 76/2020', staff: 3, handlingMinutes: 10, walkInQuota: 180 }),
], pks('B/56/XII/2019/Lantas', '2019-12-13'));

const BPN_FEE = (what: string) => `PNBP ${what} Rp50.000 (PP 128/2015 tentang Jenis dan Tarif PNBP Kementerian ATR/BPN)`;
const bpn = agency('bpn', 'vertikal', 'Kantor Pertanahan Kota Samarinda', 'BPN', MWF, [
  svc({ code: 'CEK-SERTIFIKAT', prefix: 'NA', name: 'Pengecekan Sertifikat Tanah', keywords: ['cek sertifikat', 'pengecekan sertifikat', 'sertifikat tanah', 'bpn', 'pertanahan'],
    description: 'Pencocokan sertifikat dengan buku tanah sebelum transaksi, dilakukan atas permohonan pemilik atau PPAT.',
    docs: ['sertifikat_tanah: asli', 'ktp_el: fotokopi pemilik', 'surat_kuasa: bila dikuasakan'],
    procedure: ['Serahkan berkas di loket', 'Pembayaran PNBP', 'Pencocokan dengan buku tanah', 'Sertifikat dikembalikan dengan catatan pengecekan'],
    duration: wd(1), fee: 50_000, feeBasis: BPN_FEE('pengecekan sertifikat per bidang'), product: 'Sertifikat dengan catatan hasil pengecekan',
    law: 'PP 18/2021 tentang Hak Pengelolaan, Hak atas Tanah, Satuan Rumah Susun dan Pendaftaran Tanah', walkInQuota: 40 }),
  svc({ code: 'ROYA', prefix: 'NB', name: 'Roya (Penghapusan Hak Tanggungan)', keywords: ['roya', 'hak tanggungan', 'lunas kpr', 'sertifikat', 'bpn'],
    description: 'Pencoretan hak tanggungan setelah kredit lunas.',
    docs: ['sertifikat_tanah: asli', 'sertifikat_hak_tanggungan: asli', 'surat_lunas_kredit: asli dari bank', 'ktp_el: fotokopi pemilik'],
    procedure: ['Serahkan berkas di loket', 'Pembayaran PNBP', 'Pencoretan hak tanggungan di buku tanah dan sertifikat', 'Pengambilan sertifikat'],
    duration: wd(5), fee: 50_000, feeBasis: BPN_FEE('roya per hak tanggungan'), product: 'Sertifikat bebas hak tanggungan', law: 'UU 4/1996 tentang Hak Tanggungan', walkInQuota: 40 }),
  svc({ code: 'SKPT', prefix: 'NC', name: 'Surat Keterangan Pendaftaran Tanah (SKPT)', keywords: ['skpt', 'keterangan tanah', 'lelang', 'bpn'],
    description: 'Keterangan data fisik dan yuridis bidang tanah, antara lain untuk lelang.',
    docs: ['surat_permohonan: asli', 'sertifikat_tanah: fotokopi', 'ktp_el: fotokopi pemohon'],
    procedure: ['Serahkan berkas', 'Pembayaran PNBP', 'Penelitian data', 'SKPT diterbitkan'],
    duration: wd(5), fee: 50_000, feeBasis: BPN_FEE('SKPT per bidang'), product: 'Surat Keterangan Pendaftaran Tanah', walkInQuota: 40 }),
], pks('5/PKS-64.72/XII/2019', '2019-12-12'));

export const SAMARINDA_VERTIKAL: DemoAgency[] = [imigrasi, samsat, kpp, kemenag, polresta, satlantas, bpn];
