/**
 * Catalogue reads for other modules (queue, booking, reports). They use these functions, never
 * the catalogue's tables. No authorization here: callers authorize their own use case.
 */
import { notFound } from '../../platform/errors';
import type { AppContext } from '../../platform/context';
import type { Conn } from '../../platform/db';
import type { WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';

export async function getSite(ctx: AppContext, siteId: string, conn: Conn = ctx.db) {
  const site = await repo.findSite(conn, siteId);
  if (!site) throw notFound('MPP', 'Site');
  return site;
}

/** An agency; 404 when unknown. */
export async function getAgency(ctx: AppContext, agencyId: string, conn: Conn = ctx.db) {
  const agency = await repo.findAgency(conn, agencyId);
  if (!agency) throw notFound('Instansi', 'Agency');
  return agency;
}

/** A service with its agency; 404 when unknown. */
export async function getService(ctx: AppContext, serviceId: string, conn: Conn = ctx.db) {
  const found = await repo.findService(conn, serviceId);
  if (!found) throw notFound('Layanan', 'Service');
  return found;
}

/** The hours that apply to a service: its own override, else its agency's. */
export function effectiveHours(service: { hours: WeeklyHoursJson | null }, agency: { hours: WeeklyHoursJson }): WeeklyHoursJson {
  return service.hours && Object.keys(service.hours).length ? service.hours : agency.hours;
}

export async function getCounter(ctx: AppContext, counterId: string, conn: Conn = ctx.db) {
  const counter = await repo.findCounter(conn, counterId);
  if (!counter) throw notFound('Loket', 'Counter');
  return counter;
}

export const listCounters = (ctx: AppContext, siteId: string, conn: Conn = ctx.db) => repo.countersOfSite(conn, siteId);

export const countersServing = (ctx: AppContext, serviceId: string, conn: Conn = ctx.db) => repo.countersServing(conn, serviceId);

/** National holidays, cuti bersama and the site's own closures between two dates (inclusive). */
export async function closedDates(ctx: AppContext, siteId: string, from: string, to: string, conn: Conn = ctx.db): Promise<Set<string>> {
  return new Set((await repo.closedDates(conn, siteId, from, to)).map((h) => h.date));
}

export const closedDays = (ctx: AppContext, siteId: string, from: string, to: string, conn: Conn = ctx.db) => repo.closedDates(conn, siteId, from, to);

export const countersAssignedTo = (ctx: AppContext, userId: string, conn: Conn = ctx.db) => repo.countersAssignedTo(conn, userId);

/** Every service of a site with its agency, by prefix (inactive ones included: callers filter). */
export const servicesWithAgencyOfSite = (ctx: AppContext, siteId: string, conn: Conn = ctx.db) => repo.servicesWithAgencyOfSite(conn, siteId);
