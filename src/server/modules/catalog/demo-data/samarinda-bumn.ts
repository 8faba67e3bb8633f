/** MPP Samarinda: state-owned enterprises (BUMN), the state banks included. */
import { agency, BANK_HOURS, hrs, mins, MWF, pks, svc, wd, WEEKDAYS_FULL } from './helpers';
import type { DemoAgency } from './types';

const SJSN = 'UU 40/2004 tentang SJSN; UU 24/2011 tentang BPJS';
const BANK_FREE = 'Tidak dipungut biaya; setoran awal dan biaya administrasi bulanan sesuai ketentuan produk bank';
const OJK = 'UU 10/1998 tentang Perbankan; UU 4/2023 tentang P2SK';

const jasaRaharja = agency('jasaraharja', 'bumn', 'PT Jasa Raharja Cabang Kalimantan Timur', 'Jasa Raharja', WEEKDAYS_FULL, [
  svc({ code: 'SANTUNAN-JR', prefix: 'OA', name: 'Pengajuan Santunan Korban Kecelakaan Lalu Lintas', keywords: ['jasa raharja', 'santunan', 'kecelakaan', 'klaim kecelakaan', 'swdkllj'],
    description: 'Santunan bagi korban luka-luka, cacat tetap atau meninggal dunia akibat kecelakaan lalu lintas jalan dan angkutan umum.',
    docs: ['laporan_polisi: asli atau fotokopi dilegalisir', 'surat_keterangan_medis: asli, termasuk kuitansi biaya perawatan', 'ktp_el: korban atau ahli waris, fotokopi', 'kk: fotokopi 1 lembar', 'akta_kematian: untuk korban meninggal dunia', 'buku_tabungan: fotokopi halaman depan rekening penerima'],
    procedure: ['Serahkan berkas di loket', 'Verifikasi dan survei keabsahan bila perlu', 'Penetapan besaran santunan', 'Santunan ditransfer ke rekening korban atau ahli waris'],
    duration: wd(3), durationText: 'Umumnya 1–3 hari kerja setelah berkas lengkap', product: 'Santunan ditransfer ke rekening penerima',
    law: 'UU 33/1964 dan UU 34/1964; PMK 15/2017 dan PMK 16/2017', handlingMinutes: 20, walkInQuota: 40 }),
  svc({ code: 'INFO-JR', prefix: 'OB', name: 'Informasi Santunan dan SWDKLLJ', keywords: ['jasa raharja', 'swdkllj', 'iuran wajib', 'informasi santunan'],
    description: 'Informasi hak santunan, status berkas dan Sumbangan Wajib Dana Kecelakaan Lalu Lintas Jalan.',
    procedure: ['Ambil antrean', 'Sampaikan pertanyaan atau nomor berkas', 'Petugas memberi penjelasan'],
    duration: mins(10), product: 'Informasi', handlingMinutes: 8, walkInQuota: 60 }),
], pks('SPK/12/PKS/2019', '2019-12-11'));

const bpjsTk = agency('bpjstk', 'bumn', 'BPJS Ketenagakerjaan Cabang Samarinda', 'BPJS Ketenagakerjaan', WEEKDAYS_FULL, [
  svc({ code: 'BPJSTK-DAFTAR', prefix: 'QA', name: 'Pendaftaran Peserta BPJS Ketenagakerjaan', keywords: ['bpjs ketenagakerjaan', 'bpjs tk', 'jamsostek', 'bpu', 'daftar bpjs tk'],
    description: 'Pendaftaran pekerja Bukan Penerima Upah (pedagang, ojek daring, petani) dan pekerja jasa konstruksi.',
    docs: ['ktp_el: asli', 'kk: fotokopi 1 lembar'],
    procedure: ['Ambil antrean', 'Petugas mendaftarkan data dan program (JKK, JKM, JHT)', 'Pembayaran iuran pertama', 'Kartu digital aktif di aplikasi JMO'],
    duration: mins(15), durationText: 'Selesai di tempat', feeBasis: 'Tidak ada biaya pendaftaran; iuran BPU mulai Rp16.800 per bulan (JKK dan JKM)',
    product: 'Kartu peserta BPJS Ketenagakerjaan', law: `${SJSN}; PP 44/2015 tentang JKK dan JKM`, handlingMinutes: 12, walkInQuota: 80 }),
  svc({ code: 'JHT', prefix: 'QB', name: 'Klaim Jaminan Hari Tua (JHT)', keywords: ['jht', 'klaim jht', 'pencairan bpjs', 'jamsostek', 'bpjs ketenagakerjaan'],
    description: 'Pencairan saldo JHT karena berhenti bekerja, pensiun, atau sebagian (10%/30%) untuk peserta aktif.',
    docs: ['kartu_bpjs: kartu peserta BPJS Ketenagakerjaan', 'ktp_el: asli', 'kk: asli', 'surat_keterangan_berhenti_kerja: asli', 'buku_tabungan: asli', 'npwp: untuk saldo di atas Rp50.000.000'],
    procedure: ['Daftar antrean daring (Lapak Asik) atau di loket', 'Verifikasi berkas dan wawancara dengan swafoto', 'Persetujuan klaim', 'Dana ditransfer ke rekening peserta'],
    duration: wd(5), durationText: 'Dana ditransfer paling lama 5 hari kerja setelah berkas lengkap', product: 'Saldo JHT ditransfer ke rekening peserta',
    law: `${SJSN}; Permenaker 4/2022 tentang JHT`, staff: 3, handlingMinutes: 20, walkInQuota: 60, bookable: true, bookingQuota: 40 }),
], pks('PKS/45/122019', '2019-12-11'));

