import { uuidv7 } from 'uuidv7';
import { rankByQuery } from '../../../domain/search';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { canServe, staffLookup } from '../access/access.lookup';
import * as repo from './catalog.repository';
import { authorizeAgencyCatalog, authorizeSiteCatalog, catalogListScope, inScope } from './catalog.access';
import { changes, paginate, statusFilter } from './catalog.view';
import { FieldErrors, withConflicts } from './catalog.validation';
import { siteByRef } from './sites.service';

type CounterWithServices = Awaited<ReturnType<typeof repo.countersOfSite>>[number];

async function presentAdmin(ctx: AppContext, conn: Conn, siteId: string, list: CounterWithServices[]) {
  if (list.length === 0) return [];
  // `conn` may be a transaction: one connection runs one query at a time (pg 9 will insist).
  const agencies = await repo.agenciesOfSite(conn, siteId);
  const services = await repo.servicesWithAgencyOfSite(conn, siteId);
  const assignments = await repo.assignmentsOfCounters(conn, list.map((c) => c.id));
  const users = new Map((await staffLookup(ctx, [...new Set(assignments.map((a) => a.userId))], conn)).map((u) => [u.id, u]));
  return list.map((c) => {
    const a = agencies.find((x) => x.id === c.agencyId)!;
    return {
      id: c.id,
      siteId: c.siteId,
      agencyId: c.agencyId,
      agency: { id: a.id, name: a.name, shortName: a.shortName },
      number: c.number,
      name: c.name,
      zone: c.zone,
      location: c.location,
      active: c.active,
      serviceIds: c.serviceIds,
      services: services.filter((s) => c.serviceIds.includes(s.service.id)).map((s) => ({ id: s.service.id, code: s.service.code, name: s.service.name })),
      officers: assignments
        .filter((x) => x.counterId === c.id)
        .map((x) => users.get(x.userId))
        .filter((u) => u !== undefined)
        .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, active: u.active })),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  });
}

/** Staff: the site's counters with search and pages (agency_admin: their agency's counters). */
export async function listAdminCounters(ctx: AppContext, caller: Caller, siteId: string, q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive'; agencyId?: string }) {
  const scope = catalogListScope(caller.actor, siteId);
  const site = await siteByRef(ctx, siteId);
  const agencies = new Map((await repo.agenciesOfSite(ctx.db, site.id)).map((a) => [a.id, a]));
  let rows = (await repo.countersOfSite(ctx.db, site.id)).filter((c) => inScope(scope, c.agencyId));
  if (q.agencyId) rows = rows.filter((c) => c.agencyId === q.agencyId);
  rows = statusFilter(rows, q.status);
  rows = rankByQuery(rows, q.q, (c) => [
    { text: String(c.number), weight: 3 },
    { text: c.name, weight: 3 },
    { text: c.zone, weight: 1 },
    { text: c.location, weight: 1 },
    { text: agencies.get(c.agencyId)?.shortName, weight: 2 },
    { text: agencies.get(c.agencyId)?.name, weight: 1.5 },
  ]);
  const pageOf = paginate(rows, q.page, q.pageSize);
  return { ...pageOf, items: await presentAdmin(ctx, ctx.db, site.id, pageOf.items) };
}

async function loadCounter(conn: Conn, counterId: string) {
  const c = await repo.findCounter(conn, counterId);
  if (!c) throw notFound('Loket', 'Counter');
  return c;
}

export async function getAdminCounter(ctx: AppContext, caller: Caller, counterId: string) {
  const c = await loadCounter(ctx.db, counterId);
  authorizeAgencyCatalog(caller.actor, c.siteId, c.agencyId);
  const [out] = await presentAdmin(ctx, ctx.db, c.siteId, [c]);
  return out;
}

export interface CounterInput {
  agencyId?: string;
  number?: number;
  name?: string;
  zone?: string;
  location?: string;
  serviceIds?: string[];
  active?: boolean;
}

