import { uuidv7 } from 'uuidv7';
import { rankByQuery } from '../../../domain/search';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import type { InternalStandardJson, RequirementJson, WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';
import { authorizeAgencyCatalog, catalogListScope, inScope } from './catalog.access';
import { effectiveHours } from './catalog.lookup';
import { changes, closureWindow, documentNames, hoursText, openState, paginate, presentPublicService, serviceSearchFields, statusFilter } from './catalog.view';
import { checkCode, checkFee, checkHours, checkPrefix, FieldErrors, withConflicts } from './catalog.validation';
import { byKindThenName } from './agencies.service';
import { siteByRef } from './sites.service';

type Row = { service: repo.ServiceRow; agency: repo.AgencyRow };

/** Catalogue order: agencies by kind and name, then services by name. */
const catalogueOrder = (a: Row, b: Row) => byKindThenName(a.agency, b.agency) || a.service.name.localeCompare(b.service.name, 'id');

/**
 * Public (DESIGN §6): the active services of a site with their published standard. `q` searches
 * names, codes, keywords and agency names, tolerant of case, diacritics and punctuation.
 */
export async function listPublicServices(ctx: AppContext, siteRef: string, q: { q?: string; agencyId?: string; bookable?: 'true' | 'false' }) {
  const site = await siteByRef(ctx, siteRef);
  const [rows, docs] = await Promise.all([repo.servicesWithAgencyOfSite(ctx.db, site.id), documentNames(ctx.db)]);
  let list = rows.filter((r) => r.service.active && r.agency.active).sort(catalogueOrder);
  if (q.agencyId) list = list.filter((r) => r.agency.id === q.agencyId);
  if (q.bookable) list = list.filter((r) => r.service.bookable === (q.bookable === 'true'));
  list = rankByQuery(list, q.q, (r) => serviceSearchFields(r.service, r.agency));
  return list.map((r) => presentPublicService(r.service, r.agency, docs));
}

/** Public: one service's page: standard, agency, site, hours and whether it is open now. */
export async function getPublicService(ctx: AppContext, serviceId: string) {
  const found = await repo.findService(ctx.db, serviceId);
  if (!found || !found.service.active || !found.agency.active) throw notFound('Layanan', 'Service');
  const site = await siteByRef(ctx, found.service.siteId);
  const now = ctx.clock.now();
  const [docs, counterRows, window] = await Promise.all([documentNames(ctx.db), repo.activeCountersOfService(ctx.db, serviceId), closureWindow(ctx.db, site, now)]);
  const hours = effectiveHours(found.service, found.agency);
  return {
    ...presentPublicService(found.service, found.agency, docs),
    site: { id: site.id, slug: site.slug, name: site.name, timeZone: site.timeZone },
    hours,
    hoursText: hoursText(hours),
    counters: counterRows,
    ...openState(hours, window, site.timeZone, now),
  };
}

async function presentAdmin(conn: Conn, rows: Row[]) {
  if (rows.length === 0) return [];
  const docs = await documentNames(conn);
  const counters = await repo.countersOfSite(conn, rows[0].service.siteId);
  return rows.map(({ service: s, agency: a }) => ({
    ...presentPublicService(s, a, docs),
    siteId: s.siteId,
    agencyId: s.agencyId,
    internal: s.internal,
    hours: s.hours && Object.keys(s.hours).length ? s.hours : null,
    hoursText: s.hours && Object.keys(s.hours).length ? hoursText(s.hours) : null,
    walkInQuota: s.walkInQuota,
    bookingQuota: s.bookingQuota,
    active: s.active,
    counterIds: counters.filter((c) => c.serviceIds.includes(s.id)).map((c) => c.id),
    durationText: s.durationText,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }));
}

/** Staff: every service of the site (inactive too) with search and pages; agency_admin: own agency. */
export async function listAdminServices(
  ctx: AppContext,
  caller: Caller,
  siteId: string,
  q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive'; agencyId?: string },
) {
  const scope = catalogListScope(caller.actor, siteId);
  const site = await siteByRef(ctx, siteId);
  let rows = (await repo.servicesWithAgencyOfSite(ctx.db, site.id)).filter((r) => inScope(scope, r.agency.id)).sort(catalogueOrder);
  if (q.agencyId) rows = rows.filter((r) => r.agency.id === q.agencyId);
  rows = statusFilter(rows.map((r) => ({ ...r, active: r.service.active })), q.status);
  rows = rankByQuery(rows, q.q, (r) => serviceSearchFields(r.service, r.agency));
  const pageOf = paginate(rows, q.page, q.pageSize);
  return { ...pageOf, items: await presentAdmin(ctx.db, pageOf.items) };
}

async function loadService(conn: Conn, serviceId: string): Promise<Row> {
  const found = await repo.findService(conn, serviceId);
  if (!found) throw notFound('Layanan', 'Service');
  return found;
}

export async function getAdminService(ctx: AppContext, caller: Caller, serviceId: string) {
  const found = await loadService(ctx.db, serviceId);
  authorizeAgencyCatalog(caller.actor, found.service.siteId, found.agency.id);
  const [out] = await presentAdmin(ctx.db, [found]);
  return out;
}

export interface ServiceInput {
  agencyId?: string;
  code?: string;
  prefix?: string;
  name?: string;
  keywords?: string[];
  description?: string;
  requirements?: Array<{ documentTypeKey: string; note?: string | null }>;
  procedure?: string[];
  duration?: { value: number; unit: string };
  durationText?: string | null;
  fee?: number;
  /** "Sesuai tarif": the amount depends on the case; `fee` is the starting amount or 0. */
  feeVariable?: boolean;
  feeBasis?: string;
  product?: string;
  complaintChannel?: string;
  internal?: InternalStandardJson;
  hours?: WeeklyHoursJson | null;
  handlingMinutes?: number;
  bookable?: boolean;
  walkInQuota?: number;
  bookingQuota?: number;
  active?: boolean;
}

/**
 * Rules the schema cannot express: code and prefix patterns, hours, the fee's legal basis, known
 * document types (an inactive one only where the service already had it), agency of the site.
 * `current` is the service being changed (its values fill what a patch leaves out).
 */
async function checkService(conn: Conn, siteId: string, input: ServiceInput, current?: repo.ServiceRow): Promise<void> {
  const errs = new FieldErrors();
  checkCode(errs, 'body.code', input.code);
  checkPrefix(errs, 'body.prefix', input.prefix);
  checkHours(errs, 'body.hours', input.hours as never);
  if (!current || input.fee !== undefined || input.feeVariable !== undefined || input.feeBasis !== undefined) {
    checkFee(errs, 'body.', { fee: input.fee ?? current?.fee ?? 0, feeVariable: input.feeVariable ?? current?.feeVariable ?? false, feeBasis: input.feeBasis ?? current?.feeBasis ?? '' });
  }
  if (input.agencyId) {
    const agency = await repo.findAgency(conn, input.agencyId);
    if (!agency || agency.siteId !== siteId) errs.add('body.agencyId', 'unknown_agency', { id: 'Instansi tidak ada di MPP ini.', en: 'No such agency in this site.' });
    else if (!agency.active && input.active !== false) errs.add('body.agencyId', 'inactive_agency', { id: 'Instansi ini tidak aktif.', en: 'This agency is inactive.' });
  }
  if (input.requirements?.length) {
    // Shared types and this site's own: another site's type is unknown here (its admins may rename it).
    const known = new Map((await repo.documentTypesByKeys(conn, input.requirements.map((r) => r.documentTypeKey))).filter((d) => d.siteId === null || d.siteId === siteId).map((d) => [d.key, d]));
    const had = new Set((current?.requirements ?? []).map((r) => r.documentTypeKey));
    const seen = new Set<string>();
    input.requirements.forEach((r, i) => {
      const d = known.get(r.documentTypeKey);
      if (!d) errs.add(`body.requirements.${i}.documentTypeKey`, 'unknown_document_type', { id: `Jenis dokumen "${r.documentTypeKey}" tidak dikenal.`, en: `Unknown document type "${r.documentTypeKey}".` });
      else if (!d.active && !had.has(r.documentTypeKey)) {
        errs.add(`body.requirements.${i}.documentTypeKey`, 'inactive_document_type', { id: `Jenis dokumen "${d.name}" sudah dinonaktifkan; pilih jenis dokumen lain.`, en: `Document type "${d.name}" has been deactivated; choose another one.` });
      } else if (seen.has(r.documentTypeKey)) errs.add(`body.requirements.${i}.documentTypeKey`, 'duplicate', { id: 'Jenis dokumen ini sudah ada di daftar persyaratan.', en: 'This document type is already in the requirements.' });
      seen.add(r.documentTypeKey);
    });
  }
  errs.throwIfAny();
}

function toColumns(input: ServiceInput): Partial<repo.ServiceRow> {
  const cols: Partial<repo.ServiceRow> = {
    agencyId: input.agencyId,
    code: input.code,
    prefix: input.prefix,
    name: input.name,
    keywords: input.keywords,
    description: input.description,
    requirements: input.requirements?.map((r): RequirementJson => (r.note ? { documentTypeKey: r.documentTypeKey, note: r.note } : { documentTypeKey: r.documentTypeKey })),
    procedure: input.procedure,
    durationValue: input.duration?.value,
    durationUnit: input.duration?.unit,
    durationText: input.durationText === undefined ? undefined : input.durationText || null,
    fee: input.fee,
    feeVariable: input.feeVariable,
    feeBasis: input.feeBasis,
    product: input.product,
    complaintChannel: input.complaintChannel,
    internal: input.internal,
    hours: input.hours === undefined ? undefined : input.hours && Object.keys(input.hours).length ? input.hours : null,
    handlingMinutes: input.handlingMinutes,
    bookable: input.bookable,
    walkInQuota: input.walkInQuota,
    bookingQuota: input.bookingQuota,
    active: input.active,
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

/** Site admin, or the agency_admin of the service's agency: a new service with its standard. */
export async function createService(ctx: AppContext, caller: Caller, siteId: string, input: ServiceInput & { agencyId: string; code: string; prefix: string; name: string }) {
  authorizeAgencyCatalog(caller.actor, siteId, input.agencyId);
  await siteByRef(ctx, siteId);
  await checkService(ctx.db, siteId, input);
  const now = ctx.clock.now();
  const row = await withConflicts(() =>
    transact(ctx, async (tx, emit) => {
      const s = await repo.insertService(tx, { id: uuidv7(), siteId, ...toColumns(input), createdAt: now, updatedAt: now } as never);
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.service_created', siteId, agencyId: s.agencyId, targetType: 'service', targetId: s.id, details: { code: s.code, prefix: s.prefix, name: s.name } });
      await emit({ siteId, type: 'catalog.changed', aggregateType: 'service', aggregateId: s.id, payload: { entity: 'service', id: s.id, action: 'created' } });
      return s;
    }),
  );
  return getAdminService(ctx, caller, row.id);
}

/**
 * Changes a service (any of its fields; `active: false` deactivates it: services are never
 * deleted, tickets and bookings refer to them). Moving it to another agency needs the right on
 * both agencies and unlinks it from the old agency's counters.
 */
export async function updateService(ctx: AppContext, caller: Caller, serviceId: string, input: ServiceInput) {
  const current = await loadService(ctx.db, serviceId);
  const siteId = current.service.siteId;
  authorizeAgencyCatalog(caller.actor, siteId, current.agency.id);
  if (input.agencyId && input.agencyId !== current.agency.id) authorizeAgencyCatalog(caller.actor, siteId, input.agencyId);
  await checkService(ctx.db, siteId, { ...input, active: input.active ?? current.service.active }, current.service);
  const cols = toColumns(input);
  const diff = changes(current.service as unknown as Record<string, unknown>, cols);
  if (Object.keys(diff).length) {
    await withConflicts(() =>
      transact(ctx, async (tx, emit) => {
        await repo.updateService(tx, serviceId, { ...cols, updatedAt: ctx.clock.now() });
        if (diff.agencyId) await repo.unlinkServiceFromOtherAgencies(tx, serviceId, cols.agencyId as string);
        const action = diff.active ? (cols.active ? 'catalog.service_activated' : 'catalog.service_deactivated') : 'catalog.service_updated';
        await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action, siteId, agencyId: (cols.agencyId as string) ?? current.agency.id, targetType: 'service', targetId: serviceId, details: { code: current.service.code, changes: diff } });
        await emit({ siteId, type: 'catalog.changed', aggregateType: 'service', aggregateId: serviceId, payload: { entity: 'service', id: serviceId, action: 'updated' } });
      }),
    );
  }
  return getAdminService(ctx, caller, serviceId);
}

export const setServiceActive = (ctx: AppContext, caller: Caller, serviceId: string, active: boolean) => updateService(ctx, caller, serviceId, { active });
