/**
 * The officer's console: call, start, finish, no-show, recall, park/resume, transfer, breaks.
 * Every mutation runs under the site's advisory lock (repo.lockSite) with conditional status
 * updates, writes its events in the same transaction and an audit row.
 */
import type { EventOf, PayloadOf } from '../../../contracts/events';
import { localDate } from '../../../domain/opening-hours';
import { pickNext } from '../../../domain/queue-policy';
import { spokenCall } from '../../../domain/ticket-number';
import { auditValues, recordAudit, type AuditEntry } from '../../platform/audit';
import { actorLabel, authorize, can, type Actor, type Scope } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { isUniqueViolation, type Tx } from '../../platform/db';
import { appError, fieldError, notFound, nullIfNotFound } from '../../platform/errors';
import type { EventInput } from '../../platform/events';
import { commitStatement, transact, type Emit } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { actorId, assertOpen, calendarOf, emitIssued, insertTicketRow, insertTicketTx, serviceOfSite, type Site } from './issue.service';
import { counterBusy, invalidState, noShowTooEarly, queueError } from './queue.errors';
import { pickPolicy, queuePolicyOf, type SiteQueuePolicy } from './queue.policy';
import * as repo from './queue.repository';
import type { TicketRow } from './queue.repository';
import type { TicketStatus } from './queue.schema';
import { Names, publicPayload, ticketView, toWaiting, type CounterInfo } from './queue.view';

const userId = (a: Actor) => (a.kind === 'user' ? a.id : null);

/** Seeing a counter's or a ticket's queue data: serving staff or monitors of that agency. */
export function authorizeQueueView(actor: Actor, scope: Scope): void {
  if (can(actor, 'queue.serve', scope) || can(actor, 'queue.monitor', scope)) return;
  authorize(actor, 'queue.serve', scope);
}

function mutate<T>(ctx: AppContext, siteId: string, work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  return transact(ctx, (tx, emit) => repo.underSiteLock(tx, siteId, () => work(tx, emit)));
}

/** The ticket (authorized for serving) and how many services its visit still plans after it. */
async function staffTicket(ctx: AppContext, caller: Caller, id: string): Promise<{ ticket: TicketRow; plannedSteps: number }> {
  const found = await repo.findTicketWithPlan(ctx.db, id);
  if (!found) throw notFound('Tiket', 'Ticket');
  authorize(caller.actor, 'queue.serve', { siteId: found.ticket.siteId, agencyId: found.ticket.agencyId });
  return found;
}

async function staffCounter(ctx: AppContext, caller: Caller, counterId: string, view = false): Promise<CounterInfo> {
  const counter = await cachedCatalog.getCounter(ctx, counterId);
  const scope = { siteId: counter.siteId, agencyId: counter.agencyId };
  if (view) authorizeQueueView(caller.actor, scope);
  else authorize(caller.actor, 'queue.serve', scope);
  return counter;
}

async function siteAndPolicy(ctx: AppContext, siteId: string) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  return { site, policy: queuePolicyOf(site.settings) };
}

async function present(ctx: AppContext, t: TicketRow, counter?: CounterInfo | null) {
  const names = new Names(ctx);
  if (counter) names.seedCounter(counter);
  return { ticket: await ticketView(names, t) };
}

