/**
 * Who may read which figures (DESIGN §7 Reports): the site admin, the platform admin and the
 * auditor read the whole MPP; an agency admin reads their agency only (its services, counters and
 * officers); an officer reads their own figures only. The period is checked here too, so every
 * report speaks of the same, valid, scope.
 */
import { DateTime } from 'luxon';
import type { SummaryQuery } from '../../../contracts/reports';
import { agencyScope, can } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { appError, fieldError, forbidden } from '../../platform/errors';
import { staffLookup } from '../access/access.lookup';
import { cachedCatalog } from '../catalog/catalog.lookup';

/** A year and a day: the dashboard's custom range and the monthly trend stay bounded. */
export const MAX_RANGE_DAYS = 366;

export interface ReportScope {
  site: { id: string; name: string; timeZone: string; slug: string };
  from: string;
  to: string;
  agency: { id: string; name: string } | null;
  service: { id: string; name: string } | null;
  counter: { id: string; name: string } | null;
  officer: { id: string; name: string } | null;
}

const other = (field: string, en: string, id: string) => fieldError(`querystring.${field}`, 'other_scope', { id, en });

export function checkPeriod(from: string, to: string): void {
  if (from > to) throw fieldError('querystring.to', 'before_from', { id: 'Tanggal akhir sebelum tanggal awal.', en: 'The end date is before the start date.' });
  const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;
  if (days > MAX_RANGE_DAYS) {
    throw fieldError('querystring.to', 'range_too_long', { id: `Rentang paling panjang ${MAX_RANGE_DAYS} hari.`, en: `The range is at most ${MAX_RANGE_DAYS} days.` });
  }
}

export async function resolveReportScope(ctx: AppContext, caller: Caller, siteId: string, q: SummaryQuery): Promise<ReportScope> {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const actor = caller.actor;
  if (actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  checkPeriod(q.from, q.to);

  let agency: ReportScope['agency'] = null;
  let service: ReportScope['service'] = null;
  let counter: ReportScope['counter'] = null;
  if (q.agencyId) {
    const a = await cachedCatalog.getAgency(ctx, q.agencyId);
    if (a.siteId !== site.id) throw other('agencyId', 'The agency belongs to another site.', 'Instansi bukan milik MPP ini.');
    agency = { id: a.id, name: a.name };
  }
  if (q.serviceId) {
    const s = await cachedCatalog.getService(ctx, q.serviceId);
    if (s.service.siteId !== site.id) throw other('serviceId', 'The service belongs to another site.', 'Layanan bukan milik MPP ini.');
    if (agency && s.agency.id !== agency.id) throw other('serviceId', 'The service belongs to another agency.', 'Layanan bukan milik instansi ini.');
    agency = { id: s.agency.id, name: s.agency.name };
    service = { id: s.service.id, name: s.service.name };
  }
  if (q.counterId) {
    const c = await cachedCatalog.getCounter(ctx, q.counterId);
    if (c.siteId !== site.id) throw other('counterId', 'The counter belongs to another site.', 'Loket bukan milik MPP ini.');
    if (agency && c.agencyId !== agency.id) throw other('counterId', 'The counter belongs to another agency.', 'Loket bukan milik instansi ini.');
    counter = { id: c.id, name: c.name };
  }
  let officer: ReportScope['officer'] = null;
  if (q.officerId) {
    const [u] = await staffLookup(ctx, [q.officerId]);
    if (!u) throw fieldError('querystring.officerId', 'not_found', { id: 'Petugas tidak dikenal.', en: 'Unknown officer.' });
    officer = { id: u.id, name: u.displayName };
  }

  // The whole MPP, an agency of the caller's, or the caller's own figures: nothing else.
  if (!can(actor, 'reports.read', { siteId: site.id, agencyId: null })) {
    const agencies = agencyScope(actor, 'reports.read', site.id);
    if (agencies && !agencies.all) {
      const counterAgency = counter && !agency ? (await cachedCatalog.getCounter(ctx, counter.id)).agencyId : null;
      const asked = agency?.id ?? counterAgency;
      if (asked && !agencies.agencyIds.includes(asked)) throw forbidden();
      if (!asked) {
        // One agency: the report is theirs. Several: they say which.
        if (agencies.agencyIds.length !== 1) throw fieldError('querystring.agencyId', 'required', { id: 'Pilih instansi.', en: 'Choose the agency.' });
        const a = await cachedCatalog.getAgency(ctx, agencies.agencyIds[0]);
        agency = { id: a.id, name: a.name };
      }
    } else if (!(actor.kind === 'user' && officer?.id === actor.id && agencyScope(actor, 'reports.own', site.id))) {
      // An officer: their own figures (officerId = themselves), at any counter of the site.
      throw forbidden();
    }
  }
  return { site: { id: site.id, name: site.name, timeZone: site.timeZone, slug: site.slug }, from: q.from, to: q.to, agency, service, counter, officer };
}
