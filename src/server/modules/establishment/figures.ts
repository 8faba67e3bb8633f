/**
 * The side-by-side figures of operating MPPs, each with its source and as-of date. Agencies and
 * services come from the catalogue, visitors and wait from the queue, the IKM from the survey
 * (the published index, computed exactly as the public page does), complaints answered on time
 * from the complaints module, applications completed within their working-day deadline from the
 * applications module (through its lookup, never its tables).
 *
 * Reads outside any transaction only (the survey's lookup reads on the root handle).
 */
import { DateTime } from 'luxon';
import type { AppContext } from '../../platform/context';
import { activeCountsOfSites } from '../catalog/catalog.lookup';
import { recentTrafficOfSite } from '../queue/queue.lookup';
import { applicationFigures } from '../applications/applications.lookup';
import { complaintFigures } from '../complaints/complaints.lookup';
import { ikmOf } from '../survey/survey.lookup';

export interface Figure {
  value: number | null;
  available: boolean;
  source: string;
  asOf: string | null;
}

export interface SiteFigures {
  agencies: Figure;
  services: Figure;
  visitorsLast30Days: Figure;
  waitMinutesMean: Figure;
  ikm: Figure & { grade: string | null };
  complaintsOnTime: Figure;
  applicationsOnTime: Figure;
}

export const VISITOR_DAYS = 30;
/** The IKM compared is the last quarter's worth of answers (SKM is reported per quarter). */
export const IKM_DAYS = 90;
/** Complaints compared: those filed in the last three months (this one included). */
export const COMPLAINT_MONTHS = 3;
/** Applications compared: those completed (ready) in the last quarter, against their due date. */
export const APPLICATION_DAYS = 90;

/** Sources as the export names them (Indonesian: the report goes to the ministry). */
export const FIGURE_SOURCES = {
  catalog: 'Katalog Loket (instansi dan layanan aktif)',
  queue: `Antrean Loket (kunjungan dan waktu tunggu, ${VISITOR_DAYS} hari terakhir)`,
  ikm: `SKM (PermenPANRB 14/2017), IKM konversi ${IKM_DAYS} hari terakhir`,
  complaints: `Pengaduan yang ditindaklanjuti tepat waktu (5 hari kerja setelah verifikasi), diajukan ${COMPLAINT_MONTHS} bulan terakhir`,
  applications: `Permohonan selesai dalam jangka waktu standar pelayanan (hari kerja), selesai ${APPLICATION_DAYS} hari terakhir`,
} as const;

/**
 * The share of applications completed on time among those completed (ready) in the last days;
 * services without a working-day standard have no deadline and are left out, as in the
 * applications module's own figures.
 */
async function applicationsOnTime(ctx: AppContext, siteId: string, today: string): Promise<Figure> {
  const from = DateTime.fromISO(today).minus({ days: APPLICATION_DAYS - 1 }).toISODate()!;
  const a = await applicationFigures(ctx, siteId, from, today);
  return { value: a.onTimeShare, available: true, source: `${FIGURE_SOURCES.applications} (${a.onTime} dari ${a.completed} selesai tepat waktu)`, asOf: today };
}

/** The share of complaints responded to on time among those responded to, filed in the last months. */
async function complaintsOnTime(ctx: AppContext, siteId: string, today: string): Promise<Figure> {
  const to = today.slice(0, 7);
  const from = DateTime.fromISO(today).minus({ months: COMPLAINT_MONTHS - 1 }).toFormat('yyyy-MM');
  const rows = await complaintFigures(ctx, siteId, { from, to, agencyIds: null });
  const responded = rows.reduce((n, r) => n + r.responded, 0);
  const onTime = rows.reduce((n, r) => n + r.respondedOnTime, 0);
  return { value: responded ? onTime / responded : null, available: true, source: `${FIGURE_SOURCES.complaints} (${responded} ditindaklanjuti)`, asOf: today };
}

/** Active agencies of a site (the trial checklist's "agencies serving"); any transaction is read through. */
export async function activeAgenciesOf(ctx: AppContext, siteId: string): Promise<number> {
  return (await activeCountsOfSites(ctx, [siteId])).get(siteId)?.agencies ?? 0;
}

/** The figures of each linked site, by site id. */
export async function figuresOfSites(ctx: AppContext, sites: ReadonlyArray<{ id: string; timeZone: string }>): Promise<Map<string, SiteFigures>> {
  const counts = await activeCountsOfSites(ctx, sites.map((s) => s.id));
  const out = new Map<string, SiteFigures>();
  // One site after the other: on PGlite there is one connection anyway, and ten MPPs are ten reads.
  for (const site of sites) {
    const traffic = await recentTrafficOfSite(ctx, site, VISITOR_DAYS);
    const c = counts.get(site.id) ?? { agencies: 0, services: 0 };
    const today = traffic.to;
    const ikm = await ikmOf(ctx, site.id, { from: DateTime.fromISO(today).minus({ days: IKM_DAYS - 1 }).toISODate()!, to: today });
    out.set(site.id, {
      agencies: { value: c.agencies, available: true, source: FIGURE_SOURCES.catalog, asOf: today },
      services: { value: c.services, available: true, source: FIGURE_SOURCES.catalog, asOf: today },
      visitorsLast30Days: { value: traffic.visitors, available: true, source: FIGURE_SOURCES.queue, asOf: today },
      waitMinutesMean: { value: traffic.waitMinutesMean === null ? null : Math.round(traffic.waitMinutesMean * 10) / 10, available: true, source: FIGURE_SOURCES.queue, asOf: today },
      // Below the survey's minimum group size the index is withheld (null), as on the public page.
      ikm: { value: ikm.ikmUnit, available: true, source: `${FIGURE_SOURCES.ikm} (${ikm.respondents} responden)`, asOf: today, grade: ikm.grade },
      complaintsOnTime: await complaintsOnTime(ctx, site.id, today),
      applicationsOnTime: await applicationsOnTime(ctx, site.id, today),
    });
  }
  return out;
}
