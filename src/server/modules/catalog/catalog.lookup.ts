/**
 * Catalogue reads for other modules (queue, booking, reports). They use these functions, never
 * the catalogue's tables. No authorization here: callers authorize their own use case.
 */
import { TtlCache } from '../../platform/cache';
import { notFound, nullIfNotFound } from '../../platform/errors';
import { onCommitted } from '../../platform/tx';
import type { AppContext } from '../../platform/context';
import { ambientConn, openTransaction, type Conn } from '../../platform/db';
import type { ScopeDirectory } from '../../platform/scopes';
import type { WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';

export async function getSite(ctx: AppContext, siteId: string, conn: Conn = ambientConn(ctx.db)) {
  const site = await repo.findSite(conn, siteId);
  if (!site) throw notFound('MPP', 'Site');
  return site;
}

/** An agency; 404 when unknown. */
export async function getAgency(ctx: AppContext, agencyId: string, conn: Conn = ambientConn(ctx.db)) {
  const agency = await repo.findAgency(conn, agencyId);
  if (!agency) throw notFound('Instansi', 'Agency');
  return agency;
}

/**
 * The sites and agencies access asks about (platform/scopes: whether a membership's site and
 * agency exist, and their names); buildApp puts it in AppContext.scopes. From the cached reads
 * below: /auth/me names its roles without a query (an unknown id is never cached, so a site or
 * agency created a moment ago is found).
 */
export const scopeDirectory: ScopeDirectory = {
  async find(ctx, { siteIds = [], agencyIds = [] }) {
    const sites = new Map<string, { name: string }>();
    const agencies = new Map<string, { siteId: string; shortName: string }>();
    // One after the other: on a miss inside a transaction, it runs one query at a time.
    for (const id of new Set(siteIds)) {
      const s = await cachedCatalog.getSite(ctx, id).catch(nullIfNotFound);
      if (s) sites.set(id, { name: s.name });
    }
    for (const id of new Set(agencyIds)) {
      const a = await cachedCatalog.getAgency(ctx, id).catch(nullIfNotFound);
      if (a) agencies.set(id, { siteId: a.siteId, shortName: a.shortName });
    }
    return { sites, agencies };
  },
};

/** A site by id or slug, or null (the province view links its demo records by slug). */
/** Every site's id and status (background runs over all MPPs: the monthly reports). */
export async function siteIds(ctx: Pick<AppContext, 'db'>, conn: Conn = ambientConn(ctx.db)) {
  return (await repo.listSites(conn)).map((s) => ({ id: s.id, status: s.status }));
}

export async function findSiteByRef(ctx: Pick<AppContext, 'db'>, ref: string, conn: Conn = ambientConn(ctx.db)) {
  return (await repo.findSiteByRef(conn, ref)) ?? null;
}

/** Active agencies and services per site (the province view's side-by-side figures). */
export const activeCountsOfSites = (ctx: AppContext, siteIds: readonly string[], conn: Conn = ambientConn(ctx.db)) => repo.activeCountsOfSites(conn, siteIds);

/**
 * Creating a site and setting its status inside another module's transaction (the province view
 * creates an MPP's site from its record and opens it on inauguration); `withSiteConflicts` turns
 * a taken slug into a 409 naming the field.
 */
export { insertSiteIn, setSiteStatusIn } from './sites.service';
export { withConflicts as withSiteConflicts } from './catalog.validation';

/** A service with its agency; 404 when unknown. */
export async function getService(ctx: AppContext, serviceId: string, conn: Conn = ambientConn(ctx.db)) {
  const found = await repo.findService(conn, serviceId);
  if (!found) throw notFound('Layanan', 'Service');
  return found;
}

/** A document type (jenis dokumen persyaratan); 404 when unknown. */
export async function getDocumentType(ctx: AppContext, id: string, conn: Conn = ambientConn(ctx.db)) {
  const d = await repo.findDocumentType(conn, id);
  if (!d) throw notFound('Jenis dokumen', 'Document type');
  return d;
}

/** Document types by their keys (a service's requirements name keys). */
export const documentTypesByKeys = (ctx: AppContext, keys: readonly string[], conn: Conn = ambientConn(ctx.db)) => repo.documentTypesByKeys(conn, keys);

/** Document types by id (unknown ids are left out). */
export const documentTypesByIds = (ctx: AppContext, ids: readonly string[], conn: Conn = ambientConn(ctx.db)) => repo.documentTypesByIds(conn, ids);

/** The hours that apply to a service: its own override, else its agency's. */
export function effectiveHours(service: { hours: WeeklyHoursJson | null }, agency: { hours: WeeklyHoursJson }): WeeklyHoursJson {
  return service.hours && Object.keys(service.hours).length ? service.hours : agency.hours;
}

export async function getCounter(ctx: AppContext, counterId: string, conn: Conn = ambientConn(ctx.db)) {
  const counter = await repo.findCounter(conn, counterId);
  if (!counter) throw notFound('Loket', 'Counter');
  return counter;
}

export const listCounters = (ctx: AppContext, siteId: string, conn: Conn = ambientConn(ctx.db)) => repo.countersOfSite(conn, siteId);

export const countersServing = (ctx: AppContext, serviceId: string, conn: Conn = ambientConn(ctx.db)) => repo.countersServing(conn, serviceId);

/** National holidays, cuti bersama and the site's own closures between two dates (inclusive). */
export async function closedDates(ctx: AppContext, siteId: string, from: string, to: string, conn: Conn = ambientConn(ctx.db)): Promise<Set<string>> {
  return new Set((await repo.closedDates(conn, siteId, from, to)).map((h) => h.date));
}

export const closedDays = (ctx: AppContext, siteId: string, from: string, to: string, conn: Conn = ambientConn(ctx.db)) => repo.closedDates(conn, siteId, from, to);

export const countersAssignedTo = (ctx: AppContext, userId: string, conn: Conn = ambientConn(ctx.db)) => repo.countersAssignedTo(conn, userId);

/** Every service of a site with its agency, by prefix (inactive ones included: callers filter). */
export const servicesWithAgencyOfSite = (ctx: AppContext, siteId: string, conn: Conn = ambientConn(ctx.db)) => repo.servicesWithAgencyOfSite(conn, siteId);

/**
 * Loads the demo sites, their catalogue and the demo logins (demo mode only: `loket seed --demo`,
 * LOKET_DEMO=1). Imported on demand, so a normal start never loads the demo data.
 */
export async function seedDemo(...args: Parameters<typeof import('./demo-seed').seedDemo>) {
  return (await import('./demo-seed')).seedDemo(...args);
}

/** The demo's logins and screens, printed by `npm run demo` once the server listens. */
export async function demoGuide(baseUrl: string): Promise<string> {
  return (await import('./demo-seed')).demoGuide(baseUrl);
}

// ---------------------------------------------------------------------------------------------
// Cached reads for hot paths

/** How old a cached catalogue read may be when no change event reached this process. */
export const CATALOG_CACHE_TTL_MS = 5_000;

interface Caches {
  epoch: number;
  site: TtlCache<Awaited<ReturnType<typeof getSite>>>;
  agency: TtlCache<Awaited<ReturnType<typeof getAgency>>>;
  service: TtlCache<Awaited<ReturnType<typeof getService>>>;
  counter: TtlCache<Awaited<ReturnType<typeof getCounter>>>;
  counters: TtlCache<Awaited<ReturnType<typeof listCounters>>>;
  serving: TtlCache<Awaited<ReturnType<typeof countersServing>>>;
  closed: TtlCache<Awaited<ReturnType<typeof closedDays>>>;
  services: TtlCache<Awaited<ReturnType<typeof servicesWithAgencyOfSite>>>;
}

const caches = new WeakMap<object, Caches>();
const subscribed = new WeakSet<object>();
/** Bumped by every catalogue change heard of; a cache of an older epoch is emptied before use. */
let epoch = 0;
const isCatalogChange = (e: { type: string }) => e.type === 'catalog.changed';
// This process's own catalogue changes: heard synchronously after their commit, before the
// admin's request answers.
onCommitted((events) => {
  if (events.some(isCatalogChange)) epoch++;
});

/** Empties every cached catalogue read of this process (tests: run a flow with cold caches). */
export function forgetCachedCatalog(): void {
  epoch++;
}

function cachesOf(ctx: AppContext): Caches {
  let c = caches.get(ctx.db);
  if (!c) {
    const ttl = CATALOG_CACHE_TTL_MS;
    c = { epoch, site: new TtlCache(ttl), agency: new TtlCache(ttl), service: new TtlCache(ttl), counter: new TtlCache(ttl), counters: new TtlCache(ttl), serving: new TtlCache(ttl), closed: new TtlCache(ttl), services: new TtlCache(ttl) };
    caches.set(ctx.db, c);
  }
  if (c.epoch !== epoch) {
    for (const cache of [c.site, c.agency, c.service, c.counter, c.counters, c.serving, c.closed, c.services]) cache.clear();
    c.epoch = epoch;
  }
  // Changes committed by other processes arrive through the bus (LISTEN/NOTIFY).
  if (!subscribed.has(ctx.bus)) {
    subscribed.add(ctx.bus);
    ctx.bus.subscribe((e) => {
      if (isCatalogChange(e)) epoch++;
    });
  }
  return c;
}

/**
 * The same lookups as above, from a small per-process cache, for paths that read the catalogue
 * on every request (every queue call reads its site, service or counter and the closed days).
 * A change made through the catalogue's services (they emit `catalog.changed`) is seen at once by
 * this process and by every other process as soon as its notification arrives; a change that
 * emits no event (SQL by hand) is seen after at most CATALOG_CACHE_TTL_MS.
 * Values are frozen and shared: never change them. Unknown ids are not cached (404 every time).
 * Inside a transaction they read through it on a miss (see `cached`); a transaction that must see
 * its own catalogue writes uses the uncached functions.
 */
export const cachedCatalog = {
  getSite: (ctx: AppContext, siteId: string) => cached(ctx, 'site', siteId, (conn) => getSite(ctx, siteId, conn)),
  getAgency: (ctx: AppContext, agencyId: string) => cached(ctx, 'agency', agencyId, (conn) => getAgency(ctx, agencyId, conn)),
  getService: (ctx: AppContext, serviceId: string) => cached(ctx, 'service', serviceId, (conn) => getService(ctx, serviceId, conn)),
  getCounter: (ctx: AppContext, counterId: string) => cached(ctx, 'counter', counterId, (conn) => getCounter(ctx, counterId, conn)),
  listCounters: (ctx: AppContext, siteId: string) => cached(ctx, 'counters', siteId, (conn) => listCounters(ctx, siteId, conn)),
  countersServing: (ctx: AppContext, serviceId: string) => cached(ctx, 'serving', serviceId, (conn) => countersServing(ctx, serviceId, conn)),
  closedDays: (ctx: AppContext, siteId: string, from: string, to: string) => cached(ctx, 'closed', `${siteId}|${from}|${to}`, (conn) => closedDays(ctx, siteId, from, to, conn)),
  servicesWithAgencyOfSite: (ctx: AppContext, siteId: string) => cached(ctx, 'services', siteId, (conn) => servicesWithAgencyOfSite(ctx, siteId, conn)),
};

type CacheName = Exclude<keyof Caches, 'epoch'>;
type ValueOf<N extends CacheName> = Caches[N] extends TtlCache<infer V> ? V : never;

/**
 * One cached read. Inside a transaction (PGlite: the only connection) a miss reads through that
 * transaction and does not wait for another request's load, which would queue behind this very
 * transaction; what it reads is not kept (it could be a write of this transaction that rolls back).
 */
function cached<N extends CacheName>(ctx: AppContext, name: N, key: string, load: (conn: Conn) => Promise<ValueOf<N>>): Promise<ValueOf<N>> {
  const cache = cachesOf(ctx)[name] as unknown as TtlCache<ValueOf<N>>;
  const tx = openTransaction(ctx.db);
  if (!tx) return cache.get(key, () => load(ctx.db));
  const hit = cache.peek(key);
  return hit ? Promise.resolve(hit.value) : load(tx);
}
