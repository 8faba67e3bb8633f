/** Reads: the staff ticket view, a counter's queue and figures, and the public views. */
import { localDate } from '../../../domain/opening-hours';
import { estimateWait } from '../../../domain/eta';
import { callOrder } from '../../../domain/queue-policy';
import { latestEventId } from '../../platform/events';
import type { AppContext, Caller } from '../../platform/context';
import { appError, notFound } from '../../platform/errors';
import { normaliseCode } from '../../platform/crypto';
import { cachedCatalog, countersAssignedTo, listCounters } from '../catalog/catalog.lookup';
import { pickPolicy, queuePolicyOf } from './queue.policy';
import * as repo from './queue.repository';
import type { TicketRow, VisitRow } from './queue.repository';
import { activeAnnouncementOf } from './announcement.service';
import { authorizeQueueView, counterStateView } from './serve.service';
import { counterRef, currentOf, Names, placeIn, serviceSnapshot, ticketView, toWaiting, visitSteps, type ServiceSnapshot } from './queue.view';

/**
 * The counters of this site the signed-in officer is assigned to (the admin's counter staffing):
 * the console opens the officer's own counter without asking.
 */
export async function myCounters(ctx: AppContext, caller: Caller, siteId: string) {
  if (caller.actor.kind !== 'user') throw appError('auth.unauthenticated');
  const site = await cachedCatalog.getSite(ctx, siteId);
  const [assigned, counters] = await Promise.all([countersAssignedTo(ctx, caller.actor.id), listCounters(ctx, site.id)]);
  const mine = new Set(assigned);
  return { counterIds: counters.filter((c) => c.active && mine.has(c.id)).map((c) => c.id) };
}

/** One ticket for staff: its data, the visit's path through the MPP and the event history. */
export async function getTicketDetail(ctx: AppContext, caller: Caller, id: string) {
  const t = await repo.findTicket(ctx.db, id);
  if (!t) throw notFound('Tiket', 'Ticket');
  authorizeQueueView(caller.actor, { siteId: t.siteId, agencyId: t.agencyId });
  const site = await cachedCatalog.getSite(ctx, t.siteId);
  const policy = queuePolicyOf(site.settings);
  const names = new Names(ctx);
  const svc = await names.service(t.serviceId);
  const [visit, visitTickets, history, snapshot] = await Promise.all([
    repo.findVisit(ctx.db, t.visitId),
    repo.ticketsOfVisit(ctx.db, t.visitId),
    repo.eventsOfTickets(ctx.db, [t.id]),
    t.status === 'waiting' && svc ? serviceSnapshot(ctx, svc.service, t.localDate, policy, ctx.clock.now()) : Promise.resolve(null),
  ]);
  const place = placeIn(snapshot, t);
  return {
    ticket: await ticketView(names, t),
    position: place.position,
    estimate: place.estimate,
    visit: { id: visit!.id, trackingCode: visit!.trackingCode, createdAt: visit!.createdAt.toISOString(), steps: await visitSteps(names, visit!, visitTickets) },
    events: history.map((e) => ({ id: e.id, type: e.type, at: e.createdAt.toISOString(), actorId: e.actorId ?? null, payload: e.payload, meta: e.meta })),
  };
}

/** A counter's screen: current ticket, the waiting list in the order it would call, parked ones. */
export async function getCounterQueue(ctx: AppContext, caller: Caller, counterId: string) {
  const counter = await cachedCatalog.getCounter(ctx, counterId);
  authorizeQueueView(caller.actor, { siteId: counter.siteId, agencyId: counter.agencyId });
  const site = await cachedCatalog.getSite(ctx, counter.siteId);
  const policy = queuePolicyOf(site.settings);
  const now = ctx.clock.now();
  const today = localDate(now, site.timeZone);
  const [states, current, pinned, waiting, parked] = await Promise.all([
    repo.counterStatesOf(ctx.db, [counterId]),
    repo.activeOfCounter(ctx.db, counterId),
    repo.pinnedWaiting(ctx.db, counterId, today),
    repo.callableWaiting(ctx.db, site.id, today, counter.serviceIds),
    repo.parkedAtCounter(ctx.db, counterId, today),
  ]);
  const state = states[0];
  const byId = new Map(waiting.map((w) => [w.id, w]));
  const order = callOrder(waiting.map(toWaiting), pickPolicy(policy), now.getTime(), { priorityCallsInARow: state?.priorityCallsInARow ?? 0 });
  const names = new Names(ctx);
  names.seedCounter(counter);
  const view = (list: TicketRow[]) => Promise.all(list.map((t) => ticketView(names, t)));
  return {
    counter: counterStateView(counter, state),
    current: current ? await ticketView(names, current) : null,
    waiting: await view([...pinned, ...order.map((o) => byId.get(o.id)!)]),
    parked: await view(parked),
  };
}

export async function getCounterStats(ctx: AppContext, caller: Caller, counterId: string) {
  const counter = await cachedCatalog.getCounter(ctx, counterId);
  authorizeQueueView(caller.actor, { siteId: counter.siteId, agencyId: counter.agencyId });
  const site = await cachedCatalog.getSite(ctx, counter.siteId);
  const today = localDate(ctx.clock.now(), site.timeZone);
  const [all, mine] = await Promise.all([
    repo.counterStats(ctx.db, counterId, today),
    caller.actor.kind === 'user' ? repo.counterStats(ctx.db, counterId, today, caller.actor.id) : Promise.resolve(null),
  ]);
  return { date: today, counter: all, mine };
}

// ---------------------------------------------------------------------------------------------
// Public (no sign-in on purpose: no personal data in any of these)

