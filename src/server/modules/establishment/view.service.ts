/**
 * Reading the province view: the provinces, every kabupaten/kota of one with its MPP's stage and
 * next planned step (and, for operating MPPs, their figures side by side), and one MPP's record
 * with its checklist, evidence and history. No personal data is read here, so nothing is audited.
 */
import {
  checklistState,
  daysBetween,
  MPP_DOCUMENT_KINDS,
  nextStep,
  PER_AGENCY_KINDS,
  REACHABLE_STAGES,
  type MppDocumentKind,
  type MppStage,
} from '../../../domain/establishment';
import { localDate } from '../../../domain/opening-hours';
import type { AppContext, Caller } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import { getSite } from '../catalog/catalog.lookup';
import { describeFiles } from '../files/files.lookup';
import { authorizeProvinceRead } from './establishment.access';
import { unknownRegion } from './establishment.errors';
import * as repo from './establishment.repository';
import { activeAgenciesOf, figuresOfSites } from './figures';
import { allProvinces, findProvince, findRegency, regenciesOf, type Province, type Regency } from './regions';

/** Today in a province's zone (every date of the province view is in it). */
export const todayIn = (ctx: AppContext, province: Province) => localDate(ctx.clock.now(), province.timeZone);

export function provinceOr404(code: string): Province {
  const p = findProvince(code);
  if (!p) throw unknownRegion();
  return p;
}

export function regencyOr404(code: string): { regency: Regency; province: Province } {
  const regency = findRegency(code);
  const province = regency && findProvince(regency.provinceCode);
  if (!regency || !province) throw unknownRegion();
  return { regency, province };
}

export function listProvinces(_ctx: AppContext, caller: Caller) {
  authorizeProvinceRead(caller.actor);
  return allProvinces().map((p) => ({ code: p.code, name: p.name, timeZone: p.timeZone, regencies: regenciesOf(p.code).length }));
}

const stageOf = (r: repo.MppRow | undefined): MppStage => (r?.stage as MppStage | undefined) ?? 'none';

async function sitesOf(ctx: AppContext, records: repo.MppRow[], conn: Conn) {
  const out = new Map<string, Awaited<ReturnType<typeof getSite>>>();
  for (const r of records) if (r.siteId) out.set(r.siteId, await getSite(ctx, r.siteId, conn));
  return out;
}

/** GET /regions/{provinceCode}/mpp: every kabupaten/kota of the province, in code order. */
export async function provinceView(ctx: AppContext, caller: Caller, provinceCode: string) {
  authorizeProvinceRead(caller.actor);
  const province = provinceOr404(provinceCode);
  const conn = ambientConn(ctx.db);
  const records = new Map((await repo.recordsOfProvince(conn, province.code)).map((r) => [r.regencyCode, r]));
  const sites = await sitesOf(ctx, [...records.values()], conn);
  const figures = await figuresOfSites(ctx, [...sites.values()].map((s) => ({ id: s.id, timeZone: s.timeZone })));
  const today = todayIn(ctx, province);
  return regenciesOf(province.code).map((regency) => {
    const r = records.get(regency.code);
    const stage = stageOf(r);
    const site = r?.siteId ? sites.get(r.siteId) : undefined;
    const f = site ? figures.get(site.id) : undefined;
    return {
      regencyCode: regency.code,
      regencyName: regency.name,
      stage,
      stageSince: r?.stageSince ?? null,
      siteId: site?.id ?? null,
      agencies: f?.agencies.value ?? null,
      services: f?.services.value ?? null,
      visitorsLast30Days: f?.visitorsLast30Days.value ?? null,
      ikm: f?.ikm.value ?? null,
      regencyType: regency.type,
      site: site ? { id: site.id, name: site.name, slug: site.slug, status: site.status } : null,
      daysInStage: r?.stageSince ? daysBetween(r.stageSince, today) : null,
      next: nextStep(stage, r?.plan ?? {}, today),
      note: r?.note ?? '',
      figures: f ?? null,
    };
  });
}

type DocumentCounts = Partial<Record<MppDocumentKind, { count: number; agencies: number }>>;

function countDocuments(docs: repo.DocumentRow[]): DocumentCounts {
  const out: DocumentCounts = {};
  for (const kind of new Set(docs.map((d) => d.kind as MppDocumentKind))) {
    const of = docs.filter((d) => d.kind === kind);
    const agencies = PER_AGENCY_KINDS.has(kind) ? new Set(of.map((d) => (d.agencyName ?? '').trim().toLowerCase()).filter(Boolean)).size : 0;
    out[kind] = { count: of.length, agencies };
  }
  return out;
}

/** GET /regions/{regencyCode}/mpp/record: the MPP of one kabupaten/kota, everything the province keeps. */
export async function mppRecord(ctx: AppContext, caller: Caller, regencyCode: string) {
  authorizeProvinceRead(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  return presentRecord(ctx, regency, province, ambientConn(ctx.db));
}

export async function presentRecord(ctx: AppContext, regency: Regency, province: Province, conn: Conn) {
  const r = await repo.findByRegency(conn, regency.code);
  const stage = stageOf(r);
  const today = todayIn(ctx, province);
  const docs = r ? await repo.documentsOf(conn, [r.id]) : [];
  const files = await describeFiles(conn, docs.map((d) => d.fileId));
  const site = r?.siteId ? await getSite(ctx, r.siteId, conn) : null;
  const siteAgencies = site ? await activeAgenciesOf(ctx, site.id) : null;
  const facts = { values: r?.checklist ?? {}, documents: countDocuments(docs), siteAgencies };
  const history = r ? await repo.stageChangesOf(conn, r.id) : [];
  return {
    regencyCode: regency.code,
    regencyName: regency.name,
    provinceCode: province.code,
    provinceName: province.name,
    timeZone: province.timeZone,
    today,
    stage,
    stageSince: r?.stageSince ?? null,
    daysInStage: r?.stageSince ? daysBetween(r.stageSince, today) : null,
    next: nextStep(stage, r?.plan ?? {}, today),
    plan: (r?.plan ?? {}) as Record<string, string>,
    planNote: r?.planNote ?? '',
    note: r?.note ?? '',
    site: site ? { id: site.id, name: site.name, slug: site.slug, status: site.status } : null,
    checklist: REACHABLE_STAGES.map((s) => ({ stage: s, items: checklistState(s, facts) })),
    documents: docs.map((d) => {
      const f = files.get(d.fileId)!;
      return {
        id: d.id,
        stage: MPP_DOCUMENT_KINDS[d.kind as MppDocumentKind],
        kind: d.kind as MppDocumentKind,
        title: d.title,
        agencyName: d.agencyName,
        documentDate: d.documentDate,
        filename: f.filename,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        uploadedAt: d.uploadedAt.toISOString(),
      };
    }),
    history: history.map((h) => ({
      id: h.id,
      from: h.fromStage as MppStage,
      to: h.toStage as MppStage,
      direction: h.direction as 'advance' | 'back',
      date: h.date,
      note: h.note,
      reason: h.reason,
      by: h.actorLabel,
      at: h.at.toISOString(),
    })),
  };
}
