import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { noContent, SECURITY } from '../../platform/openapi';
import { callerOf } from '../access/access.lookup';
import * as c from '../../../contracts/queue';
import { issueTicket } from './issue.service';
import { getCounterQueue, getCounterStats, getTicketDetail, myCounters, publicCounters, queueSummary, ticketStatusByCode } from './read.service';
import { callNext, finishTicket, noShowTicket, parkTicket, recallTicket, resumeTicket, setCounterPaused, startTicket, transferTicket } from './serve.service';
import { siteStream, visitStream } from './queue.stream';
import { clearAnnouncement, postAnnouncement } from './announcement.service';
import { getFloor, getQueueSettings, updateQueueSettings } from './floor.service';

const tags = ['queue'];
const sse = { 200: z.string().describe('text/event-stream') };

export const queueRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const caller = (req: FastifyRequest) => callerOf(ctx, req);

  // Kiosk and front desk
  app.post(
    '/sites/:siteId/tickets',
    {
      schema: {
        tags,
        summary: 'Issue a ticket (kiosk device or staff with queue.issue)',
        security: SECURITY.deviceOrStaff,
        problems: [429],
        description:
          'Walk-ins are refused with 409 (queue.closed, queue.holiday, queue.quota_full, queue.service_inactive) and a `nextOpening` member. ' +
          'The same idempotency key (body or Idempotency-Key header) within the site returns the same ticket with 200.',
        params: c.siteParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: c.issueBody,
        response: { 200: c.issuedTicket, 201: c.issuedTicket },
      },
    },
    async (req, reply) => {
      const ticket = await issueTicket(ctx, await caller(req), req.params.siteId, req.body, req.headers['idempotency-key']);
      return reply.status(ticket.replayed ? 200 : 201).send(ticket);
    },
  );

  // Public: no personal data
  app.get('/sites/:siteId/counters', { schema: { tags, summary: 'Counters of a site (public)', security: SECURITY.none, params: c.siteParams, response: { 200: z.array(c.publicCounter) } } }, async (req) =>
    publicCounters(ctx, req.params.siteId),
  );
  app.get('/sites/:siteId/counters/mine', { schema: { tags, summary: 'The counters of the site the signed-in officer is assigned to', security: SECURITY.staff, params: c.siteParams, response: { 200: c.myCounters } } }, async (req) =>
    myCounters(ctx, await caller(req), req.params.siteId),
  );
  app.get('/sites/:siteId/queue/summary', { schema: { tags, summary: 'Waiting counts, now serving and recent calls (public, for displays)', security: SECURITY.none, params: c.siteParams, response: { 200: c.queueSummary } } }, async (req) =>
    queueSummary(ctx, req.params.siteId),
  );
  app.get(
    '/sites/:siteId/stream',
    { schema: { tags, summary: 'Public SSE of ticket events; honours Last-Event-ID', security: SECURITY.none, params: c.siteParams, querystring: c.streamQuery, produces: ['text/event-stream'], response: sse } },
    async (req, reply) => siteStream(ctx, req, reply, req.params.siteId),
  );
  app.get('/tickets/by-code/:trackingCode', { schema: { tags, summary: "A citizen's ticket status by tracking code (public)", security: SECURITY.none, params: c.codeParams, response: { 200: c.publicStatus } } }, async (req) =>
    ticketStatusByCode(ctx, req.params.trackingCode),
  );
  app.get(
    '/tickets/by-code/:trackingCode/stream',
    {
      schema: {
        tags,
        summary: "SSE for the citizen's status page: this visit's ticket events (with ids) and `status` events with the fresh position",
        security: SECURITY.none,
        params: c.codeParams,
        querystring: c.streamQuery,
        produces: ['text/event-stream'],
        response: sse,
      },
    },
    async (req, reply) => visitStream(ctx, req, reply, req.params.trackingCode),
  );

  // Staff
  app.get('/tickets/:id', { schema: { tags, summary: 'A ticket with its visit and event history (staff)', security: SECURITY.staff, params: c.ticketParams, response: { 200: c.ticketDetail } } }, async (req) =>
    getTicketDetail(ctx, await caller(req), req.params.id),
  );

  // The live floor view (site and agency admins) and the TV ticker's announcement
  app.get(
    '/sites/:siteId/queue/floor',
    {
      schema: {
        tags,
        summary: 'Live floor view: counters with officer, state and current ticket; waiting per service against the target wait (queue.monitor)',
        description: 'An agency admin sees the counters and services of their own agencies only. Reload on the site stream’s events, opening it after `lastEventId`.',
        security: SECURITY.staff,
        params: c.siteParams,
        response: { 200: c.floorView },
      },
    },
    async (req) => getFloor(ctx, await caller(req), req.params.siteId),
  );
  app.get('/sites/:siteId/queue/settings', { schema: { tags, summary: 'The floor view’s rules: target wait in minutes (queue.monitor)', security: SECURITY.staff, params: c.siteParams, response: { 200: c.queueSettings } } }, async (req) =>
    getQueueSettings(ctx, await caller(req), req.params.siteId),
  );
  app.put(
    '/sites/:siteId/queue/settings',
    { schema: { tags, summary: 'Site admin: the target wait (minutes) beyond which waiting tickets are highlighted', security: SECURITY.staff, params: c.siteParams, body: c.updateQueueSettingsBody, response: { 200: c.queueSettings } } },
    async (req) => updateQueueSettings(ctx, await caller(req), req.params.siteId, req.body),
  );
  app.post(
    '/sites/:siteId/announcements',
    {
      schema: {
        tags,
        summary: 'Site admin: an announcement on the TV ticker (replaces the running one); announcement.posted on the site stream',
        security: SECURITY.staff,
        params: c.siteParams,
        body: c.announcementBody,
        response: { 201: c.announcement },
      },
    },
    async (req, reply) => reply.status(201).send(await postAnnouncement(ctx, await caller(req), req.params.siteId, req.body)),
  );
  app.delete(
    '/sites/:siteId/announcements',
    { schema: { tags, summary: 'Site admin: take the running announcement off the ticker; announcement.cleared on the site stream', security: SECURITY.staff, params: c.siteParams, response: { 204: noContent } } },
    async (req, reply) => {
      await clearAnnouncement(ctx, await caller(req), req.params.siteId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/counters/:counterId/call-next',
    { schema: { tags, summary: 'Call the next ticket to this counter; 204 when nobody waits', security: SECURITY.staff, params: c.counterParams, response: { 200: c.ticketResponse, 204: noContent.describe('Nobody waits') } } },
    async (req, reply) => {
      const called = await callNext(ctx, await caller(req), req.params.counterId);
      return called ? called : reply.status(204).send(null);
    },
  );
  app.post('/counters/:counterId/pause', { schema: { tags, summary: 'Break (istirahat): call-next is refused until open', security: SECURITY.staff, params: c.counterParams, response: { 200: c.counterStateView } } }, async (req) =>
    setCounterPaused(ctx, await caller(req), req.params.counterId, true),
  );
  app.post('/counters/:counterId/open', { schema: { tags, summary: 'Back from a break (buka)', security: SECURITY.staff, params: c.counterParams, response: { 200: c.counterStateView } } }, async (req) =>
    setCounterPaused(ctx, await caller(req), req.params.counterId, false),
  );
  app.get('/counters/:counterId/queue', { schema: { tags, summary: "The counter's current, waiting (call order) and parked tickets", security: SECURITY.staff, params: c.counterParams, response: { 200: c.counterQueue } } }, async (req) =>
    getCounterQueue(ctx, await caller(req), req.params.counterId),
  );
  app.get('/counters/:counterId/stats/today', { schema: { tags, summary: "Today's figures of this counter (and the officer's own)", security: SECURITY.staff, params: c.counterParams, response: { 200: c.counterStats } } }, async (req) =>
    getCounterStats(ctx, await caller(req), req.params.counterId),
  );

  const ticketAction = { tags, security: SECURITY.staff, params: c.ticketParams, response: { 200: c.ticketResponse } };
  app.post('/tickets/:id/start', { schema: { ...ticketAction, summary: 'called → serving' } }, async (req) => startTicket(ctx, await caller(req), req.params.id));
  app.post('/tickets/:id/finish', { schema: { ...ticketAction, summary: 'called | serving → done (next step of the visit is issued)', body: c.finishBody } }, async (req) =>
    finishTicket(ctx, await caller(req), req.params.id, req.body?.outcome),
  );
  app.post('/tickets/:id/no-show', { schema: { ...ticketAction, summary: 'called | parked → no_show' } }, async (req) => noShowTicket(ctx, await caller(req), req.params.id));
  app.post('/tickets/:id/recall', { schema: { ...ticketAction, summary: 'Call again (limited per ticket: queuePolicy.maxRecalls)' } }, async (req) => recallTicket(ctx, await caller(req), req.params.id));
  app.post('/tickets/:id/park', { schema: { ...ticketAction, summary: 'called | serving → parked: set aside while the citizen fetches a document' } }, async (req) =>
    parkTicket(ctx, await caller(req), req.params.id),
  );
  app.post('/tickets/:id/resume', { schema: { ...ticketAction, summary: "parked → waiting, first in its counter's list" } }, async (req) => resumeTicket(ctx, await caller(req), req.params.id));
  app.post(
    '/tickets/:id/transfer',
    { schema: { tags, summary: 'The same visit continues at another service (new number, same tracking code)', security: SECURITY.staff, params: c.ticketParams, body: c.transferBody, response: { 200: c.transferResponse } } },
    async (req) => transferTicket(ctx, await caller(req), req.params.id, req.body.serviceId),
  );
};
