import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { uuidv7 } from 'uuidv7';
import { maskNik, nikMessages, validateNik } from '../../../domain/nik';
import { localDate } from '../../../domain/opening-hours';
import { AppError, appError, fieldError } from '../../platform/errors';
import type { AppContext, Caller } from '../../platform/context';
import { encryptText, hmac, normaliseCode, randomCode } from '../../platform/crypto';
import { isUniqueViolation, type Tx } from '../../platform/db';
import { cancelJob, enqueue } from '../../platform/jobs';
import { LocalLimiter, retryAfterSeconds } from '../../platform/rate-limit';
import { transact, type Emit } from '../../platform/tx';
import { cachedCatalog, getService } from '../catalog/catalog.lookup';
import { recordHistory } from '../citizens/citizens.lookup';
import { bookingError } from './booking.errors';
import { bookingPolicyOf } from './booking.policy';
import { fullSlotsOf } from './full-slots';
import * as repo from './booking.repository';
import { assertBookableService, bookingWindowAt, slotsFor } from './slots.service';

export interface BookInput {
  serviceId: string;
  start: string;
  nik: string;
  name: string;
  phone?: string | null;
  email?: string | null;
  /** The signed-in citizen who books: the booking joins their history (citizens). */
  citizenId?: string | null;
}

const full = () =>
  bookingError('booking.full', {
    errors: [{ field: 'body.start', code: 'full', messages: { id: 'Slot penuh.', en: 'Slot full.' } }],
  });

const perIp = new WeakMap<AppContext['db'], LocalLimiter>();

/** An ISO 8601 instant in ms (NaN when invalid); a rush asks for the same few slot starts. */
function instantOf(iso: string): number {
  let ms = instantMemo.get(iso);
  if (ms === undefined) {
    const dt = DateTime.fromISO(iso, { setZone: true });
    ms = dt.isValid ? dt.toMillis() : NaN;
    if (instantMemo.size >= 1_000) instantMemo.clear();
    instantMemo.set(iso, ms);
  }
  return ms;
}
const instantMemo = new Map<string, number>();

export const nikHashOf = (ctx: AppContext, nik: string) => hmac(ctx.keys.blindIndex, `nik:${nik}`);

/** Validates a NIK (DOMAIN §6) and names what is wrong in both languages. */
export function checkNik(nik: string, now: Date, field = 'body.nik'): void {
  const v = validateNik(nik, now);
  if (!v.ok) throw fieldError(field, `nik.${v.reason}`, nikMessages[v.reason]);
}

/**
 * Books one seat for a citizen, without an account. Fairness: per-IP rate limit, one live booking
 * per NIK per service per day (unique index), a weekly cap per NIK (checked under a per-NIK
 * advisory lock) and an optional no-show limit. The seat itself is taken by one conditional
 * upsert, so the slot can never be overbooked whatever the concurrency.
 */