/** Calls the next ticket to a counter (policy order, resumed tickets first); null when none waits. */
export async function callNext(ctx: AppContext, caller: Caller, counterId: string) {
  const counter = await staffCounter(ctx, caller, counterId);
  if (!counter.active) {
    throw queueError('queue.counter_inactive');
  }
  const { site, policy } = await siteAndPolicy(ctx, counter.siteId);
  const now = ctx.clock.now();
  const today = localDate(now, site.timeZone);
  try {
    const called = await mutate(ctx, site.id, async (tx, emit) => {
      // Under the lock, one read: the counter's state, its active ticket, the tickets resumed for
      // it and the waiting tickets that can be next (repo.callSituation).
      const { state, tickets } = await repo.callSituation(tx, site.id, counterId, today, counter.serviceIds);
      if (state?.paused) throw queueError('queue.counter_paused');
      const startRun = state?.priorityCallsInARow ?? 0;
      const active = tickets.find((t) => t.counterId === counterId && repo.ACTIVE.includes(t.status));
      if (active) throw counterBusy(active);
      const pinned = tickets
        .filter((t) => t.status === 'waiting' && t.pinnedCounterId === counterId)
        .sort((a, b) => a.parkedAt!.getTime() - b.parkedAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let chosen: TicketRow | undefined;
      let run = startRun;
      if (pinned.length) {
        chosen = pinned[0];
      } else {
        const waiting = tickets.filter((t) => t.status === 'waiting' && t.pinnedCounterId === null);
        const pick = pickNext(waiting.map(toWaiting), counter.serviceIds, { priorityCallsInARow: run }, pickPolicy(policy), now.getTime());
        if (!pick) return null;
        chosen = waiting.find((w) => w.id === pick.ticket.id);
        run = pick.nextState.priorityCallsInARow;
      }
      if (!chosen) return null;
      const set = {
        status: 'called' as const,
        counterId,
        officerId: userId(caller.actor),
        // A resumed ticket keeps its first call time: waiting statistics measure the first wait.
        calledAt: chosen.calledAt ?? now,
        pinnedCounterId: null,
        updatedAt: now,
      };
      const expected: TicketRow = { ...chosen, ...set };
      if (run !== startRun) await repo.setPriorityRun(tx, counterId, site.id, run, now);
      // The event and the audit row go with the update, in one statement (repo.transition).
      await emit({
        siteId: site.id,
        type: 'ticket.called',
        aggregateType: 'ticket',
        aggregateId: expected.id,
        actorId: actorId(caller.actor),
        payload: publicPayload(expected, counter, { spoken: spokenCall(expected.number, counter.name) }),
        meta: { visitId: expected.visitId, counterId, officerId: userId(caller.actor), by: actorLabel(caller.actor), priority: expected.priority, resumed: pinned.length > 0, priorityCallsInARow: run },
      });
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
        action: 'queue.ticket_called', siteId: site.id, agencyId: counter.agencyId, targetType: 'ticket', targetId: expected.id, details: { number: expected.number, counterId },
      });
      const t = await repo.transition(tx, chosen.id, ['waiting'], set);
      if (!t) throw appError('conflict');
      return t;
    });
    return called ? present(ctx, called, counter) : null;
  } catch (err) {
    // The partial unique index is the last line: one active ticket per counter.
    if (isUniqueViolation(err, 'tickets_counter_active_uq')) {
      const active = await repo.activeOfCounter(ctx.db, counterId);
      throw counterBusy(active ?? { id: '', number: '?' });
    }
    throw err;
  }
}

/** What the event of every counter step has; each step adds its type (and meta of its own). */
type StepEvent = Pick<EventInput, 'siteId' | 'actorId' | 'aggregateId'> & {
  aggregateType: 'ticket';
  payload: PayloadOf<'ticket.started'>;
  meta: EventOf<'ticket.started'>['meta'];
};

interface Step {
  action: string;
  from: readonly TicketStatus[];
  set: (t: TicketRow, now: Date) => Partial<TicketRow>;
  /** The step's event (public ones go to the site stream), from what every step's event has. */
  event: (common: StepEvent) => EventInput;
  /** The audit action: named here, not derived from the event's type. */
  audit: `queue.${string}`;
  /** More audit details. */
  details?: Record<string, unknown>;
  /** A refusal that depends on the site's policy (before anything is written). */
  guard?: (t: TicketRow, policy: SiteQueuePolicy, now: Date) => void;
  /**
   * More work in the same transaction (next step of the visit, plan changes). Called only when
   * the visit still plans further services: nothing else in it depends on the step.
   */
  after?: (tx: Tx, emit: Emit, t: TicketRow, ctxs: { site: Site; policy: SiteQueuePolicy; now: Date }) => Promise<void>;
}

