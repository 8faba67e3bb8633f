/**
 * Shared pieces of the queue's use cases: catalogue names, call order and wait estimates, and the
 * shapes the API returns. No authorization here: the use cases authorize before calling these.
 */
import { DateTime } from 'luxon';
import { estimateWait, type WaitEstimate } from '../../../domain/eta';
import { callOrder, type WaitingTicket } from '../../../domain/queue-policy';
import type { AppContext } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import { nullIfNotFound } from '../../platform/errors';
import { cachedCatalog, type getCounter, type getService } from '../catalog/catalog.lookup';
import { pickPolicy, type SiteQueuePolicy } from './queue.policy';
import * as repo from './queue.repository';
import type { TicketRow, VisitRow } from './queue.repository';

export type ServiceInfo = Awaited<ReturnType<typeof getService>>;
export type CounterInfo = Awaited<ReturnType<typeof getCounter>>;

/** Per-request memo of catalogue reads (the catalogue's cached lookups). */
export class Names {
  private services = new Map<string, Promise<ServiceInfo | null>>();
  private counters = new Map<string, Promise<CounterInfo | null>>();
  constructor(private ctx: AppContext) {}

  seedService(s: ServiceInfo) {
    this.services.set(s.service.id, Promise.resolve(s));
  }
  seedCounter(c: CounterInfo) {
    this.counters.set(c.id, Promise.resolve(c));
  }
  service(id: string): Promise<ServiceInfo | null> {
    let p = this.services.get(id);
    if (!p) this.services.set(id, (p = cachedCatalog.getService(this.ctx, id).catch(nullIfNotFound)));
    return p;
  }
  counter(id: string | null): Promise<CounterInfo | null> {
    if (!id) return Promise.resolve(null);
    let p = this.counters.get(id);
    if (!p) this.counters.set(id, (p = cachedCatalog.getCounter(this.ctx, id).catch(nullIfNotFound)));
    return p;
  }
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export const counterRef = (c: CounterInfo | null) => (c ? { id: c.id, name: c.name, number: c.number } : null);

export function toWaiting(t: TicketRow): WaitingTicket {
  return {
    id: t.id,
    serviceId: t.serviceId,
    issuedAt: t.queuedAt.getTime(),
    priority: t.priority ?? null,
    bookingStart: t.bookingStart ? t.bookingStart.getTime() : null,
    transferredAt: null,
    pickup: t.source === 'pickup',
  };
}

/** The public event payload of DESIGN §6: no personal data (no priority group either). */
export function publicPayload<E extends object = object>(t: Pick<TicketRow, 'id' | 'number' | 'serviceId'>, counter: CounterInfo | null, extra?: E) {
  return { ticketId: t.id, number: t.number, serviceId: t.serviceId, counter: counterRef(counter), ...(extra as E) };
}

/** What the wait of one service looks like now: call order and the estimate's inputs. */
export interface ServiceSnapshot {
  serviceId: string;
  /** Ticket id → people ahead, in call order. */
  ahead: Map<string, number>;
  waiting: number;
  recentHandlingMinutes: number[];
  defaultHandlingMinutes: number;
  openCounters: number;
}

/** The service's call order and estimate inputs now: one read (plus the cached catalogue). */
export async function serviceSnapshot(
  ctx: AppContext,
  service: { id: string; handlingMinutes: number },
  localDate: string,
  policy: SiteQueuePolicy,
  now: Date,
  conn: Conn = ambientConn(ctx.db),
): Promise<ServiceSnapshot> {
  const active = (await cachedCatalog.countersServing(ctx, service.id)).filter((c) => c.active).map((c) => c.id);
  const data = await repo.serviceWaitData(conn, service.id, localDate, policy.handlingSample, active);
  const waiting: WaitingTicket[] = data.waiting.map((w) => ({
    id: w.id,
    serviceId: w.serviceId,
    issuedAt: w.queuedAt,
    priority: w.priority ?? null,
    bookingStart: w.bookingStart,
    transferredAt: null,
    pickup: w.pickup,
  }));
  const order = callOrder(waiting, pickPolicy(policy), now.getTime());
  return {
    serviceId: service.id,
    ahead: new Map(order.map((t, i) => [t.id, i])),
    waiting: waiting.length,
    recentHandlingMinutes: data.handling,
    defaultHandlingMinutes: service.handlingMinutes,
    openCounters: active.length - data.paused,
  };
}

export function estimateFrom(s: ServiceSnapshot, peopleAhead: number): WaitEstimate {
  return estimateWait({ peopleAhead, recentHandlingMinutes: s.recentHandlingMinutes, defaultHandlingMinutes: s.defaultHandlingMinutes, openCounters: s.openCounters });
}

/** Position (1 = next), people ahead and estimate of a ticket; nulls unless it is waiting. */
export function placeIn(s: ServiceSnapshot | null, t: TicketRow) {
  const ahead = s && t.status === 'waiting' ? s.ahead.get(t.id) : undefined;
  if (!s || ahead === undefined) return { position: null, peopleAhead: null, estimate: null };
  return { position: ahead + 1, peopleAhead: ahead, estimate: estimateFrom(s, ahead) };
}

export async function ticketView(names: Names, t: TicketRow) {
  const [svc, counter] = await Promise.all([names.service(t.serviceId), names.counter(t.counterId)]);
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    serviceId: t.serviceId,
    service: { id: t.serviceId, name: svc?.service.name ?? '', prefix: t.prefix },
    agencyId: t.agencyId,
    priority: t.priority ?? null,
    source: t.source,
    bookingStart: iso(t.bookingStart),
    visitId: t.visitId,
    issuedAt: t.issuedAt.toISOString(),
    queuedAt: t.queuedAt.toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    parkedAt: iso(t.parkedAt),
    counter: counterRef(counter),
    officerId: t.officerId ?? null,
    recallCount: t.recallCount,
    outcome: t.outcome ?? null,
  };
}