/** The agency must be of the site; every service served must belong to the counter's agency. */
async function checkCounter(conn: Conn, siteId: string, agencyId: string, serviceIds: string[] | undefined): Promise<void> {
  const errs = new FieldErrors();
  const agency = await repo.findAgency(conn, agencyId);
  if (!agency || agency.siteId !== siteId) errs.add('body.agencyId', 'unknown_agency', { id: 'Instansi tidak ada di MPP ini.', en: 'No such agency in this site.' });
  if (serviceIds?.length) {
    const services = new Map((await repo.servicesWithAgencyOfSite(conn, siteId)).map((r) => [r.service.id, r]));
    serviceIds.forEach((id, i) => {
      const s = services.get(id);
      if (!s) errs.add(`body.serviceIds.${i}`, 'unknown_service', { id: 'Layanan tidak ada di MPP ini.', en: 'No such service in this site.' });
      else if (s.service.agencyId !== agencyId) {
        errs.add(`body.serviceIds.${i}`, 'other_agency', {
          id: `Layanan "${s.service.name}" milik ${s.agency.shortName}, bukan instansi loket ini.`,
          en: `Service "${s.service.name}" belongs to ${s.agency.shortName}, not to this counter's agency.`,
        });
      }
    });
  }
  errs.throwIfAny();
}

/** Site admin: a new counter (desk) for an agency. */
export async function createCounter(ctx: AppContext, caller: Caller, siteId: string, input: CounterInput & { agencyId: string; number: number }) {
  authorizeSiteCatalog(caller.actor, siteId);
  await siteByRef(ctx, siteId);
  const serviceIds = [...new Set(input.serviceIds ?? [])];
  await checkCounter(ctx.db, siteId, input.agencyId, serviceIds);
  const now = ctx.clock.now();
  const row = await withConflicts(() =>
    transact(ctx, async (tx, emit) => {
      const c = await repo.insertCounter(tx, { id: uuidv7(), siteId, agencyId: input.agencyId, number: input.number, name: input.name ?? `Loket ${input.number}`, zone: input.zone ?? '', location: input.location ?? '', active: input.active ?? true, createdAt: now, updatedAt: now });
      await repo.replaceCounterServices(tx, c.id, serviceIds);
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.counter_created', siteId, agencyId: c.agencyId, targetType: 'counter', targetId: c.id, details: { number: c.number, name: c.name, serviceIds } });
      await emit({ siteId, type: 'catalog.changed', aggregateType: 'counter', aggregateId: c.id, payload: { entity: 'counter', id: c.id, action: 'created' } });
      return c;
    }),
  );
  return getAdminCounter(ctx, caller, row.id);
}

/**
 * Changes a counter. Its name, zone and services: the site admin or the agency admin of its
 * agency. Its number, agency and active flag: the site admin (they are the floor plan).
 * Counters are deactivated, never deleted: tickets refer to them.
 */
