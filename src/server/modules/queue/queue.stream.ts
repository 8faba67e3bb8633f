/**
 * Realtime: the public site stream (displays) and the citizen's own stream (status page).
 * Both are SSE with `id:` and Last-Event-ID replay from the events table (platform/sse).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SITE_STREAM_EVENTS, type EventType, type SiteStreamEvent } from '../../../contracts/event-types';
import type { Bus } from '../../platform/bus';
import type { AppContext } from '../../platform/context';
import { eventsAfter, type EventRow } from '../../platform/events';
import { openEventStream } from '../../platform/sse';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { queuePolicyOf } from './queue.policy';
import * as repo from './queue.repository';
import type { TicketRow } from './queue.repository';
import { publicStatusOf, visitByCode } from './read.service';
import { currentOf, Names, serviceSnapshot, type ServiceSnapshot } from './queue.view';

const PUBLIC = new Set<EventType>(SITE_STREAM_EVENTS);
/** An event of the public site stream (DESIGN §6 and more): its payload is all a subscriber receives. */
const isPublic = (e: EventRow): e is Extract<EventRow, { type: SiteStreamEvent }> => PUBLIC.has(e.type);

/**
 * Public: every ticket event of a site ({ticketId, number, serviceId, counter}), parks and
 * resumes included, and the counters' breaks ({counterId, name, number}): payload only.
 */
export async function siteStream(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, siteId: string): Promise<void> {
  await cachedCatalog.getSite(ctx, siteId); // 404 as a problem, before the stream starts
  await openEventStream(req, reply, {
    bus: ctx.bus,
    accept: (e) => e.siteId === siteId && isPublic(e),
    replay: (afterId) => eventsAfter(ctx.db, siteId, afterId, SITE_STREAM_EVENTS),
    present: (e) => ({ event: e.type, data: e.payload }),
  });
}

/**
 * Shared per process: the order of one service, computed once per event and reused by every
 * citizen stream waiting at that service (5,000 phones must not mean 5,000 queries per call).
 */
const snapshots = new WeakMap<Bus, Map<string, { key: number; value: Promise<ServiceSnapshot | null> }>>();

function sharedSnapshot(ctx: AppContext, key: number, serviceId: string, compute: () => Promise<ServiceSnapshot | null>): Promise<ServiceSnapshot | null> {
  let byService = snapshots.get(ctx.bus);
  if (!byService) snapshots.set(ctx.bus, (byService = new Map()));
  const hit = byService.get(serviceId);
  if (hit && hit.key === key && key > 0) return hit.value;
  const value = compute().catch(() => null);
  byService.set(serviceId, { key, value });
  return value;
}


/**
 * The citizen's stream: the public events of this visit's tickets (with ids and replay), plus a
 * `status` event (no id) with the fresh position and estimate whenever something moves at the
 * service the citizen waits for, and right after connecting.
 */
export async function visitStream(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, code: string): Promise<void> {
  let visit = await visitByCode(ctx, code);
  const site = await cachedCatalog.getSite(ctx, visit.siteId);
  const policy = queuePolicyOf(site.settings);
  let tickets: TicketRow[] = await repo.ticketsOfVisit(ctx.db, visit.id);
  const names = new Names(ctx);
  const mine = (e: EventRow) => e.siteId === visit.siteId && e.aggregateType === 'ticket' && e.meta.visitId === visit.id;

  await openEventStream(req, reply, {
    bus: ctx.bus,
    accept: (e) => isPublic(e) && mine(e),
    replay: async (afterId) => (await repo.eventsOfTickets(ctx.db, tickets.map((t) => t.id), afterId)).filter(isPublic),
    present: (e) => ({ event: e.type, data: e.payload }),
  });

  const res = reply.raw;
  let closed = res.destroyed || res.writableEnded;
  let running = false;
  let dirty = false;
  let reload = false;
  let key = 0;
  const snapshotFor = (serviceId: string, localDate: string) =>
    sharedSnapshot(ctx, key, serviceId, async () => {
      const svc = await names.service(serviceId);
      return svc ? serviceSnapshot(ctx, svc.service, localDate, policy, ctx.clock.now()) : null;
    });
  const writeStatus = async () => {
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    try {
      do {
        dirty = false;
        if (reload) {
          reload = false;
          const [v, ts] = await Promise.all([repo.findVisit(ctx.db, visit.id), repo.ticketsOfVisit(ctx.db, visit.id)]);
          if (v) visit = v;
          tickets = ts;
        }
        const status = await publicStatusOf(ctx, visit, { names, tickets, snapshotFor });
        if (closed) return;
        res.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
      } while (dirty && !closed);
    } catch (err) {
      req.log.warn({ err }, 'status update failed');
    } finally {
      running = false;
    }
  };
  const unsubscribe = ctx.bus.subscribe((e) => {
    if (closed || e.siteId !== visit.siteId) return;
    if (mine(e)) {
      reload = true;
      key = 0;
      void writeStatus();
      return;
    }
    const current = currentOf(tickets);
    if (current?.status !== 'waiting' || !isPublic(e)) return;
    if ('serviceId' in e.payload && e.payload.serviceId === current.serviceId) {
      key = e.id;
      void writeStatus();
    } else if ('counterId' in e.payload) {
      // A break or a return at a counter of this service changes the expected wait.
      const serviceId = current.serviceId;
      const eventId = e.id;
      // (The catalogue's cache, not this stream's memo: a stream lives for hours.)
      void cachedCatalog.getCounter(ctx, e.payload.counterId).then((c) => {
        if (!c?.serviceIds.includes(serviceId) || closed) return;
        key = eventId;
        void writeStatus();
      }, () => undefined);
    }
  });
  const stop = () => {
    closed = true;
    unsubscribe();
  };
  if (closed) stop();
  else {
    res.on('close', stop);
    void writeStatus();
  }
}