/** The visit's steps: its tickets in issue order, then the planned services still to come. */
export async function visitSteps(names: Names, visit: VisitRow, tickets: TicketRow[]) {
  const steps = await Promise.all(
    tickets.map(async (t) => {
      const [svc, counter] = await Promise.all([names.service(t.serviceId), names.counter(t.counterId)]);
      return {
        ticketId: t.id as string | null,
        serviceId: t.serviceId,
        serviceName: svc?.service.name ?? '',
        agencyId: t.agencyId as string | null,
        agencyName: svc?.agency.name ?? '',
        number: t.number as string | null,
        status: t.status as TicketRow['status'] | 'planned',
        issuedAt: iso(t.issuedAt),
        calledAt: iso(t.calledAt),
        finishedAt: iso(t.finishedAt),
        counter: counterRef(counter),
        outcome: t.outcome ?? null,
      };
    }),
  );
  const later = async (serviceId: string, status: 'planned' | 'cancelled') => {
    const svc = await names.service(serviceId);
    return {
      ticketId: null,
      serviceId,
      serviceName: svc?.service.name ?? '',
      agencyId: svc?.agency.id ?? null,
      agencyName: svc?.agency.name ?? '',
      number: null,
      status,
      issuedAt: null,
      calledAt: null,
      finishedAt: null,
      counter: null,
      outcome: null,
    };
  };
  steps.push(...(await Promise.all(visit.pendingServiceIds.map((id) => later(id, 'planned')))));
  steps.push(...(await Promise.all(visit.droppedServiceIds.map((id) => later(id, 'cancelled')))));
  return steps;
}

/** The ticket a visit is at now: the open one, else the latest. */
export function currentOf(tickets: TicketRow[]): TicketRow | undefined {
  const open = tickets.filter((t) => repo.OPEN.includes(t.status));
  return (open.length ? open : tickets).at(-1);
}
