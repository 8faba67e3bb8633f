/**
 * The published index (IKM) of a scope and period: public on purpose, the regulation requires
 * publishing it. Figures come from integer sums (survey.repository `sums`) through the pure
 * `ikmFromSums` (src/domain/ikm); the population is the queue's served tickets (queue.lookup).
 * A group with fewer respondents than the minimum group size shows its counts but not its figures.
 */
import { DateTime } from 'luxon';
import { ikmFromSums, minimumSample, type ElementKey } from '../../../domain/ikm';
import { localDate } from '../../../domain/opening-hours';
import { parsePeriod, showable } from '../../../domain/survey';
import type { AppContext } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { servedCounts, type ServedGrouping } from '../queue/queue.lookup';
import * as repo from './survey.repository';
import { surveySettingsOf } from './survey.settings';

export interface IkmQuery {
  from?: string;
  to?: string;
  period?: string;
  agencyId?: string;
  serviceId?: string;
}

export interface Figures {
  respondents: number;
  population: number;
  sampleTarget: number;
  nrr: Record<ElementKey, number> | null;
  ikm: number | null;
  ikmUnit: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  gradeLabel: string | null;
  suppressed: boolean;
}

/** The figures of one group from its sums and population; withheld below the minimum group size. */
export function figuresOf(row: repo.SumsRow | undefined, population: number, minGroupSize: number): Figures {
  const respondents = row?.respondents ?? 0;
  const base = { respondents, population, sampleTarget: minimumSample(population) };
  const result = row && respondents > 0 ? ikmFromSums(row.sums, respondents) : null;
  if (!result || !showable(respondents, minGroupSize)) {
    return { ...base, nrr: null, ikm: null, ikmUnit: null, grade: null, gradeLabel: null, suppressed: respondents > 0 };
  }
  return { ...base, nrr: result.nrr, ikm: result.ikm, ikmUnit: result.ikmUnit, grade: result.grade, gradeLabel: result.gradeLabel, suppressed: false };
}

/** A query's site, period and optional agency or service, checked (400 naming the field, 404 for unknown ids). */
export async function resolveScope(ctx: AppContext, siteId: string, q: IkmQuery) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  let from: string;
  let to: string;
  let periodKey: string | null = null;
  if (q.period) {
    const p = parsePeriod(q.period);
    if (!p) throw fieldError('querystring.period', 'invalid', { id: 'Periode tidak dikenal.', en: 'Unknown period.' });
    [from, to, periodKey] = [p.from, p.to, p.key];
  } else {
    const today = localDate(ctx.clock.now(), site.timeZone);
    to = q.to ?? today;
    from = q.from ?? DateTime.fromISO(to).startOf('year').toISODate()!;
  }
  if (from > to) throw fieldError('querystring.to', 'before_from', { id: 'Tanggal akhir sebelum tanggal awal.', en: 'The end date is before the start date.' });
  let agency: { id: string; name: string; shortName: string } | null = null;
  let service: { id: string; name: string; agencyId: string } | null = null;
  if (q.serviceId) {
    const found = await cachedCatalog.getService(ctx, q.serviceId);
    if (found.service.siteId !== site.id) throw fieldError('querystring.serviceId', 'other_site', { id: 'Layanan bukan milik MPP ini.', en: 'The service belongs to another site.' });
    if (q.agencyId && found.agency.id !== q.agencyId) throw fieldError('querystring.serviceId', 'other_agency', { id: 'Layanan bukan milik instansi ini.', en: 'The service belongs to another agency.' });
    service = { id: found.service.id, name: found.service.name, agencyId: found.agency.id };
    agency = { id: found.agency.id, name: found.agency.name, shortName: found.agency.shortName };
  } else if (q.agencyId) {
    const a = await cachedCatalog.getAgency(ctx, q.agencyId);
    if (a.siteId !== site.id) throw fieldError('querystring.agencyId', 'other_site', { id: 'Instansi bukan milik MPP ini.', en: 'The agency belongs to another site.' });
    agency = { id: a.id, name: a.name, shortName: a.shortName };
  }
  const scope: repo.Scope = { siteId: site.id, from, to, ...(agency ? { agencyId: agency.id } : {}), ...(service ? { serviceId: service.id } : {}) };
  return { site, from, to, periodKey, agency, service, scope };
}

/** Figures per group (site, agency, service or counter) of a scope: sums and populations side by side. */
export async function groupedFigures(ctx: AppContext, scope: repo.Scope, by: ServedGrouping, minGroupSize: number): Promise<Map<string | null, Figures>> {
  const [sums, served] = await Promise.all([
    repo.sums(ctx.db, scope, by),
    servedCounts(ctx, scope.siteId, scope.from, scope.to, by, { agencyId: scope.agencyId, serviceId: scope.serviceId }),
  ]);
  const sumsBy = new Map(sums.map((s) => [s.key, s]));
  const servedBy = new Map(served.map((s) => [s.key, s.count]));
  const keys = new Set<string | null>([...sumsBy.keys(), ...servedBy.keys()]);
  if (by === 'site') keys.add(null);
  return new Map([...keys].map((k) => [k, figuresOf(sumsBy.get(k), servedBy.get(k) ?? 0, minGroupSize)]));
}

/** GET /sites/{siteId}/ikm (DESIGN §7). */
export async function ikmOf(ctx: AppContext, siteId: string, q: IkmQuery) {
  const r = await resolveScope(ctx, siteId, q);
  const { minGroupSize } = await surveySettingsOf(ctx, r.site.id);
  const figures = (await groupedFigures(ctx, r.scope, 'site', minGroupSize)).get(null)!;
  return { ...figures, from: r.from, to: r.to, minGroupSize };
}

/** The public page's table: the MPP's index and each agency's, for one period. */
export async function ikmByAgency(ctx: AppContext, siteId: string, q: IkmQuery) {
  const r = await resolveScope(ctx, siteId, { ...q, agencyId: undefined, serviceId: undefined });
  const { minGroupSize } = await surveySettingsOf(ctx, r.site.id);
  const [site, byAgency, services] = await Promise.all([
    groupedFigures(ctx, r.scope, 'site', minGroupSize),
    groupedFigures(ctx, r.scope, 'agency', minGroupSize),
    cachedCatalog.servicesWithAgencyOfSite(ctx, r.site.id),
  ]);
  const agencies = new Map<string, { id: string; name: string; shortName: string; active: boolean }>();
  for (const s of services) agencies.set(s.agency.id, { id: s.agency.id, name: s.agency.name, shortName: s.agency.shortName, active: s.agency.active });
  const empty = figuresOf(undefined, 0, minGroupSize);
  return {
    from: r.from,
    to: r.to,
    minGroupSize,
    site: site.get(null)!,
    agencies: [...agencies.values()]
      .filter((a) => a.active || byAgency.has(a.id))
      .map((a) => ({ agency: { id: a.id, name: a.name, shortName: a.shortName }, ...(byAgency.get(a.id) ?? empty) }))
      .sort((x, y) => x.agency.name.localeCompare(y.agency.name, 'id')),
  };
}
