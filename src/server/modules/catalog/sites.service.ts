import { IANAZone } from 'luxon';
import { uuidv7 } from 'uuidv7';
import { indonesianHolidays } from '../../../domain/holidays';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { anonymous, authorize } from '../../platform/authz';
import { memoryBus } from '../../platform/bus';
import type { Clock } from '../../platform/clock';
import type { AppContext, Caller } from '../../platform/context';
import { ambientConn, type Conn, type Db } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { transact, type Emit } from '../../platform/tx';
import type { WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';
import { changes, closureWindow, openState } from './catalog.view';
import { FieldErrors, SLUG_RE, withConflicts } from './catalog.validation';

/** Public: every site, for the landing page and integrators (DESIGN §6). */
export async function listPublicSites(ctx: AppContext) {
  const rows = await repo.listSites(ctx.db);
  return rows.map((s) => ({ id: s.id, slug: s.slug, name: s.name, timeZone: s.timeZone, status: s.status, regency: s.regency, province: s.province }));
}

/** A site by id or slug; 404 when unknown. */
export async function siteByRef(ctx: AppContext, ref: string, conn: Conn = ambientConn(ctx.db)): Promise<repo.SiteRow> {
  const site = await repo.findSiteByRef(conn, ref);
  if (!site) throw notFound('MPP', 'Site');
  return site;
}

/** The union of the hours of several agencies: the site is open when any agency is. */
function unionHours(list: WeeklyHoursJson[]): WeeklyHoursJson {
  const out: WeeklyHoursJson = {};
  for (const h of list) {
    for (const [d, ranges] of Object.entries(h) as Array<[keyof WeeklyHoursJson, WeeklyHoursJson['1']]>) {
      if (ranges?.length) out[d] = [...(out[d] ?? []), ...ranges];
    }
  }
  return out;
}

/** Public: the site page (address, contacts, maklumat, open now). No login. */
export async function getPublicSite(ctx: AppContext, ref: string) {
  const site = await siteByRef(ctx, ref);
  const now = ctx.clock.now();
  const [agencyRows, serviceRows, window] = await Promise.all([repo.agenciesOfSite(ctx.db, site.id), repo.servicesWithAgencyOfSite(ctx.db, site.id), closureWindow(ctx.db, site, now)]);
  const activeAgencies = agencyRows.filter((a) => a.active);
  return {
    id: site.id,
    slug: site.slug,
    name: site.name,
    regency: site.regency,
    province: site.province,
    address: site.address,
    latitude: site.latitude,
    longitude: site.longitude,
    timeZone: site.timeZone,
    status: site.status,
    description: site.description,
    contacts: { phone: site.phone, email: site.email, whatsapp: site.whatsapp, website: site.website },
    maklumat: site.maklumat,
    agencyCount: activeAgencies.length,
    serviceCount: serviceRows.filter((r) => r.service.active && r.agency.active).length,
    ...openState(unionHours(activeAgencies.map((a) => a.hours)), window, site.timeZone, now),
  };
}

/**
 * National holidays and cuti bersama of the given years, added where missing (existing rows,
 * possibly edited by a platform admin, are kept). Returns how many were added.
 */
export async function ensureNationalHolidays(conn: Conn, now: Date, years: number[]): Promise<number> {
  let added = 0;
  for (const year of years) {
    const list = indonesianHolidays(year);
    added += await repo.insertHolidays(conn, list.map((h) => ({ id: uuidv7(), siteId: null, date: h.date, name: h.name, kind: h.kind, createdAt: now })));
  }
  return added;
}

export interface SiteInput {
  slug?: string;
  timeZone?: string;
  name?: string;
  regency?: string;
  province?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  status?: string;
  description?: string;
  phone?: string | null;
  email?: string | null;
  whatsapp?: string | null;
  website?: string | null;
  maklumat?: string | null;
}

function checkSite(input: SiteInput): void {
  const errs = new FieldErrors();
  if (input.slug !== undefined && !SLUG_RE.test(input.slug)) {
    errs.add('body.slug', 'invalid_slug', { id: 'Slug hanya huruf kecil, angka dan tanda hubung (mis. mpp-samarinda).', en: 'The slug may contain only lowercase letters, digits and dashes (e.g. mpp-samarinda).' });
  }
  if (input.timeZone !== undefined && !IANAZone.isValidZone(input.timeZone)) {
    errs.add('body.timeZone', 'invalid_zone', { id: 'Zona waktu tidak dikenal; gunakan nama IANA seperti Asia/Makassar (WITA).', en: 'Unknown time zone; use an IANA name such as Asia/Makassar (WITA).' });
  }
  if ((input.latitude == null) !== (input.longitude == null) && input.latitude !== undefined && input.longitude !== undefined) {
    errs.add('body.longitude', 'incomplete_coordinates', { id: 'Isi lintang dan bujur bersama-sama.', en: 'Give latitude and longitude together.' });
  }
  errs.throwIfAny();
}

/** Platform admin: a new site. National holidays of this and next year are seeded if missing. */
export async function createSite(ctx: AppContext, caller: Caller, input: SiteInput & { slug: string; timeZone: string; name: string }) {
  authorize(caller.actor, 'platform.manage');
  checkSite(input);
  const site = await withConflicts(() => transact(ctx, (tx, emit) => insertSiteIn(tx, emit, ctx, caller, input)));
  return getPublicSite(ctx, site.id);
}

/**
 * The insert of a new site with its national holidays, audit row and event, inside the caller's
 * transaction (the province view creates an MPP's site and links it in one unit of work). The
 * caller authorizes (platform.manage) and maps unique violations (`withConflicts`: the slug).
 */
export async function insertSiteIn(tx: Conn, emit: Emit, ctx: Pick<AppContext, 'clock'>, caller: Caller, input: SiteInput & { slug: string; timeZone: string; name: string }, via?: string) {
  checkSite(input);
  const now = ctx.clock.now();
  const row = await repo.insertSite(tx, {
    id: uuidv7(),
    slug: input.slug,
    name: input.name,
    timeZone: input.timeZone,
    regency: input.regency ?? '',
    province: input.province ?? '',
    address: input.address ?? '',
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    status: input.status ?? 'preparation',
    description: input.description ?? '',
    phone: input.phone ?? null,
    email: input.email ?? null,
    whatsapp: input.whatsapp ?? null,
    website: input.website ?? null,
    maklumat: input.maklumat ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const year = Number(localDate(now, row.timeZone).slice(0, 4));
  const holidaysAdded = await ensureNationalHolidays(tx, now, [year, year + 1]);
  await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'site.created', siteId: row.id, targetType: 'site', targetId: row.id, details: { slug: row.slug, name: row.name, holidaysAdded, ...(via ? { via } : {}) } });
  await emit({ siteId: row.id, type: 'catalog.changed', aggregateType: 'site', aggregateId: row.id, payload: { entity: 'site', id: row.id, action: 'created' } });
  return row;
}

/**
 * `loket site:create`: the operator at the server's shell creates a site (a fresh install has no
 * platform admin signed in yet, or prefers scripts). The shell is trusted like `user:create`; the
 * audit row says it came from there. Same checks and conflicts as the API.
 */
export async function createSiteFromShell(deps: { db: Db; clock: Clock }, input: SiteInput & { slug: string; timeZone: string; name: string }) {
  checkSite(input);
  const caller: Caller = { actor: anonymous, ip: null };
  return withConflicts(() => transact({ ...deps, bus: memoryBus() }, (tx, emit) => insertSiteIn(tx, emit, deps, caller, input, 'cli')));
}

/**
 * A site's status (preparation, trial, operating, closed) set inside the caller's transaction,
 * audited with the caller's action name (the province view: `diresmikan` makes it operating).
 * Nothing is written when it already has that status.
 */
export async function setSiteStatusIn(tx: Conn, emit: Emit, ctx: AppContext, caller: Caller, siteId: string, status: string, audit: { action: string; details?: Record<string, unknown> }) {
  const before = await repo.findSite(tx, siteId);
  if (!before) throw notFound('MPP', 'Site');
  if (before.status === status) return before;
  const row = await repo.updateSite(tx, siteId, { status, updatedAt: ctx.clock.now() });
  await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: audit.action, siteId, targetType: 'site', targetId: siteId, details: { changes: { status: { from: before.status, to: status } }, ...audit.details } });
  await emit({ siteId, type: 'catalog.changed', aggregateType: 'site', aggregateId: siteId, payload: { entity: 'site', id: siteId, action: 'updated' } });
  return row!;
}

