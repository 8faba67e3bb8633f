import { DateTime } from 'luxon';
import type { AppContext } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import type { JobHandler, JobRow } from '../../platform/jobs';
import { transact } from '../../platform/tx';
import { getService, getSite } from '../catalog/catalog.lookup';
import { bookingPolicyOf } from './booking.policy';
import * as repo from './booking.repository';

const WHAT: Record<string, { id: string; subject: string }> = {
  confirmed: { id: 'Booking Anda sudah tercatat', subject: 'Booking MPP dikonfirmasi' },
  reminder: { id: 'Pengingat: besok Anda punya jadwal', subject: 'Pengingat booking MPP' },
  day_closed: { id: 'Mohon maaf, layanan tutup pada hari booking Anda; booking dibatalkan', subject: 'Booking MPP dibatalkan' },
};

/** Sends a booking message through the configured notifier (console, webhook). */
async function notify(ctx: AppContext, job: JobRow) {
  const row = await repo.findById(ctx.db, String(job.payload.bookingId));
  if (!row || row.purgedAt) return;
  if (job.payload.what === 'reminder' && row.status !== 'booked') return;
  const email = row.emailEnc ? decryptText(ctx.keys.encryption, row.emailEnc) : null;
  const phone = row.phoneEnc ? decryptText(ctx.keys.encryption, row.phoneEnc) : null;
  if (!email && !phone) return;
  const site = await getSite(ctx, row.siteId);
  const { service } = await getService(ctx, row.serviceId);
  const when = DateTime.fromJSDate(row.slotStart, { zone: site.timeZone }).setLocale('id').toFormat("cccc, d LLLL yyyy 'pukul' HH.mm");
  const w = WHAT[String(job.payload.what)] ?? WHAT.confirmed;
  await ctx.notifier.send({
    to: { email, phone },
    kind: `booking.${String(job.payload.what)}`,
    subject: w.subject,
    text: `${w.id}.\nLayanan: ${service.name}\nTempat: ${site.name}\nJadwal: ${when}\nKode booking: ${row.code}\nCheck-in di anjungan dengan kode ini dan NIK Anda.`,
    data: { code: row.code, start: row.slotStart.toISOString(), service: service.name, site: site.name },
  });
}

/** Bookings not checked in by the end of their slot become no-shows (statistics, fairness). */
export async function sweepNoShows(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const b of await repo.overdue(ctx.db, ctx.clock.now())) {
    const site = await getSite(ctx, b.siteId);
    const policy = bookingPolicyOf(site.settings);
    if (b.slotStart.getTime() + policy.checkInAfterMinutes * 60_000 > ctx.clock.now().getTime()) continue;
    await transact(ctx, async (tx, emit) => {
      if (await repo.transition(tx, b.id, ['booked'], { status: 'no_show', noShowAt: ctx.clock.now() })) {
        await emit({ siteId: b.siteId, type: 'booking.no_show', aggregateType: 'booking', aggregateId: b.id, payload: { bookingId: b.id, serviceId: b.serviceId } });
        n++;
      }
    });
  }
  return n;
}

/** Erases personal data of bookings past the longest retention of any site (default 30 days). */
export async function purgeOldBookings(ctx: AppContext, retentionDays = 30): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - retentionDays * 86_400_000);
  return repo.purgePersonalData(ctx.db, before, ctx.clock.now());
}

export function bookingJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return { 'booking.notify': (job) => notify(ctx, job) };
}
