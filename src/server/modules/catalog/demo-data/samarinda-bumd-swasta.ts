/** MPP Samarinda: region-owned enterprises (BUMD) and private tenants (swasta). */
import { agency, BANK_HOURS, mins, MWF, pks, svc, wd, WEEKDAYS_FULL } from './helpers';
import type { DemoAgency } from './types';

const PDAM_LAW = 'Permendagri 21/2020 tentang Penghitungan dan Penetapan Tarif Air Minum; Perda Kota Samarinda tentang Perumda Air Minum Tirta Kencana';

const pdam = agency('pdam', 'bumd', 'Perumda Air Minum Tirta Kencana Kota Samarinda', 'Perumdam Tirta Kencana', WEEKDAYS_FULL, [
  svc({ code: 'PDAM-SAMBUNG', prefix: 'ZA', name: 'Sambungan Baru Air Minum', keywords: ['pdam', 'air', 'sambungan baru', 'pasang air', 'perumdam', 'tirta kencana'],
    description: 'Pemasangan sambungan air minum baru untuk rumah tangga, usaha dan sosial di wilayah layanan jaringan pipa.',
    docs: ['ktp_el: fotokopi 1 lembar', 'kk: fotokopi 1 lembar', 'denah_lokasi: sketsa dan titik koordinat', 'rekening_listrik: fotokopi, sebagai bukti alamat', 'formulir: permohonan sambungan baru'],
    procedure: ['Serahkan formulir dan berkas di loket', 'Survei jaringan dan lokasi oleh petugas teknik', 'Pembayaran biaya sambungan sesuai hasil survei', 'Pemasangan pipa dan meter air'],
    duration: wd(14), durationText: 'Pemasangan paling lama 14 hari kerja setelah biaya dibayar, bila jaringan tersedia',
    fee: 1_750_000, feeVariable: true, feeBasis: 'Biaya sambungan baru sesuai hasil survei dan Peraturan Direksi Perumdam Tirta Kencana tentang tarif; mulai dari sambungan rumah tangga pipa 1/2 inci (contoh)',
    product: 'Sambungan air aktif dan nomor sambungan pelanggan', law: PDAM_LAW, staff: 2, handlingMinutes: 15, walkInQuota: 60 }),
  svc({ code: 'PDAM-BALIKNAMA', prefix: 'ZB', name: 'Balik Nama Pelanggan Air Minum', keywords: ['pdam', 'balik nama pdam', 'ganti nama pelanggan', 'air'],
    description: 'Perubahan nama pelanggan karena jual beli rumah, warisan atau hibah.',
    docs: ['rekening_pdam: bukti lunas bulan terakhir', 'ktp_el: fotokopi pemilik baru', 'akta_jual_beli: atau bukti kepemilikan lain, fotokopi', 'surat_kuasa: bila diwakilkan'],
    procedure: ['Serahkan berkas di loket', 'Pengecekan tunggakan', 'Pembayaran biaya administrasi', 'Data pelanggan diubah'],
    duration: wd(3), fee: 50_000, feeBasis: 'Biaya administrasi balik nama sesuai Peraturan Direksi Perumdam Tirta Kencana (contoh)',
    product: 'Data pelanggan atas nama baru', law: PDAM_LAW, handlingMinutes: 10, walkInQuota: 40 }),
  svc({ code: 'PDAM-CS', prefix: 'ZC', name: 'Pengaduan Gangguan Air dan Informasi Tagihan', keywords: ['pdam', 'air mati', 'air keruh', 'tagihan air', 'meter air', 'kebocoran'],
    description: 'Laporan air tidak mengalir, keruh, kebocoran pipa, keberatan tagihan dan penggantian meter.',
    docs: ['rekening_pdam: atau nomor sambungan'],
    procedure: ['Sebutkan nomor sambungan', 'Pencatatan laporan dan nomor tiket', 'Tindak lanjut oleh tim teknik atau penagihan'],
    duration: mins(10), durationText: 'Laporan dicatat di tempat; gangguan ditangani paling lama 1×24 jam', product: 'Nomor tiket pengaduan', law: PDAM_LAW, handlingMinutes: 8, walkInQuota: 80 }),
], pks('690/045/PKS-PDAM/XII/2019', '2019-12-10'));

