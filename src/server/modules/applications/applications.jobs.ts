/**
 * Messages of applications, through the notifier (SMTP, SMS/WhatsApp webhook, console): the
 * applicant hears when the file is received, incomplete (what to bring), ready (what to bring and
 * when) or rejected; the agency hears when a deadline is one working day away without progress.
 */
import { DateTime } from 'luxon';
import { formatOpening, localDate, nextOpening, type WeeklyHoursInput } from '../../../domain/opening-hours';
import type { AppContext } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import { enqueue, type JobHandler, type JobRow } from '../../platform/jobs';
import { cachedCatalog, effectiveHours, getService, getSite } from '../catalog/catalog.lookup';
import * as repo from './applications.repository';
import { deadlinesOf } from './deadline';
import { trackingPath } from './applications.view';

const longDate = (date: string) => DateTime.fromISO(date).setLocale('id').toFormat('cccc, d LLLL yyyy');

/** The tracking page's address: absolute when LOKET_PUBLIC_URL is set. */
export const trackingUrl = (ctx: AppContext, code: string) => `${ctx.config.publicUrl?.replace(/\/$/, '') ?? ''}${trackingPath(code)}`;

/** The applicant's message of a status (received, incomplete, ready, rejected). */
async function notifyApplicant(ctx: AppContext, job: JobRow) {
  const a = await repo.findById(ctx.db, String(job.payload.applicationId));
  if (!a) return;
  const what = String(job.payload.what);
  // Only the status it was queued for: a later change has its own message.
  if (a.status !== what) return;
  const email = a.emailEnc ? decryptText(ctx.keys.encryption, a.emailEnc) : null;
  const phone = a.phoneEnc ? decryptText(ctx.keys.encryption, a.phoneEnc) : null;
  if (!email && !phone) return;
  const site = await getSite(ctx, a.siteId);
  const { service, agency } = await getService(ctx, a.serviceId);
  const { of } = await deadlinesOf(ctx, site, [a]);
  const d = of(a);
  const url = trackingUrl(ctx, a.trackingCode);
  const head = `Permohonan ${service.name} (${agency.shortName}), nomor ${a.registrationNumber}`;
  let subject: string;
  let body: string;
  if (what === 'received') {
    subject = 'Permohonan diterima';
    body = `${head}, sudah diterima di ${site.name}.${d.dueDate ? `\nTarget selesai: ${longDate(d.dueDate)}.` : ''}`;
  } else if (what === 'incomplete') {
    subject = 'Berkas permohonan belum lengkap';
    body = `${head}: berkas belum lengkap.\nMohon lengkapi: ${a.missing.join('; ')}.\nWaktu penyelesaian berhenti dihitung sampai berkas lengkap diterima petugas.`;
  } else if (what === 'ready') {
    const closed = await cachedCatalog.closedDays(ctx, site.id, localDate(ctx.clock.now(), site.timeZone), DateTime.fromJSDate(ctx.clock.now()).plus({ days: 40 }).toISODate()!);
    const at = nextOpening(effectiveHours(service, agency) as unknown as WeeklyHoursInput, new Set(closed.map((c) => c.date)), site.timeZone, ctx.clock.now());
    subject = 'Dokumen siap diambil';
    body =
      `${head}: ${service.product || 'dokumen'} sudah siap diambil di loket ${agency.shortName}, ${site.name}.\n` +
      `Bawa bukti pendaftaran dan KTP-el asli pemohon; bila diwakilkan, surat kuasa dan KTP-el penerima kuasa.` +
      (at ? `\nLoket buka ${formatOpening(at, site.timeZone).id}.` : '') +
      `\nDi kiosk, pilih "Ambil dokumen" dan masukkan kode lacak ${a.trackingCode}.`;
  } else if (what === 'rejected') {
    const events = await repo.historyOf(ctx.db, [a.id]);
    const last = [...events].reverse().find((e) => e.type === 'application.status_changed');
    const reason = last?.type === 'application.status_changed' ? last.meta.note : null;
    subject = 'Permohonan ditolak';
    body = `${head}, ditolak.${reason ? `\nAlasan: ${reason}` : ''}`;
  } else return;
  await ctx.notifier.send({
    to: { email, phone },
    kind: `application.${what}`,
    subject,
    text: `${body}\nLacak: ${url}`,
    data: { registrationNumber: a.registrationNumber, trackingCode: a.trackingCode, status: a.status, service: service.name, missing: a.missing, dueDate: d.dueDate, url },
  });
}

/** The agency's warning: a deadline one working day away, the application still not ready. */
async function warnAgency(ctx: AppContext, job: JobRow) {
  const a = await repo.findById(ctx.db, String(job.payload.applicationId));
  if (!a || !['received', 'in_process'].includes(a.status)) return;
  const site = await getSite(ctx, a.siteId);
  const { service, agency } = await getService(ctx, a.serviceId);
  if (!agency.email && !agency.phone) return;
  const due = String(job.payload.dueDate);
  await ctx.notifier.send({
    to: { email: agency.email, phone: agency.phone },
    kind: 'application.deadline_near',
    subject: `Jatuh tempo besok: ${a.registrationNumber}`,
    text: `Permohonan ${a.registrationNumber} (${service.name}) di ${site.name} jatuh tempo ${longDate(due)}, tinggal 1 hari kerja, dan belum selesai diproses.`,
    data: { registrationNumber: a.registrationNumber, applicationId: a.id, dueDate: due, service: service.name },
  });
}

/**
 * Finds running applications due on the next working day and queues one warning per due date
 * (a conditional update marks it, so several processes sweeping at once warn once). Returns how
 * many were queued.
 */
export async function warnDueSoon(ctx: AppContext): Promise<number> {
  const running = await repo.runningEverywhere(ctx.db);
  const bySite = new Map<string, typeof running>();
  for (const a of running) bySite.set(a.siteId, [...(bySite.get(a.siteId) ?? []), a]);
  let n = 0;
  for (const [siteId, list] of bySite) {
    const site = await cachedCatalog.getSite(ctx, siteId);
    const { of } = await deadlinesOf(ctx, site, list);
    for (const a of list) {
      const d = of(a);
      if (d.workingDaysLeft !== 1 || !d.dueDate) continue;
      const due = d.dueDate;
      await ctx.db.transaction(async (tx) => {
        if (!(await repo.markWarned(tx, a.id, due))) return;
        await enqueue(tx, ctx.clock, { kind: 'applications.deadline_warning', runAt: ctx.clock.now(), payload: { applicationId: a.id, dueDate: due } });
        n++;
      });
    }
  }
  return n;
}

export function applicationJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    'applications.notify': (job) => notifyApplicant(ctx, job),
    'applications.deadline_warning': (job) => warnAgency(ctx, job),
  };
}
