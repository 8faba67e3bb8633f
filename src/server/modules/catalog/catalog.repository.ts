import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Conn } from '../../platform/db';
import { agencies, counterAssignments, counterServices, counters, holidays, services, sites } from './catalog.schema';

export type SiteRow = typeof sites.$inferSelect;

export function listSites(conn: Conn) {
  return conn.select().from(sites).orderBy(asc(sites.name));
}

export async function findSite(conn: Conn, id: string): Promise<SiteRow | undefined> {
  const [s] = await conn.select().from(sites).where(eq(sites.id, id));
  return s;
}

export type AgencyRow = typeof agencies.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;

export async function findService(conn: Conn, id: string) {
  const [r] = await conn.select({ service: services, agency: agencies }).from(services).innerJoin(agencies, eq(agencies.id, services.agencyId)).where(eq(services.id, id));
  return r;
}

export async function findCounter(conn: Conn, id: string) {
  const [c] = await conn.select().from(counters).where(eq(counters.id, id));
  if (!c) return undefined;
  const svc = await conn.select({ serviceId: counterServices.serviceId }).from(counterServices).where(eq(counterServices.counterId, id));
  return { ...c, serviceIds: svc.map((s) => s.serviceId) };
}

export async function countersOfSite(conn: Conn, siteId: string) {
  const cs = await conn.select().from(counters).where(eq(counters.siteId, siteId)).orderBy(asc(counters.number));
  const links = cs.length
    ? await conn.select().from(counterServices).where(inArray(counterServices.counterId, cs.map((c) => c.id)))
    : [];
  return cs.map((c) => ({ ...c, serviceIds: links.filter((l) => l.counterId === c.id).map((l) => l.serviceId) }));
}

export async function countersServing(conn: Conn, serviceId: string) {
  return conn
    .select({ id: counters.id, active: counters.active })
    .from(counterServices)
    .innerJoin(counters, eq(counters.id, counterServices.counterId))
    .where(eq(counterServices.serviceId, serviceId));
}

export async function closedDates(conn: Conn, siteId: string, from: string, to: string): Promise<Array<{ date: string; name: string; kind: string }>> {
  return conn
    .select({ date: holidays.date, name: holidays.name, kind: holidays.kind })
    .from(holidays)
    .where(and(or(isNull(holidays.siteId), eq(holidays.siteId, siteId)), gte(holidays.date, from), lte(holidays.date, to)))
    .orderBy(asc(holidays.date));
}

export async function countersAssignedTo(conn: Conn, userId: string): Promise<string[]> {
  const rows = await conn.select({ id: counterAssignments.counterId }).from(counterAssignments).where(eq(counterAssignments.userId, userId));
  return rows.map((r) => r.id);
}

/** Every service of a site with its agency (read-only; used by the queue's display summary). */
export function servicesWithAgencyOfSite(conn: Conn, siteId: string) {
  return conn
    .select({ service: services, agency: agencies })
    .from(services)
    .innerJoin(agencies, eq(agencies.id, services.agencyId))
    .where(eq(services.siteId, siteId))
    .orderBy(asc(services.prefix));
}
