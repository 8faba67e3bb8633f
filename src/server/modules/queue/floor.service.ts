/**
 * The live floor view (site and agency admins): every counter with its officer, state and current
 * ticket; waiting per service with the longest wait against the site's target. The page reloads
 * this on the site stream's events; agency admins see their own agencies only.
 */
import { counterFloorState, waitFigures } from '../../../domain/floor';
import { isOpenAt, localDate, type WeeklyHoursInput } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { actorLabel, agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import { appError, nullIfNotFound } from '../../platform/errors';
import { latestEventId } from '../../platform/events';
import { transact } from '../../platform/tx';
import { staffLookup } from '../access/access.lookup';
import { cachedCatalog, effectiveHours } from '../catalog/catalog.lookup';
import { activeAnnouncementOf } from './announcement.service';
import * as floorRepo from './floor.repository';
import * as repo from './queue.repository';
import type { TicketRow } from './queue.repository';

/** What a site without settings of its own uses. */
export const QUEUE_SETTINGS_DEFAULTS = { targetWaitMinutes: 15 };

export async function queueSettingsOf(ctx: AppContext, siteId: string, conn: Conn = ambientConn(ctx.db)) {
  const s = await floorRepo.settingsOf(conn, siteId);
  return s ? { targetWaitMinutes: s.targetWaitMinutes } : { ...QUEUE_SETTINGS_DEFAULTS };
}

/** Who may watch the floor: the agencies of the site this actor monitors (403 when none). */
function monitorScope(caller: Caller, siteId: string) {
  if (caller.actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  const scope = agencyScope(caller.actor, 'queue.monitor', siteId);
  if (!scope || caller.actor.kind === 'device') throw appError('auth.forbidden');
  return scope;
}

/** GET /sites/{siteId}/queue/settings */
export async function getQueueSettings(ctx: AppContext, caller: Caller, siteId: string) {
  monitorScope(caller, siteId);
  await cachedCatalog.getSite(ctx, siteId);
  return queueSettingsOf(ctx, siteId);
}

/** PUT /sites/{siteId}/queue/settings: the site admin. */
export async function updateQueueSettings(ctx: AppContext, caller: Caller, siteId: string, input: { targetWaitMinutes: number }) {
  authorize(caller.actor, 'site.manage', { siteId });
  await cachedCatalog.getSite(ctx, siteId);
  return transact(ctx, async (tx, emit) => {
    await floorRepo.upsertSettings(tx, { siteId, targetWaitMinutes: input.targetWaitMinutes, updatedAt: ctx.clock.now() });
    await emit({ siteId, type: 'queue.settings_changed', aggregateType: 'site', aggregateId: siteId, payload: { siteId }, meta: { by: actorLabel(caller.actor), targetWaitMinutes: input.targetWaitMinutes } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'queue.settings_changed', siteId, targetType: 'site', targetId: siteId, details: { ...input } });
    return { targetWaitMinutes: input.targetWaitMinutes };
  });
}

const since = (t: TicketRow) => (t.status === 'serving' ? (t.startedAt ?? t.calledAt) : t.calledAt) ?? t.issuedAt;

/** GET /sites/{siteId}/queue/floor */
export async function getFloor(ctx: AppContext, caller: Caller, siteId: string) {
  const scope = monitorScope(caller, siteId);
  const site = await cachedCatalog.getSite(ctx, siteId);
  const inScope = (agencyId: string) => scope.all || scope.agencyIds.includes(agencyId);
  const now = ctx.clock.now();
  const today = localDate(now, site.timeZone);
  // The event id first: the page opens the stream after it and misses nothing.
  const lastEventId = await latestEventId(ctx.db, siteId);
  const [services, allCounters, open, day, closed, settings, announcement] = await Promise.all([
    cachedCatalog.servicesWithAgencyOfSite(ctx, siteId),
    cachedCatalog.listCounters(ctx, siteId),
    repo.ticketsOfSiteIn(ctx.db, siteId, today, ['waiting', 'called', 'serving']),
    floorRepo.countersDay(ctx.db, siteId, today),
    cachedCatalog.closedDays(ctx, siteId, today, today),
    queueSettingsOf(ctx, siteId),
    activeAnnouncementOf(ctx, siteId),
  ]);
  const counters = allCounters.filter((c) => inScope(c.agencyId)).sort((a, b) => a.number - b.number);
  const states = new Map((await repo.counterStatesOf(ctx.db, counters.map((c) => c.id))).map((s) => [s.counterId, s]));
  const closedDates = new Set(closed.map((d) => d.date));
  const serviceById = new Map(services.map((s) => [s.service.id, s]));
  const openNow = (serviceId: string) => {
    const s = serviceById.get(serviceId);
    return !!s && s.service.active && s.agency.active && isOpenAt(effectiveHours(s.service, s.agency) as unknown as WeeklyHoursInput, closedDates, site.timeZone, now);
  };
  const currentAt = new Map(open.filter((t) => t.counterId && repo.ACTIVE.includes(t.status)).map((t) => [t.counterId!, t]));

  const officerIds = new Set<string>();
  for (const c of counters) {
    const id = currentAt.get(c.id)?.officerId ?? day.get(c.id)?.lastOfficerId;
    if (id) officerIds.add(id);
  }
  const agencyIds = [...new Set(counters.map((c) => c.agencyId))];
  const [staff, agencies] = await Promise.all([
    staffLookup(ctx, [...officerIds]),
    Promise.all(agencyIds.map((id) => cachedCatalog.getAgency(ctx, id).catch(nullIfNotFound))),
  ]);
  const names = new Map(staff.map((u) => [u.id, u.displayName]));
  const agencyById = new Map(agencies.filter((a) => a !== null).map((a) => [a.id, a]));

  const floorCounters = counters.map((c) => {
    const current = currentAt.get(c.id) ?? null;
    const state = states.get(c.id);
    const officerId = current?.officerId ?? day.get(c.id)?.lastOfficerId ?? null;
    const agency = agencyById.get(c.agencyId);
    return {
      id: c.id,
      name: c.name,
      number: c.number,
      zone: c.zone,
      agency: { id: c.agencyId, name: agency?.name ?? '', shortName: agency?.shortName ?? null },
      state: counterFloorState({ active: c.active, paused: state?.paused ?? false, hasCurrent: !!current, anyServiceOpen: c.serviceIds.some(openNow) }),
      officer: officerId ? { id: officerId, displayName: names.get(officerId) ?? '' } : null,
      current: current ? { ticketId: current.id, number: current.number, status: current.status, serviceId: current.serviceId, since: since(current).toISOString() } : null,
      pausedAt: state?.paused && state.pausedAt ? state.pausedAt.toISOString() : null,
      servedToday: day.get(c.id)?.served ?? 0,
    };
  });

  const waitingBy = new Map<string, TicketRow[]>();
  for (const t of open) if (t.status === 'waiting') waitingBy.set(t.serviceId, [...(waitingBy.get(t.serviceId) ?? []), t]);
  const working = new Set(floorCounters.filter((c) => c.state === 'idle' || c.state === 'serving').map((c) => c.id));
  const floorServices = services
    .filter((s) => inScope(s.agency.id) && ((s.service.active && s.agency.active) || waitingBy.has(s.service.id)))
    .map((s) => {
      const waiting = waitingBy.get(s.service.id) ?? [];
      const f = waitFigures(waiting.map((t) => ({ id: t.id, number: t.number, issuedAt: t.issuedAt.getTime() })), now.getTime(), settings.targetWaitMinutes);
      return {
        serviceId: s.service.id,
        code: s.service.code,
        name: s.service.name,
        agency: { id: s.agency.id, name: s.agency.name },
        waiting: f.waiting,
        oldestSince: f.oldestSince === null ? null : new Date(f.oldestSince).toISOString(),
        longestWaitMinutes: f.longestWaitMinutes,
        overTarget: f.overTarget,
        overTargetTickets: f.overTargetTickets.map((t) => ({ ticketId: t.id, number: t.number, since: new Date(t.since).toISOString(), minutes: t.minutes })),
        openCounters: counters.filter((c) => working.has(c.id) && c.serviceIds.includes(s.service.id)).length,
      };
    })
    // Longest waits first: that is where the floor manager looks.
    .sort((a, b) => b.overTarget - a.overTarget || (b.longestWaitMinutes ?? -1) - (a.longestWaitMinutes ?? -1) || a.name.localeCompare(b.name, 'id'));

  return {
    date: today,
    timeZone: site.timeZone,
    now: now.toISOString(),
    lastEventId,
    targetWaitMinutes: settings.targetWaitMinutes,
    scope: scope.all ? { all: true, agencyIds: [] } : { all: false, agencyIds: scope.agencyIds },
    counters: floorCounters,
    services: floorServices,
    announcement,
  };
}