async function applyStep(ctx: AppContext, caller: Caller, id: string, step: Step) {
  const { ticket: before, plannedSteps } = await staffTicket(ctx, caller, id);
  if (!step.from.includes(before.status)) throw invalidState(before, step.action);
  const { site, policy } = await siteAndPolicy(ctx, before.siteId);
  const now = ctx.clock.now();
  step.guard?.(before, policy, now);
  const names = new Names(ctx);
  const counter = await names.counter(before.counterId);
  const set = { ...step.set(before, now), updatedAt: now };
  // The event and the audit row describe the change as it will be; they are written by the same
  // statement as the conditional update, and only if it applied.
  const expected: TicketRow = { ...before, ...set };
  const event = step.event({
    siteId: site.id,
    aggregateType: 'ticket',
    aggregateId: expected.id,
    actorId: actorId(caller.actor),
    payload: publicPayload(expected, counter),
    meta: { visitId: expected.visitId, counterId: expected.counterId, officerId: userId(caller.actor), by: actorLabel(caller.actor), from: before.status },
  });
  const audit: AuditEntry = {
    action: step.audit, siteId: site.id, agencyId: expected.agencyId, targetType: 'ticket', targetId: expected.id,
    details: { number: expected.number, from: before.status, to: expected.status, ...step.details },
  };
  const invalid = async () => invalidState((await repo.findTicket(ctx.db, id)) ?? before, step.action);

  // Planned steps only ever shrink (nothing adds one after issuing), so a visit that had none
  // when read above has none now, and the step needs no more work: one statement takes the
  // site lock, changes the ticket and writes the event and the audit row, and commits.
  if (!step.after || plannedSteps === 0) {
    const [moved] = await commitStatement(ctx, { events: [event], audit: [auditValues(ctx.clock, caller.actor, caller.ip, audit)] }, (db, part) =>
      repo.transitionAlone(db, part, site.id, id, step.from, set),
    );
    if (!moved) throw await invalid();
    return { ticket: await ticketView(names, repo.ticketOf(moved)) };
  }

  const t = await mutate(ctx, site.id, async (tx, emit) => {
    await emit(event);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, audit);
    // Carries the event and the audit row (repo.transition); fails the transaction when the
    // ticket had moved on.
    const moved = await repo.transition(tx, id, step.from, set);
    if (!moved) {
      const current = (await repo.findTicket(tx, id)) ?? before;
      throw invalidState(current, step.action);
    }
    await step.after!(tx, emit, moved, { site, policy, now });
    return moved;
  });
  return { ticket: await ticketView(names, t) };
}

export const startTicket = (ctx: AppContext, caller: Caller, id: string) =>
  applyStep(ctx, caller, id, {
    action: 'start',
    from: ['called'],
    event: (e) => ({ ...e, type: 'ticket.started' }),
    audit: 'queue.ticket_started',
    set: (_t, now) => ({ status: 'serving', startedAt: now }),
  });

export function finishTicket(ctx: AppContext, caller: Caller, id: string, outcome: 'done' | 'follow_up' = 'done') {
  return applyStep(ctx, caller, id, {
    action: 'finish',
    from: ['called', 'serving'],
    event: (e) => ({ ...e, type: 'ticket.finished', meta: { ...e.meta, outcome } }),
    audit: 'queue.ticket_finished',
    details: { outcome },
    set: (_t, now) => ({ status: 'done', finishedAt: now, outcome }),
    after: (tx, emit, t, c) => continueVisit(ctx, caller.actor, tx, emit, t, c),
  });
}

export function noShowTicket(ctx: AppContext, caller: Caller, id: string) {
  return applyStep(ctx, caller, id, {
    action: 'no-show',
    from: ['called', 'parked'],
    event: (e) => ({ ...e, type: 'ticket.no_show' }),
    audit: 'queue.ticket_no_show',
    // Counted from the first call (a recall does not restart it); a parked ticket was seen.
    guard: (t, policy, now) => {
      if (t.status !== 'called' || !t.calledAt) return;
      const left = Math.ceil((t.calledAt.getTime() + policy.noShowGraceSeconds * 1000 - now.getTime()) / 1000);
      if (left > 0) throw noShowTooEarly(t, left, policy.noShowGraceSeconds);
    },
    set: (_t, now) => ({ status: 'no_show', finishedAt: now }),
    after: async (tx, _emit, t) => {
      // The citizen is gone: the services planned after this one are given up, not called in vain.
      const visit = await repo.findVisit(tx, t.visitId);
      if (visit && visit.pendingServiceIds.length) await repo.setVisitPlan(tx, visit.id, [], [...visit.droppedServiceIds, ...visit.pendingServiceIds]);
    },
  });
}

export const parkTicket = (ctx: AppContext, caller: Caller, id: string) =>
  applyStep(ctx, caller, id, {
    action: 'park',
    from: ['called', 'serving'],
    event: (e) => ({ ...e, type: 'ticket.parked' }),
    audit: 'queue.ticket_parked',
    set: (t, now) => ({ status: 'parked', parkedAt: now, pinnedCounterId: t.counterId }),
  });

export const resumeTicket = (ctx: AppContext, caller: Caller, id: string) =>
  applyStep(ctx, caller, id, {
    action: 'resume',
    from: ['parked'],
    event: (e) => ({ ...e, type: 'ticket.resumed' }),
    audit: 'queue.ticket_resumed',
    set: () => ({ status: 'waiting' }),
  });

