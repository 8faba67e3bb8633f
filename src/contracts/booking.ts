/** Requests and responses of online booking: slots, a citizen's booking, the operator's calendar. */
import { z } from 'zod';
import { calendarDate, isoInstant, siteParams } from './common';

export const isoDate = calendarDate;
export { siteParams };
export const slotsParams = z.object({ siteId: z.uuid(), serviceId: z.uuid() });
export const slotsQuery = z.object({ date: isoDate });
export const slotSchema = z.object({ start: z.string().describe('ISO 8601 instant'), end: z.string().describe('ISO 8601 instant'), capacity: z.number().int(), available: z.number().int() });

export const nikField = z.string().trim().min(1).max(32);

export const bookBody = z.object({
  serviceId: z.uuid(),
  start: isoInstant.describe('A slot start as listed by the slots endpoint'),
  nik: nikField,
  name: z.string().trim().min(2).max(120),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, 'phone number')
    .nullish(),
  email: z.email().nullish(),
});

/** Where a rescheduled booking went: its new code and slot (the latest, when moved again). */
const movedTo = z.object({ code: z.string(), start: z.string().describe('ISO 8601 instant'), end: z.string().describe('ISO 8601 instant') }).nullable();

export const bookingResponse = z.object({
  code: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string().describe('booked, checked_in, cancelled or no_show'),
  name: z.string().nullable(),
  nikMasked: z.string().nullable(),
  service: z.object({ id: z.string(), name: z.string(), agency: z.object({ id: z.string(), name: z.string() }) }),
  site: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  qrSvg: z.string(),
  icsUrl: z.string(),
  movedTo: movedTo.describe('A rescheduled (cancelled) booking: the booking that replaced it, else null'),
});

export const codeParams = z.object({ siteId: z.uuid(), code: z.string().min(4).max(20) });
export const bareCodeParams = z.object({ code: z.string().min(4).max(20) });
export const nikBody = z.object({ nik: nikField });
export const rescheduleBody = z.object({ nik: nikField, start: isoInstant });

export const calendarQuery = z.object({ serviceId: z.uuid(), from: isoDate, to: isoDate });
export const dayQuery = z.object({ date: isoDate, serviceId: z.uuid().optional() });
export const exportQuery = z.object({ date: isoDate, format: z.enum(['csv', 'xlsx']).default('csv') });
export const capacityBody = z.object({
  date: isoDate,
  capacityPerSlot: z.number().int().min(0).max(1000).nullable(),
  closed: z.boolean().default(false),
  reason: z.string().max(200).optional(),
});

// ---------- responses of the manage and operator routes ----------
export const cancelledBooking = z.object({ code: z.string(), status: z.literal('cancelled') });

export const calendarDay = z.object({
  date: isoDate,
  capacity: z.number().int().describe('Seats of the day'),
  booked: z.number().int(),
  available: z.number().int(),
  closed: z.boolean(),
  override: z.number().int().nullable().describe('Seats per slot set by the operator for that day, or null'),
});

export const dayBooking = z.object({
  code: z.string(),
  serviceId: z.uuid(),
  start: z.string().describe('ISO 8601 instant'),
  end: z.string().describe('ISO 8601 instant'),
  status: z.string().describe('booked, checked_in, cancelled or no_show'),
  name: z.string().nullable(),
  nikMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  checkedInAt: z.string().nullable().describe('ISO 8601 instant'),
  movedTo: movedTo.describe('Rescheduled: the booking that replaced this one (its code and slot), else null'),
  movedFrom: z.object({ code: z.string(), start: z.string().describe('ISO 8601 instant') }).nullable().describe('This booking replaced a rescheduled one: its code and old slot'),
});

export const overviewQuery = z.object({ date: isoDate });
export const dayOverview = z.object({
  date: isoDate,
  services: z.array(
    z.object({
      service: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      agency: z.object({ id: z.uuid(), name: z.string(), shortName: z.string() }),
      capacity: z.number().int().describe('Booking quota of the day (seats over all slots)'),
      available: z.number().int(),
      closed: z.boolean().describe('No slots that day (closed by the operator, a holiday or no opening hours)'),
      booked: z.number().int(),
      checkedIn: z.number().int(),
      noShow: z.number().int(),
      cancelled: z.number().int(),
    }),
  ),
});

export const dayChangeResult = z.object({
  date: isoDate,
  closed: z.boolean(),
  capacityPerSlot: z.number().int().nullable(),
  cancelled: z.number().int().describe('Bookings cancelled (and their citizens notified) by closing the day'),
});
