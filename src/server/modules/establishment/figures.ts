/**
 * The side-by-side figures of operating MPPs, each with its source and as-of date. Agencies and
 * services come from the catalogue, visitors and wait from the queue; IKM, complaints and
 * applications are "belum tersedia" until the modules that produce them (feedback, applications)
 * are part of Loket: they are then read through those modules' lookups here, never guessed.
 */
import type { AppContext } from '../../platform/context';
import { activeCountsOfSites } from '../catalog/catalog.lookup';
import { recentTrafficOfSite } from '../queue/queue.lookup';

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

/** Sources as the export names them (Indonesian: the report goes to the ministry). */
export const FIGURE_SOURCES = {
  catalog: 'Katalog Loket (instansi dan layanan aktif)',
  queue: `Antrean Loket (kunjungan dan waktu tunggu, ${VISITOR_DAYS} hari terakhir)`,
  ikm: 'SKM (PermenPANRB 14/2017): modul survei belum tersedia',
  complaints: 'Pengaduan: modul pengaduan belum tersedia',
  applications: 'Permohonan: modul permohonan belum tersedia',
} as const;

const missing = (source: string): Figure => ({ value: null, available: false, source, asOf: null });

/** The figures of each linked site, by site id. */
export async function figuresOfSites(ctx: AppContext, sites: ReadonlyArray<{ id: string; timeZone: string }>): Promise<Map<string, SiteFigures>> {
  const counts = await activeCountsOfSites(ctx, sites.map((s) => s.id));
  const out = new Map<string, SiteFigures>();
  // One site after the other: on PGlite there is one connection anyway, and ten MPPs are ten reads.
  for (const site of sites) {
    const traffic = await recentTrafficOfSite(ctx, site, VISITOR_DAYS);
    const c = counts.get(site.id) ?? { agencies: 0, services: 0 };
    const today = traffic.to;
    out.set(site.id, {
      agencies: { value: c.agencies, available: true, source: FIGURE_SOURCES.catalog, asOf: today },
      services: { value: c.services, available: true, source: FIGURE_SOURCES.catalog, asOf: today },
      visitorsLast30Days: { value: traffic.visitors, available: true, source: FIGURE_SOURCES.queue, asOf: today },
      waitMinutesMean: { value: traffic.waitMinutesMean === null ? null : Math.round(traffic.waitMinutesMean * 10) / 10, available: true, source: FIGURE_SOURCES.queue, asOf: today },
      ikm: { ...missing(FIGURE_SOURCES.ikm), grade: null },
      complaintsOnTime: missing(FIGURE_SOURCES.complaints),
      applicationsOnTime: missing(FIGURE_SOURCES.applications),
    });
  }
  return out;
}
