import { and, asc, eq, gte, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Conn } from '../../platform/db';
import { agencies, counterAssignments, counterServices, counters, documentTypes, holidays, services, sites } from './catalog.schema';

export type SiteRow = typeof sites.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;
export type DocumentTypeRow = typeof documentTypes.$inferSelect;
export type HolidayRow = typeof holidays.$inferSelect;

// ---------- sites ----------

export function listSites(conn: Conn) {
  return conn.select().from(sites).orderBy(asc(sites.name));
}

export async function findSite(conn: Conn, id: string): Promise<SiteRow | undefined> {
  const [s] = await conn.select().from(sites).where(eq(sites.id, id));
  return s;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By id when the reference looks like a UUID, else by slug. */
export async function findSiteByRef(conn: Conn, ref: string): Promise<SiteRow | undefined> {
  const [s] = await conn
    .select()
    .from(sites)
    .where(UUID_RE.test(ref) ? eq(sites.id, ref) : eq(sites.slug, ref.toLowerCase()));
  return s;
}

export async function insertSite(conn: Conn, row: typeof sites.$inferInsert): Promise<SiteRow> {
  const [s] = await conn.insert(sites).values(row).returning();
  return s;
}

export async function updateSite(conn: Conn, id: string, patch: Partial<typeof sites.$inferInsert>): Promise<SiteRow | undefined> {
  const [s] = await conn.update(sites).set(patch).where(eq(sites.id, id)).returning();
  return s;
}

/** Active agencies and active services (of active agencies) per site, in one statement (the province view). */
export async function activeCountsOfSites(conn: Conn, siteIds: readonly string[]): Promise<Map<string, { agencies: number; services: number }>> {
  if (!siteIds.length) return new Map();
  const r = await conn
    .select({
      siteId: agencies.siteId,
      agencies: sql<number>`count(DISTINCT ${agencies.id}) FILTER (WHERE ${agencies.active})::int`,
      services: sql<number>`count(${services.id}) FILTER (WHERE ${agencies.active} AND ${services.active})::int`,
    })
    .from(agencies)
    .leftJoin(services, eq(services.agencyId, agencies.id))
    .where(inArray(agencies.siteId, [...siteIds]))
    .groupBy(agencies.siteId);
  return new Map(r.map((x) => [x.siteId, { agencies: Number(x.agencies), services: Number(x.services) }]));
}

/** Locks a site's catalogue for the rest of the transaction (imports, counter renumbering). */
export async function lockSiteCatalog(conn: Conn, siteId: string): Promise<void> {
  await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`loket:catalog:${siteId}`}))`);
}

// ---------- agencies ----------

export function agenciesOfSite(conn: Conn, siteId: string): Promise<AgencyRow[]> {
  return conn.select().from(agencies).where(eq(agencies.siteId, siteId)).orderBy(asc(agencies.name));
}

export async function findAgency(conn: Conn, id: string): Promise<AgencyRow | undefined> {
  const [a] = await conn.select().from(agencies).where(eq(agencies.id, id));
  return a;
}

export async function insertAgency(conn: Conn, row: typeof agencies.$inferInsert): Promise<AgencyRow> {
  const [a] = await conn.insert(agencies).values(row).returning();
  return a;
}

export async function updateAgency(conn: Conn, id: string, patch: Partial<typeof agencies.$inferInsert>): Promise<AgencyRow | undefined> {
  const [a] = await conn.update(agencies).set(patch).where(eq(agencies.id, id)).returning();
  return a;
}

/** Deactivates an agency's services and counters (when the agency leaves); returns how many. */
export async function deactivateAgencyChildren(conn: Conn, agencyId: string, at: Date) {
  const s = await conn.update(services).set({ active: false, updatedAt: at }).where(and(eq(services.agencyId, agencyId), eq(services.active, true))).returning({ id: services.id });
  const c = await conn.update(counters).set({ active: false, updatedAt: at }).where(and(eq(counters.agencyId, agencyId), eq(counters.active, true))).returning({ id: counters.id });
  return { services: s.length, counters: c.length };
}

// ---------- services ----------

export async function findService(conn: Conn, id: string) {
  const [r] = await conn.select({ service: services, agency: agencies }).from(services).innerJoin(agencies, eq(agencies.id, services.agencyId)).where(eq(services.id, id));
  return r;
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

export async function insertService(conn: Conn, row: typeof services.$inferInsert): Promise<ServiceRow> {
  const [s] = await conn.insert(services).values(row).returning();
  return s;
}

/** Several services in one statement (the demo seed). */
export async function insertServices(conn: Conn, rowsIn: Array<typeof services.$inferInsert>): Promise<void> {
  if (rowsIn.length) await conn.insert(services).values(rowsIn);
}

export async function updateService(conn: Conn, id: string, patch: Partial<typeof services.$inferInsert>): Promise<ServiceRow | undefined> {
  const [s] = await conn.update(services).set(patch).where(eq(services.id, id)).returning();
  return s;
}

/** Unlinks a service from counters of other agencies (after the service moved agency). */
export async function unlinkServiceFromOtherAgencies(conn: Conn, serviceId: string, agencyId: string): Promise<void> {
  const foreign = conn.select({ id: counters.id }).from(counters).where(ne(counters.agencyId, agencyId));
  await conn.delete(counterServices).where(and(eq(counterServices.serviceId, serviceId), inArray(counterServices.counterId, foreign)));
}

// ---------- counters ----------

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

/** Active counters serving a service, for the public service page. */
export function activeCountersOfService(conn: Conn, serviceId: string) {
  return conn
    .select({ id: counters.id, number: counters.number, name: counters.name })
    .from(counterServices)
    .innerJoin(counters, eq(counters.id, counterServices.counterId))
    .where(and(eq(counterServices.serviceId, serviceId), eq(counters.active, true)))
    .orderBy(asc(counters.number));
}

export async function insertCounter(conn: Conn, row: typeof counters.$inferInsert): Promise<CounterRow> {
  const [c] = await conn.insert(counters).values(row).returning();
  return c;
}

export async function updateCounter(conn: Conn, id: string, patch: Partial<typeof counters.$inferInsert>): Promise<CounterRow | undefined> {
  const [c] = await conn.update(counters).set(patch).where(eq(counters.id, id)).returning();
  return c;
}

export async function replaceCounterServices(conn: Conn, counterId: string, serviceIds: readonly string[]): Promise<void> {
  await conn.delete(counterServices).where(serviceIds.length ? and(eq(counterServices.counterId, counterId), notInArray(counterServices.serviceId, [...serviceIds])) : eq(counterServices.counterId, counterId));
  if (serviceIds.length) await conn.insert(counterServices).values(serviceIds.map((serviceId) => ({ counterId, serviceId }))).onConflictDoNothing();
}

/** Drops links from an agency's counters to services of other agencies (after a counter moved agency). */
export async function unlinkCounterFromOtherAgencies(conn: Conn, counterId: string, agencyId: string): Promise<void> {
  const foreign = conn.select({ id: services.id }).from(services).where(ne(services.agencyId, agencyId));
  await conn.delete(counterServices).where(and(eq(counterServices.counterId, counterId), inArray(counterServices.serviceId, foreign)));
}

export async function countersAssignedTo(conn: Conn, userId: string): Promise<string[]> {
  const rows = await conn.select({ id: counterAssignments.counterId }).from(counterAssignments).where(eq(counterAssignments.userId, userId));
  return rows.map((r) => r.id);
}

export async function assignmentsOfCounters(conn: Conn, counterIds: readonly string[]) {
  if (counterIds.length === 0) return [];
  return conn.select().from(counterAssignments).where(inArray(counterAssignments.counterId, [...counterIds]));
}

export async function replaceCounterOfficers(conn: Conn, counterId: string, userIds: readonly string[]): Promise<void> {
  await conn.delete(counterAssignments).where(userIds.length ? and(eq(counterAssignments.counterId, counterId), notInArray(counterAssignments.userId, [...userIds])) : eq(counterAssignments.counterId, counterId));
  if (userIds.length) await conn.insert(counterAssignments).values(userIds.map((userId) => ({ counterId, userId }))).onConflictDoNothing();
}

// ---------- document types ----------

/** `sites`: shared types plus those of these sites only; 'all': every type. */
export function listDocumentTypes(conn: Conn, activeOnly: boolean, sites: 'all' | readonly string[] = 'all'): Promise<DocumentTypeRow[]> {
  const visible = sites === 'all' ? undefined : sites.length ? or(isNull(documentTypes.siteId), inArray(documentTypes.siteId, [...sites])) : isNull(documentTypes.siteId);
  return conn
    .select()
    .from(documentTypes)
    .where(and(activeOnly ? eq(documentTypes.active, true) : undefined, visible))
    .orderBy(asc(documentTypes.name));
}

export async function findDocumentType(conn: Conn, id: string): Promise<DocumentTypeRow | undefined> {
  const [d] = await conn.select().from(documentTypes).where(eq(documentTypes.id, id));
  return d;
}

export async function documentTypesByKeys(conn: Conn, keys: readonly string[]): Promise<DocumentTypeRow[]> {
  if (keys.length === 0) return [];
  return conn.select().from(documentTypes).where(inArray(documentTypes.key, [...new Set(keys)]));
}

export async function documentTypesByIds(conn: Conn, ids: readonly string[]): Promise<DocumentTypeRow[]> {
  if (!ids.length) return [];
  return conn.select().from(documentTypes).where(inArray(documentTypes.id, [...new Set(ids)]));
}

/** Inserts unless the key exists; returns the row, or undefined when the key was taken. */
export async function insertDocumentType(conn: Conn, row: typeof documentTypes.$inferInsert): Promise<DocumentTypeRow | undefined> {
  const [d] = await conn.insert(documentTypes).values(row).onConflictDoNothing({ target: documentTypes.key }).returning();
  return d;
}

/** Several types in one statement; a type that clashes with an existing one (key or name) is left out. */
export async function insertDocumentTypesIfAbsent(conn: Conn, rowsIn: Array<typeof documentTypes.$inferInsert>): Promise<void> {
  if (rowsIn.length) await conn.insert(documentTypes).values(rowsIn).onConflictDoNothing();
}

export async function updateDocumentType(conn: Conn, id: string, patch: Partial<typeof documentTypes.$inferInsert>): Promise<DocumentTypeRow | undefined> {
  const [d] = await conn.update(documentTypes).set(patch).where(eq(documentTypes.id, id)).returning();
  return d;
}

/** Serialises changes of document type names for the rest of the transaction (names are unique, case aside). */
export async function lockDocumentTypes(conn: Conn): Promise<void> {
  await conn.execute(sql`SELECT pg_advisory_xact_lock(hashtext('loket:document-types'))`);
}

/**
 * A document type whose name equals `name` ignoring case and repeated spaces (other than
 * `exceptId`), among the types a site's staff would see next to it: for a type of site S, the
 * shared ones and S's own; for a shared type (`siteId` null), every type.
 */
export async function documentTypeNamed(conn: Conn, name: string, scope: { siteId: string | null; exceptId?: string }): Promise<DocumentTypeRow | undefined> {
  const norm = (v: unknown) => sql`lower(regexp_replace(btrim(${v}), '[[:space:]]+', ' ', 'g'))`;
  const [d] = await conn
    .select()
    .from(documentTypes)
    .where(
      and(
        sql`${norm(documentTypes.name)} = ${norm(name)}`,
        scope.exceptId ? ne(documentTypes.id, scope.exceptId) : undefined,
        scope.siteId ? or(isNull(documentTypes.siteId), eq(documentTypes.siteId, scope.siteId)) : undefined,
      ),
    )
    .limit(1);
  return d;
}

/** How many active services (of every site) name each document type key in their requirements. */
export async function documentTypeUsage(conn: Conn): Promise<Map<string, number>> {
  const rows = await conn.execute(
    sql`SELECT r->>'documentTypeKey' AS key, count(DISTINCT ${services.id})::int AS n FROM ${services}, jsonb_array_elements(${services.requirements}) r WHERE ${services.active} GROUP BY 1`,
  );
  return new Map((rows as unknown as { rows: Array<{ key: string; n: number }> }).rows.map((r) => [r.key, Number(r.n)]));
}

// ---------- holidays ----------

/**
 * The dates a site is closed between two dates (inclusive): national holidays and cuti bersama
 * unless the site marked the date 'open', plus the site's own closures.
 */
export async function closedDates(conn: Conn, siteId: string, from: string, to: string): Promise<Array<{ date: string; name: string; kind: string }>> {
  const rows = await holidayRows(conn, siteId, from, to);
  return effectiveClosures(rows);
}

/** National rows and the site's own rows between two dates, by date. */
export function holidayRows(conn: Conn, siteId: string | null, from: string, to: string): Promise<HolidayRow[]> {
  return conn
    .select()
    .from(holidays)
    .where(and(siteId ? or(isNull(holidays.siteId), eq(holidays.siteId, siteId)) : isNull(holidays.siteId), gte(holidays.date, from), lte(holidays.date, to)))
    .orderBy(asc(holidays.date), sql`${holidays.siteId} ASC NULLS FIRST`);
}

/** Applies a site's 'open' overrides to holiday rows: what remains closes the site. */
export function effectiveClosures(rows: ReadonlyArray<Pick<HolidayRow, 'date' | 'name' | 'kind' | 'siteId'>>): Array<{ date: string; name: string; kind: string }> {
  const open = new Set(rows.filter((r) => r.siteId !== null && r.kind === 'open').map((r) => r.date));
  const out = new Map<string, { date: string; name: string; kind: string }>();
  for (const r of rows) {
    if (r.kind === 'open' || open.has(r.date)) continue;
    // A site's own closure wins over a national row on the same date (more specific name).
    if (!out.has(r.date) || r.siteId !== null) out.set(r.date, { date: r.date, name: r.name, kind: r.kind });
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export async function findHoliday(conn: Conn, id: string): Promise<HolidayRow | undefined> {
  const [h] = await conn.select().from(holidays).where(eq(holidays.id, id));
  return h;
}

/** Inserts unless that scope already has a row on that date; undefined when it had. */
export async function insertHoliday(conn: Conn, row: typeof holidays.$inferInsert): Promise<HolidayRow | undefined> {
  const [h] = await conn.insert(holidays).values(row).onConflictDoNothing().returning();
  return h;
}

export async function insertHolidays(conn: Conn, rowsIn: Array<typeof holidays.$inferInsert>): Promise<number> {
  if (rowsIn.length === 0) return 0;
  const r = await conn.insert(holidays).values(rowsIn).onConflictDoNothing().returning({ id: holidays.id });
  return r.length;
}

export async function updateHoliday(conn: Conn, id: string, patch: Partial<typeof holidays.$inferInsert>): Promise<HolidayRow | undefined> {
  const [h] = await conn.update(holidays).set(patch).where(eq(holidays.id, id)).returning();
  return h;
}

export async function deleteHoliday(conn: Conn, id: string): Promise<boolean> {
  const r = await conn.delete(holidays).where(eq(holidays.id, id)).returning({ id: holidays.id });
  return r.length > 0;
}