const bpjsKes = agency('bpjskes', 'bumn', 'BPJS Kesehatan Cabang Samarinda', 'BPJS Kesehatan', WEEKDAYS_FULL, [
  svc({ code: 'JKN-DAFTAR', prefix: 'RA', name: 'Pendaftaran Peserta JKN Mandiri', keywords: ['bpjs', 'jkn', 'kis', 'bpjs kesehatan', 'daftar bpjs'],
    description: 'Pendaftaran peserta Pekerja Bukan Penerima Upah (PBPU) dan Bukan Pekerja beserta seluruh anggota keluarga di KK.',
    docs: ['ktp_el: asli', 'kk: asli', 'buku_tabungan: untuk autodebit iuran'],
    procedure: ['Ambil antrean', 'Petugas mendaftarkan seluruh anggota KK dan memilih FKTP', 'Nomor virtual account diberikan', 'Bayar iuran pertama; kartu aktif 14 hari setelah pendaftaran'],
    duration: mins(20), durationText: 'Virtual account terbit di tempat; kartu aktif 14 hari setelah pendaftaran',
    feeBasis: 'Tidak ada biaya pendaftaran; iuran kelas III Rp42.000 (dibayar peserta Rp35.000), kelas II Rp100.000, kelas I Rp150.000 per orang per bulan (Perpres 64/2020)',
    product: 'Kartu JKN-KIS digital (Mobile JKN) dan nomor virtual account', law: `${SJSN}; Perpres 82/2018 jo. Perpres 64/2020`, staff: 3, handlingMinutes: 12, walkInQuota: 150 }),
  svc({ code: 'JKN-UBAH', prefix: 'RB', name: 'Perubahan Data Peserta dan Pindah Faskes', keywords: ['bpjs', 'jkn', 'kis', 'pindah faskes', 'ganti faskes', 'ubah data bpjs', 'pindah kelas'],
    description: 'Perubahan data peserta, penambahan anggota keluarga, pindah FKTP atau kelas rawat.',
    docs: ['kartu_bpjs: kartu JKN-KIS atau nomor peserta', 'ktp_el: asli', 'kk: asli, yang terbaru'],
    procedure: ['Ambil antrean', 'Verifikasi data di aplikasi kepesertaan', 'Perubahan disimpan; bukti perubahan diberikan'],
    duration: mins(15), durationText: 'Selesai di tempat; pindah FKTP berlaku mulai tanggal 1 bulan berikutnya', product: 'Data kepesertaan diperbarui',
    law: `${SJSN}; Perpres 82/2018`, staff: 3, handlingMinutes: 10, walkInQuota: 200, bookable: true, bookingQuota: 40 }),
  svc({ code: 'JKN-INFO', prefix: 'RC', name: 'Informasi Kepesertaan, Tunggakan dan Pengaduan JKN', keywords: ['bpjs', 'jkn', 'kis', 'tunggakan bpjs', 'cicilan rehab', 'bpjs nonaktif'],
    description: 'Cek status kepesertaan, tunggakan, program cicilan REHAB, dan pengaduan layanan faskes.',
    docs: ['kartu_bpjs: atau NIK'],
    procedure: ['Ambil antrean', 'Petugas mengecek status di sistem', 'Penjelasan, pendaftaran REHAB atau pencatatan pengaduan'],
    duration: mins(10), product: 'Informasi dan tindak lanjut pengaduan', handlingMinutes: 8, walkInQuota: 200 }),
], pks('1234/KTR/VIII-04/1219', '2019-12-10'));