/** Calls the number again on the display, up to the site's `maxRecalls`. */
export async function recallTicket(ctx: AppContext, caller: Caller, id: string) {
  const { ticket: before } = await staffTicket(ctx, caller, id);
  if (before.status !== 'called') throw invalidState(before, 'recall');
  const { site, policy } = await siteAndPolicy(ctx, before.siteId);
  const now = ctx.clock.now();
  const names = new Names(ctx);
  const counter = await names.counter(before.counterId);
  const t = await mutate(ctx, site.id, async (tx, emit) => {
    const moved = await repo.recall(tx, id, policy.maxRecalls, now);
    if (!moved) {
      const current = (await repo.findTicket(tx, id)) ?? before;
      if (current.status !== 'called') throw invalidState(current, 'recall');
      throw queueError('queue.recall_limit', {
        messages: {
          id: `Tiket ${current.number} sudah dipanggil ulang ${policy.maxRecalls} kali. Tandai tidak hadir atau mulai layani.`,
          en: `Ticket ${current.number} was recalled ${policy.maxRecalls} times already. Mark it a no-show or start serving.`,
        },
        extra: { maxRecalls: policy.maxRecalls },
      });
    }
    await emit({
      siteId: site.id,
      type: 'ticket.recalled',
      aggregateType: 'ticket',
      aggregateId: moved.id,
      actorId: actorId(caller.actor),
      payload: publicPayload(moved, counter, { spoken: counter ? spokenCall(moved.number, counter.name) : undefined }),
      meta: { visitId: moved.visitId, counterId: moved.counterId, officerId: userId(caller.actor), by: actorLabel(caller.actor), recallCount: moved.recallCount },
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'queue.ticket_recalled', siteId: site.id, agencyId: moved.agencyId, targetType: 'ticket', targetId: moved.id, details: { number: moved.number, recallCount: moved.recallCount },
    });
    return moved;
  });
  return { ticket: await ticketView(names, t) };
}

/**
 * The same visit continues at another service: this ticket becomes `transferred` and a new ticket
 * (the new service's prefix and number, the same visit and tracking code) waits there. Its place
 * follows the site's `transferOrder` (default: the visit's original arrival).
 */
export async function transferTicket(ctx: AppContext, caller: Caller, id: string, serviceId: string) {
  const { ticket: before } = await staffTicket(ctx, caller, id);
  const from: TicketStatus[] = ['waiting', 'called', 'serving', 'parked'];
  if (!from.includes(before.status)) throw invalidState(before, 'transfer');
  if (serviceId === before.serviceId) throw fieldError('body.serviceId', 'same_service', { id: 'Tiket sudah di layanan ini.', en: 'The ticket is already at this service.' });
  const { site, policy } = await siteAndPolicy(ctx, before.siteId);
  const target = await serviceOfSite(ctx, site.id, serviceId, 'body.serviceId');
  const now = ctx.clock.now();
  // The citizen must be able to be served there today (later today is fine).
  assertOpen(target, site, await calendarOf(ctx, site, now), policy, now, 'body.serviceId', true);
  const names = new Names(ctx);
  names.seedService(target);
  const counter = await names.counter(before.counterId);
  const created = await mutate(ctx, site.id, async (tx, emit) => {
    const moved = await repo.transition(tx, id, from, { status: 'transferred', finishedAt: now, pinnedCounterId: null, updatedAt: now });
    if (!moved) throw invalidState((await repo.findTicket(tx, id)) ?? before, 'transfer');
    const visit = (await repo.findVisit(tx, moved.visitId))!;
    const next = await insertTicketRow(tx, {
      site, visit, found: target, now,
      source: 'transfer',
      priority: moved.priority,
      queuedAt: policy.transferOrder === 'original' ? moved.queuedAt : now,
      previousTicketId: moved.id,
    });
    await emit({
      siteId: site.id,
      type: 'ticket.transferred',
      aggregateType: 'ticket',
      aggregateId: moved.id,
      actorId: actorId(caller.actor),
      payload: publicPayload(moved, counter, { toServiceId: next.serviceId, toNumber: next.number }),
      meta: { visitId: moved.visitId, counterId: moved.counterId, officerId: userId(caller.actor), by: actorLabel(caller.actor), from: before.status, toTicketId: next.id, toServiceId: next.serviceId },
    });
    await emitIssued(emit, caller.actor, next);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'queue.ticket_transferred', siteId: site.id, agencyId: moved.agencyId, targetType: 'ticket', targetId: moved.id,
      details: { number: moved.number, toTicketId: next.id, toServiceId: next.serviceId, toNumber: next.number },
    });
    return { moved, next };
  });
  return { ticket: await ticketView(names, created.next), transferred: await ticketView(names, created.moved) };
}

