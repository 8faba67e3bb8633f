import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { laporReport } from '../../../contracts/complaints';
import type { ComplaintStatus } from '../../../domain/complaints';
import { recordAudit } from '../../platform/audit';
import { agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { toCsv } from '../../platform/csv';
import { fieldError, forbidden } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { viewOf } from './complaints.access';
import * as repo from './complaints.repository';
import { reporterFor } from './board.service';
import { namesOf } from './track.service';
import { referenceOf } from './reference';

type LaporReport = z.output<typeof laporReport>;

/** The status in SP4N-LAPOR!'s terms (docs/complaints.md): the mapping is Loket's, documented there. */
export function laporStatusOf(c: Pick<repo.ComplaintRow, 'status' | 'respondedAt'>): string {
  switch (c.status as ComplaintStatus) {
    case 'submitted':
      return 'belum_terverifikasi';
    case 'verified':
      return 'terverifikasi';
    case 'responded':
      return 'ditindaklanjuti';
    case 'not_authority':
      return 'bukan_wewenang';
    case 'closed':
      return c.respondedAt ? 'selesai' : 'diarsipkan';
  }
}

const MAX_DAYS = 366;

/**
 * The SP4N-LAPOR! export (DESIGN §7, docs/complaints.md) of complaints filed between two dates:
 * a JSON array of reports, or the same as CSV. The reporter's identity is in it only for a
 * complaint that is neither confidential nor anonymous, and only when the caller may see it; an
 * agency exports only its assigned complaints. The export is audited (how many, never who).
 */
export async function exportComplaints(ctx: AppContext, caller: Caller, siteId: string, q: { from: string; to: string; format: 'lapor' | 'csv' }) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  if (caller.actor.kind === 'anonymous') authorize(caller.actor, 'complaints.read', { siteId });
  const scope = agencyScope(caller.actor, 'complaints.read', siteId);
  if (!scope) throw forbidden();
  if (q.to < q.from) throw fieldError('querystring.to', 'before_from', { id: 'Tanggal akhir sebelum tanggal awal.', en: 'The end date is before the start date.' });
  if (DateTime.fromISO(q.to).diff(DateTime.fromISO(q.from), 'days').days > MAX_DAYS) throw fieldError('querystring.to', 'range_too_long', { id: `Paling lama ${MAX_DAYS} hari per ekspor.`, en: `At most ${MAX_DAYS} days per export.` });

  const rows = (await repo.filedBetween(ctx.db, siteId, q.from, q.to, scope.all ? null : scope.agencyIds)).flatMap((c) => {
    const view = viewOf(caller.actor, c);
    return view ? [{ c, view }] : [];
  });
  const replies = await repo.publicMessagesOf(ctx.db, rows.map((r) => r.c.id));
  const byComplaint = new Map<string, typeof replies>();
  for (const m of replies) byComplaint.set(m.complaintId, [...(byComplaint.get(m.complaintId) ?? []), m]);
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: site.timeZone }).toISO({ suppressMilliseconds: true })!;

  let identities = 0;
  const reports: LaporReport[] = [];
  for (const { c, view } of rows) {
    const names = await namesOf(ctx, c);
    // Identity goes out only for open (not rahasia, not anonim) complaints, whoever exports.
    const reporter = !c.confidential && !c.anonymous ? reporterFor(ctx, view, c) : null;
    if (reporter) identities++;
    reports.push({
      kode_pelacakan: view.role === 'desk' ? c.trackingCode : null,
      referensi: referenceOf(c),
      judul: c.title,
      isi: c.body,
      klasifikasi: c.classification as LaporReport['klasifikasi'],
      kategori: c.category,
      rahasia: c.confidential,
      anonim: c.anonymous,
      tanggal: at(c.filedAt),
      instansi_tujuan: (names.agency ?? names.requestedAgency)?.name ?? null,
      layanan: names.service?.name ?? null,
      status: c.status as ComplaintStatus,
      status_lapor: laporStatusOf(c),
      nomor_tiket_lapor: c.laporTicket,
      pelapor: reporter ? { nama: reporter.name, telepon: reporter.phone, email: reporter.email } : null,
      batas_verifikasi: c.verifyBy,
      batas_tindak_lanjut: c.respondBy,
      tanggapan: (byComplaint.get(c.id) ?? []).map((m) => ({ tanggal: at(m.at), dari: m.author as 'desk', isi: m.text })),
    });
  }
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'complaints.exported', siteId, targetType: 'complaint_export', targetId: `${q.from}..${q.to}`, details: { format: q.format, count: reports.length, identities } });
  if (q.format === 'lapor') return { reports, filename: `pengaduan-lapor-${q.from}-${q.to}.json` };
  const header = ['kode_pelacakan', 'referensi', 'judul', 'isi', 'klasifikasi', 'kategori', 'rahasia', 'anonim', 'tanggal', 'instansi_tujuan', 'layanan', 'status', 'status_lapor', 'nomor_tiket_lapor', 'nama_pelapor', 'telepon_pelapor', 'email_pelapor', 'batas_verifikasi', 'batas_tindak_lanjut', 'jumlah_tanggapan'];
  const yn = (b: boolean) => (b ? 'ya' : 'tidak');
  const csv = toCsv(
    header,
    reports.map((r) => [r.kode_pelacakan, r.referensi, r.judul, r.isi, r.klasifikasi, r.kategori, yn(r.rahasia), yn(r.anonim), r.tanggal, r.instansi_tujuan, r.layanan, r.status, r.status_lapor, r.nomor_tiket_lapor, r.pelapor?.nama, r.pelapor?.telepon, r.pelapor?.email, r.batas_verifikasi, r.batas_tindak_lanjut, r.tanggapan.length]),
  );
  return { csv, filename: `pengaduan-${q.from}-${q.to}.csv` };
}
