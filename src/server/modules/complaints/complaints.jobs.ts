import { autoClosesOn, overdueOf, type ComplaintStatus } from '../../../domain/complaints';
import type { AppContext } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import { nullIfNotFound } from '../../platform/errors';
import type { JobHandler, JobRow } from '../../platform/jobs';
import { enqueue } from '../../platform/jobs';
import type { Message } from '../../platform/notifier';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { siteToday } from './complaints.calendar';
import { complaintsPolicyOf } from './complaints.policy';
import * as repo from './complaints.repository';
import { referenceOf } from './reference';

/**
 * The complaint sweep (background.ts, every minute; tested with the clock moved): overdue steps
 * are escalated to the site admin once each (and show red on the boards), and responses nobody
 * answered within the auto-close period are closed. Conditional updates only, so several
 * processes may sweep at once.
 */
export async function sweepComplaints(ctx: AppContext): Promise<{ escalated: number; closed: number }> {
  let escalated = 0;
  let closed = 0;
  for (const siteId of await repo.sitesWithOpenComplaints(ctx.db)) {
    const site = await cachedCatalog.getSite(ctx, siteId);
    const { today } = await siteToday(ctx, site);
    for (const c of await repo.dueForSweep(ctx.db, siteId, today)) {
      const now = ctx.clock.now();
      const status = c.status as ComplaintStatus;
      if (autoClosesOn({ status, autoCloseAfter: c.autoCloseAfter }, today)) {
        const done = await transact(ctx, async (tx, emit) => {
          const row = await repo.transition(tx, c.id, ['responded'], { status: 'closed', closedAt: now, closedBy: 'system', updatedAt: now });
          if (!row) return false;
          await emit({ siteId, type: 'complaint.closed', aggregateType: 'complaint', aggregateId: c.id, payload: { complaintId: c.id, status: 'closed' }, meta: { by: 'system', from: 'responded', closedBy: 'system' } });
          await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: now, payload: { complaintId: c.id, what: 'auto_closed' } });
          return true;
        });
        if (done) closed++;
        continue;
      }
      const step = overdueOf({ status, verifyBy: c.verifyBy, respondBy: c.respondBy }, today);
      if (!step) continue;
      const done = await transact(ctx, async (tx, emit) => {
        const row = await repo.markEscalated(tx, c.id, step, now);
        if (!row) return false;
        const due = step === 'verify' ? c.verifyBy : c.respondBy!;
        await emit({ siteId, type: 'complaint.escalated', aggregateType: 'complaint', aggregateId: c.id, payload: { complaintId: c.id, status }, meta: { by: 'system', step, due, agencyId: c.agencyId } });
        await enqueue(tx, ctx.clock, { kind: 'complaints.notify', runAt: now, payload: { complaintId: c.id, what: 'escalated', step } });
        return true;
      });
      if (done) escalated++;
    }
  }
  return { escalated, closed };
}

const REPORTER_TEXT: Record<string, { subject: string; text: string }> = {
  filed: { subject: 'Pengaduan Anda sudah diterima', text: 'Pengaduan Anda sudah kami terima dan akan diverifikasi paling lambat {verifyBy}.' },
  verified: { subject: 'Pengaduan Anda sedang ditindaklanjuti', text: 'Pengaduan Anda sudah diverifikasi dan diteruskan ke {agency}. Tanggapan paling lambat {respondBy}.' },
  not_authority: { subject: 'Pengaduan Anda diteruskan', text: 'Pengaduan Anda bukan kewenangan MPP dan diteruskan ke: {forwardedTo}.' },
  responded: { subject: 'Pengaduan Anda sudah ditanggapi', text: 'Ada tanggapan atas pengaduan Anda. Jika belum puas, Anda dapat membukanya kembali sekali sampai {autoCloseAfter}.' },
  reply: { subject: 'Balasan baru atas pengaduan Anda', text: 'Ada balasan baru atas pengaduan Anda.' },
  closed: { subject: 'Pengaduan Anda selesai', text: 'Pengaduan Anda sudah selesai. Terima kasih.' },
  auto_closed: { subject: 'Pengaduan Anda ditutup', text: 'Pengaduan Anda ditutup otomatis karena tidak ada jawaban setelah tanggapan.' },
};