const pln = agency('pln', 'bumn', 'PT PLN (Persero) UP3 Samarinda', 'PLN', WEEKDAYS_FULL, [
  svc({ code: 'PLN-PASANG', prefix: 'SA', name: 'Pasang Baru Listrik', keywords: ['pln', 'listrik', 'pasang baru', 'sambung baru', 'meteran listrik', 'token'],
    description: 'Permohonan sambungan listrik baru pascabayar atau prabayar untuk rumah tangga dan usaha.',
    docs: ['ktp_el: asli', 'denah_lokasi: titik koordinat persil', 'npwp: untuk daya 6.600 VA ke atas'],
    procedure: ['Ajukan di loket atau aplikasi PLN Mobile', 'Survei lokasi bila diperlukan', 'Bayar biaya penyambungan', 'Instalasi rumah diperiksa dan SLO diterbitkan', 'Pemasangan kWh meter'],
    duration: wd(5), durationText: 'Umumnya 1–5 hari kerja setelah biaya dibayar dan SLO terbit',
    feeVariable: true, feeBasis: 'Biaya penyambungan sesuai daya (Permen ESDM 28/2016 jo. perubahannya); contoh R-1 1.300 VA: Rp925/VA = Rp1.202.500; belum termasuk instalasi rumah dan SLO',
    product: 'Sambungan listrik dan ID pelanggan', law: 'UU 30/2009 tentang Ketenagalistrikan', handlingMinutes: 15, walkInQuota: 60 }),
  svc({ code: 'PLN-DAYA', prefix: 'SB', name: 'Tambah Daya Listrik', keywords: ['pln', 'tambah daya', 'ubah daya', 'naik daya', 'listrik'],
    description: 'Perubahan daya tersambung rumah atau usaha.',
    docs: ['ktp_el: asli', 'rekening_listrik: atau ID pelanggan'],
    procedure: ['Ajukan di loket atau PLN Mobile', 'Bayar biaya penyambungan atas selisih daya', 'Petugas mengganti MCB/kWh meter'],
    duration: wd(3), feeVariable: true, feeBasis: 'Biaya penyambungan atas selisih daya (Permen ESDM 28/2016 jo. perubahannya); contoh 900 VA ke 1.300 VA: 400 VA × Rp925 = Rp370.000',
    product: 'Daya tersambung baru', law: 'UU 30/2009 tentang Ketenagalistrikan', handlingMinutes: 12, walkInQuota: 60 }),
], pks('0045.PJ/HKM.02.01/UP3SMD/2019', '2019-12-10'));

const telkom = agency('telkom', 'bumn', 'PT Telkom Indonesia Witel Samarinda', 'Telkom', BANK_HOURS, [
  svc({ code: 'INDIHOME', prefix: 'TA', name: 'Pasang Baru IndiHome', keywords: ['indihome', 'internet', 'wifi', 'telkom', 'telepon rumah'],
    description: 'Pendaftaran layanan internet rumah IndiHome dan telepon rumah.',
    docs: ['ktp_el: asli', 'denah_lokasi: alamat dan titik koordinat'],
    procedure: ['Pilih paket di loket', 'Pengecekan ketersediaan jaringan', 'Jadwal pemasangan oleh teknisi'],
    duration: wd(3), feeBasis: 'Tidak ada biaya layanan di loket; biaya pasang dan paket bulanan sesuai penawaran IndiHome yang berlaku',
    product: 'Sambungan IndiHome aktif', law: 'UU 36/1999 tentang Telekomunikasi', handlingMinutes: 15, walkInQuota: 40 }),
  svc({ code: 'TELKOM-CS', prefix: 'TB', name: 'Tagihan, Gangguan dan Ubah Paket IndiHome', keywords: ['indihome', 'gangguan internet', 'tagihan indihome', 'cabut indihome', 'telkom'],
    description: 'Layanan tagihan, laporan gangguan, ubah paket dan berhenti berlangganan.',
    docs: ['ktp_el: asli, sesuai nama pelanggan'],
    procedure: ['Sebutkan nomor layanan', 'Petugas menangani permintaan', 'Nomor tiket diberikan'],
    duration: mins(15), product: 'Tiket layanan dan penyelesaian permintaan', handlingMinutes: 10, walkInQuota: 40 }),
], pks('K.TEL.123/HK.810/WTL-SMD/2019', '2019-12-12'));