/** Site admin: name, address, contacts, maklumat, status. Slug and zone: platform admin only. */
export async function updateSite(ctx: AppContext, caller: Caller, siteId: string, input: SiteInput) {
  authorize(caller.actor, 'site.manage', { siteId });
  const current = await repo.findSite(ctx.db, siteId);
  if (!current) throw notFound('MPP', 'Site');
  // The slug is in links and the zone decides every date: changing them is a platform decision.
  if ((input.slug !== undefined && input.slug !== current.slug) || (input.timeZone !== undefined && input.timeZone !== current.timeZone)) {
    authorize(caller.actor, 'platform.manage');
  }
  checkSite(input);
  await withConflicts(() =>
    transact(ctx, async (tx, emit) => {
      const before = await repo.findSite(tx, siteId);
      if (!before) throw notFound('MPP', 'Site');
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const diff = changes(before as unknown as Record<string, unknown>, patch);
      if (Object.keys(diff).length === 0) return;
      await repo.updateSite(tx, siteId, { ...patch, updatedAt: ctx.clock.now() });
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'site.updated', siteId, targetType: 'site', targetId: siteId, details: { changes: diff } });
      await emit({ siteId, type: 'catalog.changed', aggregateType: 'site', aggregateId: siteId, payload: { entity: 'site', id: siteId, action: 'updated' } });
    }),
  );
  return getPublicSite(ctx, siteId);
}