export async function bookSlot(ctx: AppContext, caller: Caller, siteId: string, input: BookInput, opts: { replacing?: repo.BookingRow } = {}) {
  const replacing = opts.replacing;
  const now = ctx.clock.now();
  const site = await cachedCatalog.getSite(ctx, siteId);
  const policy = bookingPolicyOf(site.settings);
  const found = await cachedCatalog.getService(ctx, input.serviceId);
  if (found.service.siteId !== siteId) throw fieldError('body.serviceId', 'other_site', { id: 'Layanan bukan milik MPP ini.', en: 'The service belongs to another site.' });
  assertBookableService(found.service, found.agency);
  checkNik(input.nik, now);

  // One limiter per database handle: each app (and each test app) counts on its own.
  let limiter = perIp.get(ctx.db);
  if (!limiter) perIp.set(ctx.db, (limiter = new LocalLimiter(3600)));
  const ipCount = limiter.hit(`${siteId}:${caller.ip ?? 'unknown'}`, now);
  if (ipCount > policy.perIpPerHour) {
    const retryAfter = retryAfterSeconds(now, 3600);
    throw appError('rate_limited', { extra: { retryAfter }, headers: { 'retry-after': String(retryAfter) } });
  }

  const startMs = instantOf(input.start);
  if (Number.isNaN(startMs)) throw fieldError('body.start', 'invalid', { id: 'Waktu mulai tidak valid.', en: 'Invalid start time.' });
  const date = localDate(new Date(startMs), site.timeZone);
  const { first, last } = bookingWindowAt(now, site.timeZone, policy);
  if (date < first || date > last) {
    throw fieldError('body.start', 'outside_horizon', {
      id: `Booking hanya bisa untuk tanggal ${first} sampai ${last}.`,
      en: `Bookings are only possible from ${first} to ${last}.`,
    });
  }
  if (startMs - policy.cutoffMinutes * 60_000 <= now.getTime()) {
    throw fieldError('body.start', 'past_cutoff', { id: 'Slot ini sudah ditutup untuk booking.', en: 'This slot is closed for booking.' });
  }
  const hints = fullSlotsOf(ctx);
  if (hints.isFull(found.service.id, startMs)) throw full();
  const generation = hints.generation(found.service.id);
  const slots = await slotsFor(ctx, site, found, date);
  if (!slots.length) {
    throw bookingError('booking.day_closed', {
      errors: [{ field: 'body.start', code: 'closed', messages: { id: 'Hari tutup.', en: 'Closed day.' } }],
    });
  }
  const slot = slots.find((s) => new Date(s.start).getTime() === startMs);
  if (!slot) throw fieldError('body.start', 'not_a_slot', { id: 'Waktu ini bukan awal slot yang tersedia.', en: 'This time is not the start of an offered slot.' });
  // Fast refusal when full; the conditional upsert below is what actually guarantees it.
  if (slot.available <= 0) {
    hints.markFull(found.service.id, startMs, generation);
    throw full();
  }

  const nikHash = nikHashOf(ctx, input.nik);
  if (policy.noShowLimit > 0 && (await repo.noShowsOfNikSince(ctx.db, nikHash, new Date(now.getTime() - 90 * 86_400_000))) >= policy.noShowLimit) {
    throw bookingError('booking.no_show_limit');
  }

  const id = uuidv7();
  const code = randomCode(8);
  const week = DateTime.fromMillis(startMs, { zone: site.timeZone });
  let seat: { booked: number; capacity: number };
  try {
    seat = await transact(ctx, async (tx, emit) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`nik:${nikHash}`}))`);
      // A reschedule gives the old seat back in the same transaction: a refused new slot leaves
      // the old booking (and its code) as it was, and the old one counts against no limit.
      if (replacing) await releaseForReschedule(ctx, tx, emit, replacing);
      const thisWeek = await repo.liveBookingsOfNikBetween(tx, nikHash, siteId, week.startOf('week').toISODate()!, week.endOf('week').toISODate()!);
      if (thisWeek >= policy.maxPerWeek) {
        throw bookingError('booking.week_limit', {
          messages: { id: `Satu NIK paling banyak ${policy.maxPerWeek} booking per minggu.`, en: `One NIK may hold at most ${policy.maxPerWeek} bookings per week.` },
          errors: [{ field: 'body.nik', code: 'week_limit', messages: { id: 'Batas booking mingguan tercapai.', en: 'Weekly limit reached.' } }],
        });
      }
      const taken = await repo.takeSeat(tx, found.service.id, new Date(slot.start), slot.capacity);
      if (!taken) throw full();
      await repo.insertBooking(tx, {
        id, siteId, serviceId: found.service.id, code, slotStart: new Date(slot.start), slotEnd: new Date(slot.end), localDate: date,
        nikHash, nikEnc: encryptText(ctx.keys.encryption, input.nik), nameEnc: encryptText(ctx.keys.encryption, input.name.trim()),
        phoneEnc: input.phone ? encryptText(ctx.keys.encryption, input.phone) : null, emailEnc: input.email ? encryptText(ctx.keys.encryption, input.email) : null,
        status: 'booked', createdAt: now,
      });
      // The old code points at this one ("dipindahkan ke …").
      if (replacing) await repo.markReplaced(tx, replacing.id, id);
      if (input.citizenId) await recordHistory(tx, input.citizenId, { kind: 'booking', refId: id, siteId, serviceId: found.service.id, code, at: new Date(slot.start), now });
      await emit({ siteId, type: 'booking.created', aggregateType: 'booking', aggregateId: id, payload: { bookingId: id, serviceId: found.service.id, start: slot.start } });
      // The confirmation now and, unless the slot is too close, a reminder the evening before.
      const reminderAt = DateTime.fromISO(slot.start, { zone: site.timeZone }).minus({ days: 1 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
      await enqueue(tx, ctx.clock, [
        { kind: 'booking.notify', runAt: now, payload: { bookingId: id, what: 'confirmed' } },
        ...(reminderAt.toMillis() > now.getTime() ? [{ kind: 'booking.notify', runAt: reminderAt.toJSDate(), payload: { bookingId: id, what: 'reminder' }, dedupeKey: `booking.reminder:${id}` }] : []),
      ]);
      return taken;
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'booking.full') hints.markFull(found.service.id, startMs, generation);
    if (isUniqueViolation(err, 'bookings_nik_service_day_uq')) {
      throw bookingError('booking.duplicate', {
        errors: [{ field: 'body.nik', code: 'duplicate', messages: { id: 'Sudah ada booking hari itu.', en: 'Already booked that day.' } }],
      });
    }
    throw err;
  }
  // Taken the last seat: the attempts after this one need not ask the database.
  if (seat.booked >= seat.capacity) hints.markFull(found.service.id, startMs, generation);
  return presentBooking(ctx, { code, start: slot.start, end: slot.end, status: 'booked', nik: input.nik, name: input.name.trim(), site, service: found });
}

/** Cancels the booking being rescheduled, inside the transaction that books its replacement. */
async function releaseForReschedule(ctx: AppContext, tx: Tx, emit: Emit, b: repo.BookingRow) {
  const moved = await repo.transition(tx, b.id, ['booked'], { status: 'cancelled', cancelledAt: ctx.clock.now() });
  if (!moved) throw bookingError('booking.invalid_state', { messages: { id: `Booking tidak bisa dipindahkan (status: ${b.status}).`, en: `The booking cannot be rescheduled (status: ${b.status}).` } });
  await repo.releaseSeat(tx, b.serviceId, b.slotStart);
  await cancelJob(tx, `booking.reminder:${b.id}`);
  await emit({ siteId: b.siteId, type: 'booking.cancelled', aggregateType: 'booking', aggregateId: b.id, payload: { bookingId: b.id, serviceId: b.serviceId } });
}

export async function presentBooking(
  ctx: AppContext,
  b: { code: string; start: string; end: string; status: string; nik: string | null; name: string | null; site: { id: string; name: string; timeZone: string; address?: string }; service: Awaited<ReturnType<typeof getService>>; movedTo?: { code: string; start: string; end: string } | null },
) {
  return {
    code: b.code,
    start: b.start,
    end: b.end,
    status: b.status,
    name: b.name,
    nikMasked: b.nik ? maskNik(b.nik) : null,
    service: { id: b.service.service.id, name: b.service.service.name, agency: { id: b.service.agency.id, name: b.service.agency.name } },
    site: { id: b.site.id, name: b.site.name, timeZone: b.site.timeZone },
    qrSvg: await QRCode.toString(b.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    icsUrl: `/api/v1/bookings/${b.code}/ics`,
    movedTo: b.movedTo ?? null,
  };
}

export const parseCode = (code: string) => normaliseCode(code);