const taspen = agency('taspen', 'bumn', 'PT Taspen (Persero) Kantor Cabang Samarinda', 'Taspen', MWF, [
  svc({ code: 'TASPEN-KLAIM', prefix: 'UA', name: 'Klaim Tabungan Hari Tua dan Pensiun Pertama', keywords: ['taspen', 'pensiun', 'tht', 'klaim pensiun', 'asn'],
    description: 'Klaim THT dan pembayaran pensiun pertama bagi ASN yang memasuki masa pensiun.',
    docs: ['sk_pensiun: fotokopi dilegalisir', 'ktp_el: fotokopi 1 lembar', 'kk: fotokopi 1 lembar', 'buku_tabungan: fotokopi', 'pas_foto: 3x4, 2 lembar'],
    procedure: ['Serahkan berkas di loket', 'Verifikasi dan otentikasi sidik jari/wajah', 'Dana ditransfer ke rekening peserta'],
    duration: hrs(1), durationText: 'Sekitar 1 jam setelah berkas lengkap; dana ditransfer ke rekening', product: 'THT dan pensiun pertama dibayarkan',
    law: 'PP 25/1981 tentang Asuransi Sosial PNS; PP 70/2015', handlingMinutes: 20, walkInQuota: 40 }),
  svc({ code: 'TASPEN-OTENTIKASI', prefix: 'UB', name: 'Otentikasi dan Pembaruan Data Pensiunan', keywords: ['taspen', 'otentikasi', 'pensiunan', 'data pensiun'],
    description: 'Otentikasi tahunan pensiunan dan perubahan data rekening atau alamat.',
    docs: ['ktp_el: asli', 'buku_tabungan: bila rekening berubah'],
    procedure: ['Ambil antrean', 'Otentikasi wajah atau sidik jari', 'Data diperbarui'],
    duration: mins(10), product: 'Status otentikasi dan data diperbarui', handlingMinutes: 8, walkInQuota: 60 }),
], pks('PERJ-17/DIR/2019', '2019-12-12'));

const pos = agency('pos', 'bumn', 'PT Pos Indonesia (Persero) KCU Samarinda', 'Pos Indonesia', BANK_HOURS, [
  svc({ code: 'POS-KIRIM', prefix: 'VA', name: 'Pengiriman Surat, Dokumen dan Paket', keywords: ['pos', 'kirim paket', 'kirim surat', 'pos indonesia', 'ekspedisi'],
    description: 'Pengiriman dokumen hasil layanan MPP, surat dan paket ke seluruh Indonesia.',
    procedure: ['Serahkan kiriman dan alamat tujuan', 'Penimbangan dan pembayaran ongkos kirim', 'Resi pengiriman diberikan'],
    duration: mins(10), feeVariable: true, feeBasis: 'Ongkos kirim sesuai berat, jenis layanan dan tujuan (tarif Pos Indonesia); tidak ada biaya layanan',
    product: 'Resi pengiriman', law: 'UU 38/2009 tentang Pos', handlingMinutes: 6, walkInQuota: 80 }),
  svc({ code: 'POS-BAYAR', prefix: 'VB', name: 'Pembayaran Tagihan dan Penyaluran Bantuan Sosial', keywords: ['pos', 'bayar tagihan', 'bansos', 'wesel', 'pos giro'],
    description: 'Pembayaran tagihan rutin, wesel dan pencairan bantuan sosial bagi penerima yang ditetapkan.',
    docs: ['ktp_el: asli, untuk pencairan bantuan'],
    procedure: ['Sebutkan jenis pembayaran atau tunjukkan undangan bansos', 'Verifikasi', 'Transaksi dan bukti diberikan'],
    duration: mins(10), product: 'Bukti pembayaran atau pencairan', law: 'UU 38/2009 tentang Pos', handlingMinutes: 6, walkInQuota: 80 }),
], pks('PKS/015/KCU-SMD/2019', '2019-12-12'));

