import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { fileResponse, SECURITY, XLSX } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import { signedInCitizen } from '../citizens/citizens.lookup';
import * as c from '../../../contracts/booking';
import { bookSlot } from './book.service';
import { bookingIcs, cancelBooking, getBooking, rescheduleBooking } from './manage.service';
import { bookingCalendar, bookingsOfDay, dayOverview, exportBookings, setDayCapacity } from './operator.service';
import { listSlots } from './slots.service';

const tags = ['booking'];

export const bookingRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  app.get('/sites/:siteId/services/:serviceId/slots', { schema: { tags, summary: 'Bookable slots of a service on a date, with free seats (DESIGN §6)', security: SECURITY.none, params: c.slotsParams, querystring: c.slotsQuery, response: { 200: z.array(c.slotSchema) } } }, async (req) =>
    listSlots(ctx, req.params.siteId, req.params.serviceId, req.query.date),
  );

  app.post('/sites/:siteId/bookings', { schema: { tags, summary: 'Book a slot with NIK (DESIGN §6); 409 when full or when that NIK already holds a booking that day', security: SECURITY.optional, problems: [429], params: c.siteParams, body: c.bookBody, response: { 201: c.bookingResponse } } }, async (req, reply) =>
    reply.status(201).send(await bookSlot(ctx, await caller(req), req.params.siteId, { ...req.body, citizenId: (await signedInCitizen(ctx, req))?.citizenId ?? null })),
  );

  // The NIK travels in the body, never in a URL (URLs end up in logs and browser history).
  app.post('/bookings/:code/lookup', { schema: { tags, summary: 'A booking by its code, proved by the NIK (limited: 429)', security: SECURITY.optional, problems: [429], params: c.bareCodeParams, body: c.nikBody, response: { 200: c.bookingResponse } } }, async (req) =>
    getBooking(ctx, await caller(req), req.params.code, req.body.nik),
  );

  app.post('/sites/:siteId/bookings/:code/cancel', { schema: { tags, summary: 'Cancel a booking, proved by the NIK (DESIGN §6; limited: 429)', security: SECURITY.optional, problems: [429], params: c.codeParams, body: c.nikBody, response: { 200: c.cancelledBooking } } }, async (req) =>
    cancelBooking(ctx, await caller(req), req.params.siteId, req.params.code, req.body.nik),
  );

  app.post('/sites/:siteId/bookings/:code/reschedule', { schema: { tags, summary: 'Move a booking to another slot, proved by the NIK (limited: 429): the new booking', security: SECURITY.optional, problems: [429], params: c.codeParams, body: c.rescheduleBody, response: { 201: c.bookingResponse } } }, async (req, reply) =>
    reply.status(201).send(await rescheduleBooking(ctx, await caller(req), req.params.siteId, req.params.code, req.body)),
  );

  app.get('/bookings/:code/ics', { schema: { tags, summary: 'The calendar file (iCalendar) of a booking', security: SECURITY.optional, problems: [429], params: c.bareCodeParams, produces: ['text/calendar'], response: { 200: fileResponse('The booking as an iCalendar event', ['text/calendar']) } } }, async (req, reply) => {
    const ics = await bookingIcs(ctx, await caller(req), req.params.code);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="booking-${req.params.code}.ics"`).send(ics);
  });

  // Operator
  app.get('/sites/:siteId/bookings/calendar', { schema: { tags, summary: 'Operator: booked and free seats per day of one service (at most 62 days)', security: SECURITY.staff, params: c.siteParams, querystring: c.calendarQuery, response: { 200: z.array(c.calendarDay) } } }, async (req) =>
    bookingCalendar(ctx, await caller(req), req.params.siteId, req.query.serviceId, req.query.from, req.query.to),
  );
  app.get('/sites/:siteId/bookings', { schema: { tags, summary: "Operator: the day's bookings with masked identity (a personal-data read, audited)", security: SECURITY.staff, params: c.siteParams, querystring: c.dayQuery, response: { 200: z.array(c.dayBooking) } } }, async (req) =>
    bookingsOfDay(ctx, await caller(req), req.params.siteId, req.query.date, req.query.serviceId),
  );
  app.get('/sites/:siteId/bookings/overview', { schema: { tags, summary: 'Operator: one day across every bookable service the caller manages (quota, seats left, bookings by status)', security: SECURITY.staff, params: c.siteParams, querystring: c.overviewQuery, response: { 200: c.dayOverview } } }, async (req) =>
    dayOverview(ctx, await caller(req), req.params.siteId, req.query.date),
  );
  app.put('/sites/:siteId/services/:serviceId/booking-days', { schema: { tags, summary: 'Operator: seats per slot for a day, or close the day (its bookings are cancelled and their citizens told)', security: SECURITY.staff, params: c.slotsParams, body: c.capacityBody, response: { 200: c.dayChangeResult } } }, async (req) =>
    setDayCapacity(ctx, await caller(req), req.params.siteId, req.params.serviceId, req.body),
  );
  app.get('/sites/:siteId/bookings/export', { schema: { tags, summary: "Operator: the day's bookings as CSV or XLSX (masked NIK, audited)", security: SECURITY.staff, params: c.siteParams, querystring: c.exportQuery, produces: ['text/csv', XLSX], response: { 200: fileResponse('The bookings of the day', ['text/csv', XLSX]) } } }, async (req, reply) => {
    const body = await exportBookings(ctx, await caller(req), req.params.siteId, req.query.date, req.query.format);
    const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply.type(type).header('content-disposition', `attachment; filename="booking-${req.query.date}.${req.query.format}"`).send(body);
  });
};
