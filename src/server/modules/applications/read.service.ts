/**
 * Reading applications: one for staff of its agency (audited: it shows the applicant), the
 * public tracking page (no personal data), and the boards (agency and site) with their counts.
 */
import { DateTime } from 'luxon';
import { isOpen, type ApplicationStatus } from '../../../domain/applications';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { normaliseCode } from '../../platform/crypto';
import { appError, fieldError, forbidden, notFound } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as repo from './applications.repository';
import { deadlinesOf, type Deadline } from './deadline';
import { presentDetail, presentListItem, presentPublic, type ServiceInfo } from './applications.view';

/** Staff of its agency, site admins and auditors: the application with its history (a personal-data read). */
export async function getApplication(ctx: AppContext, caller: Caller, id: string) {
  const a = await repo.findById(ctx.db, id);
  if (!a) throw notFound('Permohonan', 'Application');
  authorize(caller.actor, 'applications.read', { siteId: a.siteId, agencyId: a.agencyId });
  const site = await cachedCatalog.getSite(ctx, a.siteId);
  const [{ of }, history] = await Promise.all([deadlinesOf(ctx, site, [a]), repo.historyOf(ctx.db, [a.id])]);
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'applications.read', siteId: a.siteId, agencyId: a.agencyId, targetType: 'application', targetId: a.id, details: { registrationNumber: a.registrationNumber } });
  return presentDetail(ctx, a, of(a), history);
}

/** Public (DESIGN §7): status, steps with dates, due date and what is missing; no name, NIK, address or phone. */
export async function applicationByCode(ctx: AppContext, trackingCode: string) {
  const a = await repo.findByTrackingCode(ctx.db, normaliseCode(trackingCode));
  if (!a) throw notFound('Permohonan', 'Application');
  const site = await cachedCatalog.getSite(ctx, a.siteId);
  const [{ of }, history] = await Promise.all([deadlinesOf(ctx, site, [a]), repo.historyOf(ctx.db, [a.id])]);
  return presentPublic(ctx, a, of(a), history);
}

/** Which agencies of the site the caller may see applications of (null: every one); 401/403 for none. */
export function readScope(caller: Caller, siteId: string, agencyId?: string): repo.Scope {
  const sc = agencyScope(caller.actor, 'applications.read', siteId);
  if (!sc) {
    authorize(caller.actor, 'applications.read', { siteId });
    throw forbidden();
  }
  if (agencyId && !sc.all && !sc.agencyIds.includes(agencyId)) throw forbidden();
  return { siteId, agencyIds: agencyId ? [agencyId] : sc.all ? null : sc.agencyIds };
}

export interface ListQuery {
  status?: ApplicationStatus;
  state?: 'open' | 'closed';
  agencyId?: string;
  serviceId?: string;
  overdue?: '0' | '1';
  dueToday?: '0' | '1';
  q?: string;
  page: number;
  pageSize: number;
}

const byDue = (a: { d: Deadline; createdAt: Date }, b: { d: Deadline; createdAt: Date }) =>
  (a.d.dueDate ?? '9999') < (b.d.dueDate ?? '9999') ? -1 : (a.d.dueDate ?? '9999') > (b.d.dueDate ?? '9999') ? 1 : a.createdAt.getTime() - b.createdAt.getTime();

/**
 * A board's list (DESIGN §7: `?status=&agencyId=&overdue=1&page=`) with the scope's counts.
 * Lists of open applications (overdue, due today, a status of the clock) are ordered by due date,
 * most urgent first, and their deadlines computed with today's calendar; others newest first.
 */
export async function listApplications(ctx: AppContext, caller: Caller, siteId: string, q: ListQuery) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const scope = readScope(caller, siteId, q.agencyId);
  if (q.status && q.state && isOpen(q.status) !== (q.state === 'open')) throw fieldError('querystring.state', 'conflict', { id: 'Tidak cocok dengan status yang dipilih.', en: 'Does not fit the chosen status.' });
  const filter: repo.ListFilter = { status: q.status, state: q.state, serviceId: q.serviceId, q: q.q };
  const allOpen = await repo.openOf(ctx.db, scope);
  const { today, of } = await deadlinesOf(ctx, site, allOpen);
  const deadlines = new Map(allOpen.map((a) => [a.id, of(a)]));
  const ready = await repo.readyCount(ctx.db, scope);
  const counts = {
    open: allOpen.length,
    dueToday: [...deadlines.values()].filter((d) => d.dueDate === today).length,
    overdue: [...deadlines.values()].filter((d) => d.overdue).length,
    incomplete: allOpen.filter((a) => a.status === 'incomplete').length,
    ready: [...ready.values()].reduce((n, x) => n + x, 0),
  };

  const openOnly = q.overdue === '1' || q.dueToday === '1' || q.state === 'open' || (q.status !== undefined && isOpen(q.status));
  let items: repo.ApplicationRow[];
  let total: number;
  if (openOnly) {
    const matching = (await repo.openOf(ctx.db, scope, filter))
      .map((a) => ({ ...a, d: deadlines.get(a.id) ?? of(a) }))
      .filter((a) => (q.overdue !== '1' || a.d.overdue) && (q.dueToday !== '1' || a.d.dueDate === today))
      .sort(byDue);
    total = matching.length;
    const ids = matching.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((a) => a.id);
    const got = new Map((await repo.byIds(ctx.db, ids)).map((a) => [a.id, a]));
    items = ids.map((id) => got.get(id)!).filter(Boolean);
  } else {
    ({ items, total } = await repo.listPage(ctx.db, scope, filter, q.page, q.pageSize));
  }
  const services = await servicesOf(ctx, siteId);
  const page = await deadlinesOf(ctx, site, items);
  if (items.length) {
    await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'applications.listed', siteId, agencyId: q.agencyId ?? null, targetType: 'application', details: { shown: items.length, filter: { ...filter, overdue: q.overdue, dueToday: q.dueToday, page: q.page } } });
  }
  return {
    items: items.map((a) => presentListItem(ctx, a, services(a.serviceId), page.of(a))),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts,
  };
}