const bri = agency('bri', 'bumn', 'PT Bank Rakyat Indonesia (Persero) Tbk KC Samarinda', 'BRI', BANK_HOURS, [
  svc({ code: 'BRI-REKENING', prefix: 'WA', name: 'Pembukaan Rekening dan Layanan Nasabah BRI', keywords: ['bri', 'buka rekening', 'tabungan', 'britama', 'simpedes', 'atm'],
    description: 'Pembukaan rekening tabungan, penggantian kartu ATM dan layanan nasabah.',
    docs: ['ktp_el: asli', 'npwp: bila ada'],
    procedure: ['Isi formulir pembukaan rekening', 'Verifikasi identitas', 'Setoran awal', 'Buku tabungan dan kartu debit diserahkan'],
    duration: mins(20), feeBasis: BANK_FREE, product: 'Rekening aktif, buku tabungan dan kartu debit', law: OJK, handlingMinutes: 15, walkInQuota: 60 }),
  svc({ code: 'BRI-KUR', prefix: 'WB', name: 'Konsultasi dan Pengajuan KUR Mikro', keywords: ['kur', 'kredit usaha rakyat', 'pinjaman usaha', 'bri', 'umkm'],
    description: 'Konsultasi dan pengajuan Kredit Usaha Rakyat untuk usaha mikro yang layak.',
    docs: ['ktp_el: pemohon dan pasangan', 'kk: fotokopi 1 lembar', 'nib: atau surat keterangan usaha dari kelurahan', 'surat_nikah: bila sudah menikah'],
    procedure: ['Konsultasi kebutuhan modal', 'Serahkan berkas', 'Survei usaha oleh mantri', 'Keputusan dan akad kredit'],
    duration: wd(7), durationText: 'Keputusan umumnya 7 hari kerja setelah survei', feeBasis: 'Tidak ada biaya administrasi dan provisi untuk KUR',
    product: 'Keputusan dan akad KUR', law: `${OJK}; Permenko Perekonomian tentang Pedoman Pelaksanaan KUR`, handlingMinutes: 25, walkInQuota: 40 }),
], pks('B.123-KC-VIII/DJS/12/2019', '2019-12-12'));

const mandiri = agency('mandiri', 'bumn', 'PT Bank Mandiri (Persero) Tbk Area Samarinda', 'Bank Mandiri', BANK_HOURS, [
  svc({ code: 'MANDIRI-REKENING', prefix: 'XA', name: 'Pembukaan Rekening dan Layanan Nasabah Mandiri', keywords: ['mandiri', 'bank mandiri', 'buka rekening', 'tabungan', 'livin'],
    description: 'Pembukaan rekening tabungan, aktivasi Livin\' by Mandiri dan layanan nasabah.',
    docs: ['ktp_el: asli', 'npwp: bila ada'],
    procedure: ['Isi data pembukaan rekening', 'Verifikasi identitas', 'Setoran awal dan aktivasi kartu'],
    duration: mins(20), feeBasis: BANK_FREE, product: 'Rekening aktif dan kartu debit', law: OJK, handlingMinutes: 15, walkInQuota: 40 }),
], pks('SMD.CBC/PKS.045/2020', '2020-02-03'));

const bni = agency('bni', 'bumn', 'PT Bank Negara Indonesia (Persero) Tbk KC Samarinda', 'BNI', BANK_HOURS, [
  svc({ code: 'BNI-REKENING', prefix: 'YA', name: 'Pembukaan Rekening Taplus dan Layanan Nasabah BNI', keywords: ['bni', 'taplus', 'buka rekening', 'tabungan', 'wondr'],
    description: 'Pembukaan rekening BNI Taplus, penggantian kartu debit dan layanan nasabah.',
    docs: ['ktp_el: asli', 'npwp: bila ada'],
    procedure: ['Isi data pembukaan rekening', 'Verifikasi identitas', 'Setoran awal dan aktivasi kartu'],
    duration: mins(20), feeBasis: BANK_FREE, product: 'Rekening aktif dan kartu debit', law: OJK, handlingMinutes: 15, walkInQuota: 40 }),
], pks('SMD/2/PKS/045/2020', '2020-03-02', null));

export const SAMARINDA_BUMN: DemoAgency[] = [jasaRaharja, bpjsTk, bpjsKes, pln, telkom, taspen, pos, bri, mandiri, bni];
