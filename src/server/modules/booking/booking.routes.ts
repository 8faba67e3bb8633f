import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { callerOf } from '../access/access.lookup';
import * as c from '../../../contracts/booking';
import { bookSlot } from './book.service';
import { bookingIcs, cancelBooking, getBooking, rescheduleBooking } from './manage.service';
import { bookingCalendar, bookingsOfDay, exportBookings, setDayCapacity } from './operator.service';
import { listSlots } from './slots.service';

const tags = ['booking'];

export const bookingRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  app.get('/sites/:siteId/services/:serviceId/slots', { schema: { tags, params: c.slotsParams, querystring: c.slotsQuery, response: { 200: z.array(c.slotSchema) } } }, async (req) =>
    listSlots(ctx, req.params.siteId, req.params.serviceId, req.query.date),
  );

  app.post('/sites/:siteId/bookings', { schema: { tags, params: c.siteParams, body: c.bookBody, response: { 201: c.bookingResponse } } }, async (req, reply) =>
    reply.status(201).send(await bookSlot(ctx, await caller(req), req.params.siteId, req.body)),
  );

  // The NIK travels in the body, never in a URL (URLs end up in logs and browser history).
  app.post('/bookings/:code/lookup', { schema: { tags, params: z.object({ code: z.string().min(4).max(20) }), body: c.nikBody, response: { 200: c.bookingResponse } } }, async (req) =>
    getBooking(ctx, await caller(req), req.params.code, req.body.nik),
  );

  app.post('/sites/:siteId/bookings/:code/cancel', { schema: { tags, params: c.codeParams, body: c.nikBody } }, async (req) =>
    cancelBooking(ctx, await caller(req), req.params.siteId, req.params.code, req.body.nik),
  );

  app.post('/sites/:siteId/bookings/:code/reschedule', { schema: { tags, params: c.codeParams, body: c.rescheduleBody, response: { 201: c.bookingResponse } } }, async (req, reply) =>
    reply.status(201).send(await rescheduleBooking(ctx, await caller(req), req.params.siteId, req.params.code, req.body)),
  );

  app.get('/bookings/:code/ics', { schema: { tags, params: z.object({ code: z.string().min(4).max(20) }) } }, async (req, reply) => {
    const ics = await bookingIcs(ctx, await caller(req), req.params.code);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="booking-${req.params.code}.ics"`).send(ics);
  });

  // Operator
  app.get('/sites/:siteId/bookings/calendar', { schema: { tags, params: c.siteParams, querystring: c.calendarQuery } }, async (req) =>
    bookingCalendar(ctx, await caller(req), req.params.siteId, req.query.serviceId, req.query.from, req.query.to),
  );
  app.get('/sites/:siteId/bookings', { schema: { tags, params: c.siteParams, querystring: c.dayQuery } }, async (req) =>
    bookingsOfDay(ctx, await caller(req), req.params.siteId, req.query.date, req.query.serviceId),
  );
  app.put('/sites/:siteId/services/:serviceId/booking-days', { schema: { tags, params: c.slotsParams, body: c.capacityBody } }, async (req) =>
    setDayCapacity(ctx, await caller(req), req.params.siteId, req.params.serviceId, req.body),
  );
  app.get('/sites/:siteId/bookings/export', { schema: { tags, params: c.siteParams, querystring: c.exportQuery } }, async (req, reply) => {
    const body = await exportBookings(ctx, await caller(req), req.params.siteId, req.query.date, req.query.format);
    const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply.type(type).header('content-disposition', `attachment; filename="booking-${req.query.date}.${req.query.format}"`).send(body);
  });
};