/** The site's services with their agencies by id, from the cached catalogue. */
export async function servicesOf(ctx: AppContext, siteId: string): Promise<(serviceId: string) => ServiceInfo> {
  const all = await cachedCatalog.servicesWithAgencyOfSite(ctx, siteId);
  const byId = new Map(all.map((s) => [s.service.id, s as ServiceInfo]));
  return (id) => {
    const s = byId.get(id);
    if (!s) throw appError('internal');
    return s;
  };
}

/** A period of local dates: as given, or this month so far. */
export function periodOf(site: { timeZone: string }, now: Date, from?: string, to?: string): { from: string; to: string } {
  const today = localDate(now, site.timeZone);
  const f = from ?? DateTime.fromISO(today).startOf('month').toISODate()!;
  const t = to ?? today;
  if (f > t) throw fieldError('querystring.from', 'after_to', { id: 'Tanggal awal sesudah tanggal akhir.', en: 'The start date is after the end date.' });
  if (DateTime.fromISO(t).diff(DateTime.fromISO(f), 'days').days > 366 * 2) throw fieldError('querystring.to', 'too_long', { id: 'Rentang paling panjang dua tahun.', en: 'The range is at most two years.' });
  return { from: f, to: t };
}

const shareOf = (onTime: number, completed: number) => (completed ? onTime / completed : null);

/**
 * The boards' summary: per agency of the scope, the open ones today (due today, overdue,
 * incomplete, ready) and, over the period, received, completed, on time, late and the share on
 * time; the same per service. No personal data.
 */
export async function applicationsSummary(ctx: AppContext, caller: Caller, siteId: string, q: { from?: string; to?: string }) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const scope = readScope(caller, siteId);
  const { from, to } = periodOf(site, ctx.clock.now(), q.from, q.to);
  const [open, ready, shares, services] = await Promise.all([repo.openOf(ctx.db, scope), repo.readyCount(ctx.db, scope), repo.shares(ctx.db, siteId, from, to, scope.agencyIds), servicesOf(ctx, siteId)]);
  const { today, of } = await deadlinesOf(ctx, site, open);
  const agencyIds = new Set<string>([...open.map((a) => a.agencyId), ...ready.keys(), ...shares.map((s) => s.agency_id)]);
  const all = await cachedCatalog.servicesWithAgencyOfSite(ctx, siteId);
  const agencyById = new Map(all.map((s) => [s.agency.id, s.agency]));
  const agencies = [...agencyIds].map((agencyId) => {
    const mine = open.filter((a) => a.agencyId === agencyId);
    const ds = mine.map(of);
    const sh = shares.filter((s) => s.agency_id === agencyId);
    const sum = (k: 'received' | 'completed' | 'on_time' | 'late') => sh.reduce((n, s) => n + Number(s[k]), 0);
    const ag = agencyById.get(agencyId);
    return {
      agency: { id: agencyId, name: ag?.name ?? '', shortName: ag?.shortName ?? '' },
      open: mine.length,
      dueToday: ds.filter((d) => d.dueDate === today).length,
      overdue: ds.filter((d) => d.overdue).length,
      incomplete: mine.filter((a) => a.status === 'incomplete').length,
      ready: ready.get(agencyId) ?? 0,
      received: sum('received'),
      completed: sum('completed'),
      onTime: sum('on_time'),
      late: sum('late'),
      onTimeShare: shareOf(sum('on_time'), sum('completed')),
    };
  });
  agencies.sort((a, b) => a.agency.shortName.localeCompare(b.agency.shortName, 'id'));
  return {
    from,
    to,
    agencies,
    services: shares.map((s) => {
      const svc = services(s.service_id);
      return { service: { id: svc.service.id, name: svc.service.name }, agencyId: s.agency_id, received: Number(s.received), completed: Number(s.completed), onTime: Number(s.on_time), late: Number(s.late), onTimeShare: shareOf(Number(s.on_time), Number(s.completed)) };
    }),
  };
}