/** The citizen's view of a visit by its tracking code. */
export async function visitByCode(ctx: AppContext, code: string): Promise<VisitRow> {
  const visit = await repo.findVisitByCode(ctx.db, normaliseCode(code));
  if (!visit) throw notFound('Kode pelacakan', 'Tracking code');
  return visit;
}

/**
 * The public status of a visit. `snapshotFor` lets the citizen stream share one computation of a
 * service's order among all its subscribers.
 */
export async function publicStatusOf(
  ctx: AppContext,
  visit: VisitRow,
  opts: { names?: Names; tickets?: TicketRow[]; snapshotFor?: (serviceId: string, localDate: string) => Promise<ServiceSnapshot | null> } = {},
) {
  const names = opts.names ?? new Names(ctx);
  const site = await cachedCatalog.getSite(ctx, visit.siteId);
  const tickets = opts.tickets ?? (await repo.ticketsOfVisit(ctx.db, visit.id));
  const t = currentOf(tickets)!;
  const svc = await names.service(t.serviceId);
  let snapshot: ServiceSnapshot | null = null;
  if (t.status === 'waiting' && svc) {
    snapshot = opts.snapshotFor
      ? await opts.snapshotFor(t.serviceId, t.localDate)
      : await serviceSnapshot(ctx, svc.service, t.localDate, queuePolicyOf(site.settings), ctx.clock.now());
  }
  const counter = t.status === 'called' || t.status === 'serving' || t.status === 'parked' ? await names.counter(t.counterId) : null;
  const steps = await visitSteps(names, visit, tickets);
  return {
    number: t.number,
    status: t.status,
    ...placeIn(snapshot, t),
    counter: counter ? { name: counter.name, number: counter.number } : null,
    service: { id: t.serviceId, name: svc?.service.name ?? '', agencyName: svc?.agency.name ?? '' },
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt ? t.calledAt.toISOString() : null,
    steps: steps.map(({ serviceId, serviceName, agencyName, status, number }) => ({ serviceId, serviceName, agencyName, status, number })),
  };
}

export async function ticketStatusByCode(ctx: AppContext, code: string) {
  return publicStatusOf(ctx, await visitByCode(ctx, code));
}

/** DESIGN §6: the site's counters, for kiosks, displays and the officer's counter picker. */
export async function publicCounters(ctx: AppContext, siteId: string) {
  await cachedCatalog.getSite(ctx, siteId);
  const counters = (await cachedCatalog.listCounters(ctx, siteId)).filter((c) => c.active);
  const states = new Map((await repo.counterStatesOf(ctx.db, counters.map((c) => c.id))).map((s) => [s.counterId, s]));
  return counters.map((c) => ({ id: c.id, name: c.name, number: c.number, zone: c.zone, location: c.location, agencyId: c.agencyId, serviceIds: c.serviceIds, paused: states.get(c.id)?.paused ?? false }));
}

/** The display's snapshot: per service waiting count and who is being served, and recent calls. */
export async function queueSummary(ctx: AppContext, siteId: string) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const policy = queuePolicyOf(site.settings);
  const now = ctx.clock.now();
  const today = localDate(now, site.timeZone);
  // The event id first: anything after it is in the stream, so a display misses nothing.
  const lastEventId = await latestEventId(ctx.db, siteId);
  const [services, counters, open, recent, announcement] = await Promise.all([
    cachedCatalog.servicesWithAgencyOfSite(ctx, siteId),
    cachedCatalog.listCounters(ctx, siteId),
    repo.ticketsOfSiteIn(ctx.db, siteId, today, ['waiting', 'called', 'serving']),
    repo.recentCalls(ctx.db, siteId, today, 10),
    activeAnnouncementOf(ctx, siteId),
  ]);
  const counterById = new Map(counters.map((c) => [c.id, c]));
  const ref = (id: string | null) => counterRef(id ? (counterById.get(id) ?? null) : null);
  const states = await repo.counterStatesOf(ctx.db, counters.map((c) => c.id));
  const paused = new Set(states.filter((s) => s.paused).map((s) => s.counterId));
  const handling = await repo.recentHandlingBySite(ctx.db, siteId, today, policy.handlingSample);
  const openCounters = (serviceId: string) => counters.filter((c) => c.active && !paused.has(c.id) && c.serviceIds.includes(serviceId)).length;
  return {
    date: today,
    now: now.toISOString(),
    lastEventId,
    services: services
      .filter((s) => s.service.active)
      .map((s) => {
        const mine = open.filter((t) => t.serviceId === s.service.id);
        const waiting = mine.filter((t) => t.status === 'waiting').length;
        return {
          serviceId: s.service.id,
          code: s.service.code,
          prefix: s.service.prefix,
          name: s.service.name,
          agency: { id: s.agency.id, name: s.agency.name },
          waiting,
          nowServing: mine.filter((t) => t.status !== 'waiting').map((t) => ({ ticketId: t.id, number: t.number, status: t.status, counter: ref(t.counterId) })),
          estimate: estimateWait({
            peopleAhead: waiting,
            recentHandlingMinutes: handling.get(s.service.id) ?? [],
            defaultHandlingMinutes: s.service.handlingMinutes,
            openCounters: openCounters(s.service.id),
          }),
        };
      }),
    recentCalls: recent.map((t) => ({ ticketId: t.id, number: t.number, serviceId: t.serviceId, status: t.status, counter: ref(t.counterId), calledAt: t.calledAt!.toISOString() })),
    pausedCounterIds: counters.filter((c) => c.active && paused.has(c.id)).map((c) => c.id),
    announcement,
  };
}