export async function updateCounter(ctx: AppContext, caller: Caller, counterId: string, input: CounterInput) {
  const current = await loadCounter(ctx.db, counterId);
  authorizeAgencyCatalog(caller.actor, current.siteId, current.agencyId);
  const cols = Object.fromEntries(Object.entries({ agencyId: input.agencyId, number: input.number, name: input.name, zone: input.zone, location: input.location, active: input.active }).filter(([, v]) => v !== undefined));
  const diff = changes(current as unknown as Record<string, unknown>, cols);
  if (diff.agencyId || diff.number || diff.active) authorizeSiteCatalog(caller.actor, current.siteId);
  const agencyId = input.agencyId ?? current.agencyId;
  const serviceIds = input.serviceIds ? [...new Set(input.serviceIds)] : undefined;
  await checkCounter(ctx.db, current.siteId, agencyId, serviceIds);
  const servicesChanged = serviceIds !== undefined && JSON.stringify([...serviceIds].sort()) !== JSON.stringify([...current.serviceIds].sort());
  if (Object.keys(diff).length || servicesChanged) {
    await withConflicts(() =>
      transact(ctx, async (tx, emit) => {
        if (Object.keys(diff).length) await repo.updateCounter(tx, counterId, { ...cols, updatedAt: ctx.clock.now() });
        if (serviceIds) await repo.replaceCounterServices(tx, counterId, serviceIds);
        else if (diff.agencyId) await repo.unlinkCounterFromOtherAgencies(tx, counterId, agencyId);
        if (diff.agencyId) {
          // Officers of the old agency no longer serve here.
          const assigned = await repo.assignmentsOfCounters(tx, [counterId]);
          const staff = await staffLookup(ctx, assigned.map((a) => a.userId), tx);
          await repo.replaceCounterOfficers(tx, counterId, staff.filter((u) => canServe(u, current.siteId, agencyId)).map((u) => u.id));
        }
        const action = diff.active ? (cols.active ? 'catalog.counter_activated' : 'catalog.counter_deactivated') : 'catalog.counter_updated';
        await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
          action,
          siteId: current.siteId,
          agencyId,
          targetType: 'counter',
          targetId: counterId,
          details: { number: current.number, changes: diff, ...(servicesChanged ? { serviceIds: { from: current.serviceIds, to: serviceIds } } : {}) },
        });
        await emit({ siteId: current.siteId, type: 'catalog.changed', aggregateType: 'counter', aggregateId: counterId, payload: { entity: 'counter', id: counterId, action: 'updated' } });
      }),
    );
  }
  return getAdminCounter(ctx, caller, counterId);
}

export const setCounterActive = (ctx: AppContext, caller: Caller, counterId: string, active: boolean) => updateCounter(ctx, caller, counterId, { active });

export async function getCounterOfficers(ctx: AppContext, caller: Caller, counterId: string) {
  const c = await getAdminCounter(ctx, caller, counterId);
  return { counterId: c.id, officers: c.officers };
}

/**
 * Who staffs a counter (site admin, or the agency admin of its agency). Each user must be active
 * and able to serve the counter's agency: an officer of that agency, or an admin covering it.
 */
export async function setCounterOfficers(ctx: AppContext, caller: Caller, counterId: string, userIds: string[]) {
  const c = await loadCounter(ctx.db, counterId);
  authorizeAgencyCatalog(caller.actor, c.siteId, c.agencyId);
  const ids = [...new Set(userIds)];
  const staff = new Map((await staffLookup(ctx, ids)).map((u) => [u.id, u]));
  const errs = new FieldErrors();
  userIds.forEach((id, i) => {
    const u = staff.get(id);
    if (!u) errs.add(`body.userIds.${i}`, 'unknown_user', { id: 'Pengguna tidak ditemukan.', en: 'No such user.' });
    else if (!u.active) errs.add(`body.userIds.${i}`, 'inactive_user', { id: `Akun ${u.username} tidak aktif.`, en: `The account ${u.username} is inactive.` });
    else if (!canServe(u, c.siteId, c.agencyId)) {
      errs.add(`body.userIds.${i}`, 'not_allowed', { id: `${u.username} bukan petugas instansi loket ini.`, en: `${u.username} is not staff of this counter's agency.` });
    }
  });
  errs.throwIfAny();
  const before = (await repo.assignmentsOfCounters(ctx.db, [counterId])).map((a) => a.userId).sort();
  if (JSON.stringify(before) !== JSON.stringify([...ids].sort())) {
    await transact(ctx, async (tx) => {
      await repo.replaceCounterOfficers(tx, counterId, ids);
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.counter_officers_set', siteId: c.siteId, agencyId: c.agencyId, targetType: 'counter', targetId: counterId, details: { number: c.number, from: before, to: ids } });
    });
  }
  return getCounterOfficers(ctx, caller, counterId);
}