const fill = (s: string, v: Record<string, string | null>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '-');

/**
 * Sends a complaint message: to the reporter (never for anonymous complaints: there is no
 * contact), to the assigned agency, or to the site admin (escalation). Messages to the agency and
 * the admin name the complaint by its reference and title only, never the reporter nor the
 * tracking code (which is the reporter's key).
 */
async function notify(ctx: AppContext, job: JobRow) {
  const c = await repo.findById(ctx.db, String(job.payload.complaintId));
  if (!c) return;
  const what = String(job.payload.what);
  const site = await cachedCatalog.getSite(ctx, c.siteId);
  const agency = c.agencyId ? await cachedCatalog.getAgency(ctx, c.agencyId).catch(nullIfNotFound) : null;
  const reference = referenceOf(c);
  const base = ctx.config.publicUrl?.replace(/\/$/, '') ?? '';
  const messages: Message[] = [];
  const reporterText = REPORTER_TEXT[what];
  if (reporterText && !c.anonymous) {
    const email = c.reporterEmailEnc ? decryptText(ctx.keys.encryption, c.reporterEmailEnc) : null;
    const phone = c.reporterPhoneEnc ? decryptText(ctx.keys.encryption, c.reporterPhoneEnc) : null;
    if (email || phone) {
      const text = fill(reporterText.text, { verifyBy: c.verifyBy, respondBy: c.respondBy, agency: agency?.name ?? null, forwardedTo: c.forwardedTo, autoCloseAfter: c.autoCloseAfter });
      messages.push({
        to: { email, phone },
        kind: `complaint.${what}`,
        subject: reporterText.subject,
        text: `${text}\nJudul: ${c.title}\nKode pelacakan: ${c.trackingCode}\nPantau: ${base}/pengaduan/lacak/${c.trackingCode}\n${site.name}`,
        data: { trackingCode: c.trackingCode, status: c.status, site: site.name },
      });
    }
  }
  const staffLink = `${base}/admin/complaints/${c.id}`;
  if ((what === 'assigned' || what === 'reopened' || what === 'reporter_reply') && agency && (agency.email || agency.phone) && c.status !== 'submitted') {
    const lead = what === 'assigned' ? 'Pengaduan baru diteruskan ke instansi Anda' : what === 'reopened' ? 'Pengaduan dibuka kembali oleh pelapor' : 'Pelapor menambahkan balasan';
    messages.push({
      to: { email: agency.email, phone: agency.phone },
      kind: `complaint.agency_${what}`,
      subject: `${lead} (${reference})`,
      text: `${lead}.\nNomor: ${reference}\nJudul: ${c.title}\nBatas tanggapan: ${c.respondBy ?? '-'}\n${staffLink}`,
      data: { reference, status: c.status, respondBy: c.respondBy },
    });
  }
  if (what === 'escalated') {
    const policy = complaintsPolicyOf(site.settings);
    const to = { email: policy.escalationEmail ?? site.email, phone: policy.escalationPhone ?? site.phone };
    const step = String(job.payload.step);
    if (to.email || to.phone) {
      const late = step === 'verify' ? `belum diverifikasi, batas ${c.verifyBy}` : `belum ditanggapi ${agency?.name ?? 'instansi'}, batas ${c.respondBy}`;
      messages.push({
        to,
        kind: 'complaint.escalated',
        subject: `Pengaduan terlambat (${reference})`,
        text: `Pengaduan ${reference} ${late}.\nJudul: ${c.title}\n${staffLink}`,
        data: { reference, step, status: c.status },
      });
    }
  }
  for (const m of messages) await ctx.notifier.send(m);
}

export function complaintJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return { 'complaints.notify': (job) => notify(ctx, job) };
}