const bankaltimtara = agency('bankaltimtara', 'bumd', 'PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara', 'Bankaltimtara', BANK_HOURS, [
  svc({ code: 'BKT-REKENING', prefix: 'ZM', name: 'Pembukaan Rekening dan Layanan Nasabah Bankaltimtara', keywords: ['bankaltimtara', 'bpd kaltim', 'buka rekening', 'tabungan', 'simpeda'],
    description: 'Pembukaan rekening tabungan (termasuk TabunganKu dan Simpeda), kartu debit dan layanan nasabah.',
    docs: ['ktp_el: asli', 'npwp: bila ada'],
    procedure: ['Isi data pembukaan rekening', 'Verifikasi identitas', 'Setoran awal dan aktivasi kartu'],
    duration: mins(20), feeBasis: 'Tidak dipungut biaya; setoran awal sesuai ketentuan produk', product: 'Rekening aktif dan kartu debit',
    law: 'UU 10/1998 tentang Perbankan; Perda Provinsi Kalimantan Timur tentang Bankaltimtara', handlingMinutes: 15, walkInQuota: 60 }),
  svc({ code: 'BKT-PAJAK', prefix: 'ZN', name: 'Setoran Pajak Daerah dan Retribusi', keywords: ['bankaltimtara', 'bayar pajak daerah', 'setor retribusi', 'pbb', 'bphtb', 'sts'],
    description: 'Setoran PBB-P2, BPHTB, pajak daerah dan retribusi ke kas daerah sebagai bank persepsi.',
    docs: ['bukti_setor: kode bayar atau SSPD/SKRD'],
    procedure: ['Serahkan kode bayar atau SKRD', 'Pembayaran tunai atau pemindahbukuan', 'Bukti setor divalidasi'],
    duration: mins(10), feeBasis: 'Tidak ada biaya layanan; jumlah setoran sesuai ketetapan pajak/retribusi', product: 'Bukti setor tervalidasi',
    law: 'UU 1/2022 tentang HKPD', handlingMinutes: 6, walkInQuota: 120 }),
], pks('003/PKS/DIR-BKT/XII/2019', '2019-12-10'));

const bca = agency('bca', 'swasta', 'PT Bank Central Asia Tbk KCU Samarinda', 'BCA', BANK_HOURS, [
  svc({ code: 'BCA-REKENING', prefix: 'WM', name: 'Pembukaan Rekening dan Layanan Nasabah BCA', keywords: ['bca', 'buka rekening', 'tahapan', 'tabungan', 'mybca'],
    description: 'Pembukaan rekening Tahapan, penggantian kartu dan layanan nasabah BCA.',
    docs: ['ktp_el: asli', 'npwp: bila ada'],
    procedure: ['Isi data pembukaan rekening', 'Verifikasi identitas dan tanda tangan', 'Setoran awal dan aktivasi kartu'],
    duration: mins(20), feeBasis: 'Tidak dipungut biaya; setoran awal dan biaya administrasi bulanan sesuai ketentuan produk', product: 'Rekening aktif dan kartu debit',
    law: 'UU 10/1998 tentang Perbankan; UU 4/2023 tentang P2SK', handlingMinutes: 15, walkInQuota: 40 }),
], pks('045/PKS/KCU-SMD/2021', '2021-03-01', '2026-02-28'));

const notaris = agency('ini', 'swasta', 'Ikatan Notaris Indonesia Pengurus Daerah Kota Samarinda', 'INI Samarinda', MWF, [
  svc({ code: 'KONSULTASI-NOTARIS', prefix: 'NM', name: 'Konsultasi Kenotariatan dan Pendirian Badan Usaha', keywords: ['notaris', 'akta', 'pendirian pt', 'pt perorangan', 'cv', 'ppat', 'waris'],
    description: 'Konsultasi pembuatan akta, pendirian PT perorangan, CV, yayasan, serta peralihan hak tanah melalui PPAT.',
    docs: ['ktp_el: asli', 'npwp: bila ada'],
    procedure: ['Ambil antrean pada hari layanan', 'Konsultasi dengan notaris piket', 'Rujukan ke kantor notaris pilihan pemohon bila dilanjutkan'],
    duration: mins(20), durationText: 'Konsultasi di tempat', feeBasis: 'Konsultasi di MPP tidak dipungut biaya; honorarium akta sesuai UU 2/2014 bila dilanjutkan',
    product: 'Penjelasan dan catatan konsultasi', law: 'UU 2/2014 tentang Jabatan Notaris', handlingMinutes: 20, walkInQuota: 40 }),
], pks('12/PD-INI/SMD/2022', '2022-05-10', '2027-05-09'));

export const SAMARINDA_BUMD_SWASTA: DemoAgency[] = [pdam, bankaltimtara, bca, notaris];