/**
 * A multi-service visit: when a step finishes and the visit has nothing else open, the next
 * planned service gets its ticket (inactive services are skipped and recorded as dropped).
 */
async function continueVisit(ctx: AppContext, actor: Actor, tx: Tx, emit: Emit, prev: TicketRow, c: { site: Site; policy: SiteQueuePolicy; now: Date }) {
  const visit = await repo.findVisit(tx, prev.visitId);
  if (!visit || !visit.pendingServiceIds.length) return;
  const open = (await repo.ticketsOfVisit(tx, visit.id)).filter((t) => repo.OPEN.includes(t.status));
  if (open.length) return;
  const pending = [...visit.pendingServiceIds];
  const dropped = [...visit.droppedServiceIds];
  while (pending.length) {
    const sid = pending.shift()!;
    const found = await cachedCatalog.getService(ctx, sid).catch(nullIfNotFound);
    if (!found || !found.service.active || !found.agency.active) {
      dropped.push(sid);
      continue;
    }
    await insertTicketTx(tx, emit, actor, {
      site: c.site, visit, found, now: c.now,
      source: 'step',
      priority: prev.priority,
      queuedAt: c.policy.transferOrder === 'original' ? prev.queuedAt : c.now,
      previousTicketId: prev.id,
    });
    break;
  }
  await repo.setVisitPlan(tx, visit.id, pending, dropped);
}

/** Break (istirahat) and back (buka). Idempotent: the same state twice writes nothing. */
export async function setCounterPaused(ctx: AppContext, caller: Caller, counterId: string, paused: boolean) {
  const counter = await staffCounter(ctx, caller, counterId);
  const now = ctx.clock.now();
  const state = await mutate(ctx, counter.siteId, async (tx, emit) => {
    const s = await repo.counterState(tx, counterId, counter.siteId, now);
    if (s.paused === paused) return s;
    await repo.updateCounterState(tx, counterId, { paused, pausedAt: paused ? now : null, updatedAt: now });
    await emit({
      siteId: counter.siteId,
      type: paused ? 'counter.paused' : 'counter.opened',
      aggregateType: 'counter',
      aggregateId: counterId,
      actorId: actorId(caller.actor),
      payload: { counterId, name: counter.name, number: counter.number },
      meta: { officerId: userId(caller.actor), by: actorLabel(caller.actor) },
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: paused ? 'queue.counter_paused' : 'queue.counter_opened', siteId: counter.siteId, agencyId: counter.agencyId, targetType: 'counter', targetId: counterId,
    });
    return { ...s, paused, pausedAt: paused ? now : null };
  });
  return counterStateView(counter, state);
}

export function counterStateView(counter: CounterInfo, state: { paused: boolean; pausedAt: Date | null } | undefined) {
  return {
    id: counter.id,
    name: counter.name,
    number: counter.number,
    agencyId: counter.agencyId,
    serviceIds: counter.serviceIds,
    active: counter.active,
    paused: state?.paused ?? false,
    pausedAt: state?.pausedAt ? state.pausedAt.toISOString() : null,
  };
}

/**
 * End-of-day sweep (run it from a job, e.g. nightly, or at start-up): tickets still open from an
 * earlier local day become `cancelled` (outcome `day_closed`), so yesterday's leftovers never
 * block a counter or distort today's statistics. Staff-only event `ticket.cancelled` per ticket.
 * No caller: a system task.
 */
export async function closeStaleTickets(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const siteId of await repo.sitesWithOpenTickets(ctx.db)) {
    const site = await cachedCatalog.getSite(ctx, siteId);
    const now = ctx.clock.now();
    n += await mutate(ctx, siteId, async (tx, emit) => {
      const closed = await repo.cancelOpenBefore(tx, siteId, localDate(now, site.timeZone), now);
      for (const t of closed) {
        await emit({ siteId, type: 'ticket.cancelled', aggregateType: 'ticket', aggregateId: t.id, payload: publicPayload(t, null), meta: { visitId: t.visitId, reason: 'day_closed' } });
      }
      return closed.length;
    });
  }
  return n;
}
