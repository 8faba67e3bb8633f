/**
 * Import and export of a site's catalogue (document types it uses, agencies with hours and
 * agreements, services with their full standard, counters) as JSON or an XLSX workbook.
 *
 * Import checks the whole file first and reports every bad row at once (sheet, row, field,
 * messages); only a clean file is written, in one transaction, upserting agencies by shortName,
 * services by code and counters by number. Rows not in the file are left alone.
 */
import { uuidv7 } from 'uuidv7';
import { canonicalHours, type WeeklyHoursMap } from '../../../domain/hours-text';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { transact } from '../../platform/tx';
import { canServe, staffLookup } from '../access/access.lookup';
import { catalogError } from './catalog.errors';
import type { InternalStandardJson, WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';
import { authorizeSiteCatalog } from './catalog.access';
import { withConflicts } from './catalog.validation';
import { siteByRef } from './sites.service';
import {
  COLUMNS,
  FILE_FORMAT,
  FILE_VERSION,
  INTERNAL_KEYS,
  readSection,
  SECTIONS,
  type CatalogFile,
  type FileAgency,
  type FileCounter,
  type FileDocumentType,
  type FileService,
  type ImportIssue,
  type RawSection,
  type SectionKey,
} from './transfer.format';
import { readWorkbook, writeWorkbook } from './transfer.xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const hoursOf = (h: WeeklyHoursJson | null | undefined) => canonicalHours((h ?? {}) as WeeklyHoursMap);

/** Puts an object's keys in the section's column order, so equal rows serialise equally. */
function ordered<T>(section: SectionKey, obj: Record<string, unknown>): T {
  return Object.fromEntries(COLUMNS[section].map((c) => [c.key, obj[c.key]])) as T;
}

function fileAgency(a: repo.AgencyRow): FileAgency {
  return ordered('agencies', {
    shortName: a.shortName,
    name: a.name,
    kind: a.kind,
    description: a.description,
    phone: a.phone,
    email: a.email,
    website: a.website,
    agreementNumber: a.agreementNumber,
    agreementSignedOn: a.agreementSignedOn,
    agreementValidUntil: a.agreementValidUntil,
    hours: hoursOf(a.hours),
    active: a.active,
  });
}

function fileService(s: repo.ServiceRow, a: repo.AgencyRow): FileService {
  const hours = s.hours && Object.keys(s.hours).length ? hoursOf(s.hours) : null;
  const internal = s.internal as InternalStandardJson;
  return ordered('services', {
    code: s.code,
    agency: a.shortName,
    prefix: s.prefix,
    name: s.name,
    keywords: s.keywords,
    description: s.description,
    requirements: s.requirements.map((r) => ({ documentType: r.documentTypeKey, note: r.note ?? null })),
    procedure: s.procedure,
    durationValue: s.durationValue,
    durationUnit: s.durationUnit,
    durationText: s.durationText,
    fee: s.fee,
    feeVariable: s.feeVariable,
    feeBasis: s.feeBasis,
    product: s.product,
    complaintChannel: s.complaintChannel,
    ...Object.fromEntries(INTERNAL_KEYS.map((k) => [k, internal[k] ?? ''])),
    staffCount: internal.staffCount ?? null,
    hours: hours && Object.keys(hours).length ? hours : null,
    handlingMinutes: s.handlingMinutes,
    bookable: s.bookable,
    walkInQuota: s.walkInQuota,
    bookingQuota: s.bookingQuota,
    active: s.active,
  });
}

function fileCounter(c: { number: number; name: string; zone: string; active: boolean }, agency: string, codes: string[]): FileCounter {
  return ordered('counters', { number: c.number, name: c.name, zone: c.zone, agency, services: [...codes].sort(cmp), active: c.active });
}

/** The site's catalogue as a file (sorted by shortName, code and number for stable diffs). */
export async function buildCatalogFile(conn: Conn, site: repo.SiteRow, now: Date): Promise<CatalogFile> {
  // `conn` may be a transaction: one connection runs one query at a time (pg 9 will insist).
  const agencies = await repo.agenciesOfSite(conn, site.id);
  const services = await repo.servicesWithAgencyOfSite(conn, site.id);
  const counters = await repo.countersOfSite(conn, site.id);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const codeOf = new Map(services.map((r) => [r.service.id, r.service.code]));
  const keys = [...new Set(services.flatMap((r) => r.service.requirements.map((q) => q.documentTypeKey)))];
  const docs = await repo.documentTypesByKeys(conn, keys);
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    site: { slug: site.slug, name: site.name, timeZone: site.timeZone },
    exportedAt: now.toISOString(),
    documentTypes: docs.map((d) => ordered<FileDocumentType>('documentTypes', { key: d.key, name: d.name, description: d.description })).sort((a, b) => cmp(a.key, b.key)),
    agencies: agencies.map(fileAgency).sort((a, b) => cmp(a.shortName, b.shortName)),
    services: services.map((r) => fileService(r.service, r.agency)).sort((a, b) => cmp(a.code, b.code)),
    counters: counters.map((c) => fileCounter(c, byId.get(c.agencyId)!.shortName, c.serviceIds.map((id) => codeOf.get(id)!))),
  };
}

/** Site admin: the catalogue as JSON or XLSX. */
export async function exportCatalog(ctx: AppContext, caller: Caller, siteId: string, format: 'json' | 'xlsx') {
  authorizeSiteCatalog(caller.actor, siteId);
  const site = await siteByRef(ctx, siteId);
  const now = ctx.clock.now();
  const file = await buildCatalogFile(ctx.db, site, now);
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename: `katalog-${site.slug}-${stamp}.json`, body: file as CatalogFile | Buffer };
  return { contentType: XLSX_TYPE, filename: `katalog-${site.slug}-${stamp}.xlsx`, body: await writeWorkbook(file) };
}

// ---------- import ----------

interface Parsed {
  documentTypes: Array<{ row: number; value: FileDocumentType }>;
  agencies: Array<{ row: number; value: FileAgency }>;
  services: Array<{ row: number; value: FileService }>;
  counters: Array<{ row: number; value: FileCounter }>;
  sheets: Record<SectionKey, string>;
  /** Keys of every row, valid or not: a reference to a row already reported is not reported again. */
  rawKeys: { agencies: Set<string>; services: Set<string>; documentTypes: Set<string> };
}

const fileIssue = (field: string, id: string, en: string, code = 'invalid_file'): ImportIssue => ({ sheet: '', row: 0, field, code, messages: { id, en } });

/** JSON body → sections (arrays of row objects). */
function jsonSections(body: unknown, issues: ImportIssue[]): RawSection[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    issues.push(fileIssue('file', 'Isi berkas harus objek JSON katalog.', 'The body must be a catalogue JSON object.'));
    return [];
  }
  const b = body as Record<string, unknown>;
  if (b.format !== undefined && b.format !== FILE_FORMAT) issues.push(fileIssue('format', `Format harus "${FILE_FORMAT}".`, `The format must be "${FILE_FORMAT}".`));
  if (b.version !== undefined && b.version !== FILE_VERSION) issues.push(fileIssue('version', `Versi ${String(b.version)} tidak didukung.`, `Version ${String(b.version)} is not supported.`));
  const sections: RawSection[] = [];
  for (const key of SECTIONS) {
    const list = b[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ sheet: key, row: 0, field: key, code: 'invalid_type', messages: { id: 'Harus berupa array.', en: 'Must be an array.' } });
      continue;
    }
    const rows: RawSection['rows'] = [];
    list.forEach((v, i) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) issues.push({ sheet: key, row: i + 1, field: '', code: 'invalid_type', messages: { id: 'Setiap baris harus objek.', en: 'Each row must be an object.' } });
      else rows.push({ row: i + 1, values: v as Record<string, unknown> });
    });
    sections.push({ key, sheet: key, rows });
  }
  if (sections.length === 0 && issues.length === 0) issues.push(fileIssue('file', 'Berkas tidak berisi agencies, services, counters atau documentTypes.', 'The file has no agencies, services, counters or documentTypes.'));
  return sections;
}

async function parse(format: 'json' | 'xlsx', body: unknown, issues: ImportIssue[]): Promise<Parsed> {
  let sections: RawSection[];
  if (format === 'xlsx') {
    if (!Buffer.isBuffer(body)) {
      issues.push(fileIssue('file', `Kirim berkas XLSX sebagai isi permintaan (Content-Type: ${XLSX_TYPE}).`, `Send the XLSX file as the request body (Content-Type: ${XLSX_TYPE}).`));
      sections = [];
    } else {
      const wb = await readWorkbook(body);
      issues.push(...wb.issues);
      sections = wb.sections;
    }
  } else {
    sections = jsonSections(Buffer.isBuffer(body) ? tryJson(body, issues) : body, issues);
  }
  const get = (k: SectionKey) => sections.find((s) => s.key === k);
  const strict = format === 'json';
  const read = <T>(k: SectionKey) => {
    const s = get(k);
    return s ? readSection<T>(s, strict, issues) : [];
  };
  return {
    documentTypes: read<FileDocumentType>('documentTypes'),
    agencies: read<FileAgency>('agencies'),
    services: read<FileService>('services'),
    counters: read<FileCounter>('counters'),
    sheets: Object.fromEntries(SECTIONS.map((k) => [k, get(k)?.sheet ?? k])) as Record<SectionKey, string>,
    rawKeys: {
      agencies: rawKeys(get('agencies'), 'shortName', (s) => s.toLowerCase()),
      services: rawKeys(get('services'), 'code', (s) => s.toUpperCase()),
      documentTypes: rawKeys(get('documentTypes'), 'key', (s) => s.toLowerCase()),
    },
  };
}

function rawKeys(section: RawSection | undefined, key: string, norm: (s: string) => string): Set<string> {
  const out = new Set<string>();
  for (const r of section?.rows ?? []) {
    const v = r.values[key];
    if (typeof v === 'string' || typeof v === 'number') out.add(norm(String(v).trim()));
  }
  return out;
}

function tryJson(body: Buffer, issues: ImportIssue[]): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    issues.push(fileIssue('file', 'Berkas bukan JSON yang valid.', 'The file is not valid JSON.'));
    return undefined;
  }
}

interface DbState {
  agencies: repo.AgencyRow[];
  services: Array<{ service: repo.ServiceRow; agency: repo.AgencyRow }>;
  counters: Awaited<ReturnType<typeof repo.countersOfSite>>;
  /** Keys this site may use: the shared types and its own. */
  docKeys: Set<string>;
  /** Keys another site owns: neither usable nor creatable here. */
  otherSitesDocKeys: Set<string>;
}

async function loadState(conn: Conn, siteId: string, p: Parsed): Promise<DbState> {
  const keys = [...p.services.flatMap((s) => s.value.requirements.map((r) => r.documentType)), ...p.documentTypes.map((d) => d.value.key)];
  // Inside the import's transaction: one connection runs one query at a time.
  const agencies = await repo.agenciesOfSite(conn, siteId);
  const services = await repo.servicesWithAgencyOfSite(conn, siteId);
  const counters = await repo.countersOfSite(conn, siteId);
  const docs = await repo.documentTypesByKeys(conn, keys);
  const usable = (d: repo.DocumentTypeRow) => d.siteId === null || d.siteId === siteId;
  return { agencies, services, counters, docKeys: new Set(docs.filter(usable).map((d) => d.key)), otherSitesDocKeys: new Set(docs.filter((d) => !usable(d)).map((d) => d.key)) };
}

/** Rules across rows and against what the site already has; fills `issues`. */
function crossCheck(p: Parsed, db: DbState, issues: ImportIssue[]): void {
  const add = (section: SectionKey, row: number, field: string, code: string, id: string, en: string) => issues.push({ sheet: p.sheets[section], row, field, code, messages: { id, en } });

  const docKeys = new Set(db.docKeys);
  const seenDocs = new Map<string, number>();
  for (const { row, value } of p.documentTypes) {
    const first = seenDocs.get(value.key);
    if (first) add('documentTypes', row, 'key', 'duplicate', `Kunci "${value.key}" sudah ada di baris ${first}.`, `Key "${value.key}" already appears in row ${first}.`);
    else seenDocs.set(value.key, row);
    if (db.otherSitesDocKeys.has(value.key)) add('documentTypes', row, 'key', 'taken', `Kunci "${value.key}" sudah dipakai jenis dokumen MPP lain; pakai kunci lain.`, `Key "${value.key}" is used by a document type of another site; choose another key.`);
    else docKeys.add(value.key);
  }

  // Agencies: by shortName, case-insensitive (officers type "dukcapil" for "Dukcapil").
  const agencyShort = new Map<string, string>(db.agencies.map((a) => [a.shortName.toLowerCase(), a.shortName]));
  const seenAgencies = new Map<string, number>();
  for (const { row, value } of p.agencies) {
    const k = value.shortName.toLowerCase();
    const first = seenAgencies.get(k);
    if (first) add('agencies', row, 'shortName', 'duplicate', `Singkatan "${value.shortName}" sudah ada di baris ${first}.`, `Short name "${value.shortName}" already appears in row ${first}.`);
    else seenAgencies.set(k, row);
    agencyShort.set(k, value.shortName);
  }
  const resolveAgency = (ref: string) => agencyShort.get(ref.toLowerCase());

  // Services: by code; prefixes unique across the file and the services the file leaves alone.
  const fileCodes = new Set(p.services.map((s) => s.value.code));
  const serviceAgency = new Map<string, string>(db.services.map((r) => [r.service.code, r.agency.shortName.toLowerCase()]));
  const seenCodes = new Map<string, number>();
  const seenPrefixes = new Map<string, number>();
  for (const { row, value } of p.services) {
    const firstCode = seenCodes.get(value.code);
    if (firstCode) add('services', row, 'code', 'duplicate', `Kode "${value.code}" sudah ada di baris ${firstCode}.`, `Code "${value.code}" already appears in row ${firstCode}.`);
    else seenCodes.set(value.code, row);
    const firstPrefix = seenPrefixes.get(value.prefix);
    if (firstPrefix) add('services', row, 'prefix', 'duplicate', `Awalan "${value.prefix}" sudah dipakai di baris ${firstPrefix}.`, `Prefix "${value.prefix}" is already used in row ${firstPrefix}.`);
    else seenPrefixes.set(value.prefix, row);
    const holder = db.services.find((r) => r.service.prefix === value.prefix && r.service.code !== value.code && !fileCodes.has(r.service.code));
    if (holder) add('services', row, 'prefix', 'taken', `Awalan "${value.prefix}" sudah dipakai layanan ${holder.service.code}.`, `Prefix "${value.prefix}" is already used by service ${holder.service.code}.`);
    const agency = resolveAgency(value.agency);
    if (!agency && p.rawKeys.agencies.has(value.agency.toLowerCase())) serviceAgency.delete(value.code);
    else if (!agency) add('services', row, 'agency', 'unknown_agency', `Instansi "${value.agency}" tidak ada di berkas maupun di MPP ini.`, `Agency "${value.agency}" is neither in the file nor in this site.`);
    else {
      value.agency = agency;
      serviceAgency.set(value.code, agency.toLowerCase());
    }
    const unknown = value.requirements.filter((r) => !docKeys.has(r.documentType) && (db.otherSitesDocKeys.has(r.documentType) || !p.rawKeys.documentTypes.has(r.documentType))).map((r) => r.documentType);
    if (unknown.length) add('services', row, 'requirements', 'unknown_document_type', `Jenis dokumen tidak dikenal: ${unknown.join(', ')}.`, `Unknown document types: ${unknown.join(', ')}.`);
  }

  // Counters: by number; every service served belongs to the counter's agency.
  const seenNumbers = new Map<number, number>();
  for (const { row, value } of p.counters) {
    const first = seenNumbers.get(value.number);
    if (first) add('counters', row, 'number', 'duplicate', `Nomor loket ${value.number} sudah ada di baris ${first}.`, `Counter number ${value.number} already appears in row ${first}.`);
    else seenNumbers.set(value.number, row);
    const agency = resolveAgency(value.agency);
    const reported = !agency && p.rawKeys.agencies.has(value.agency.toLowerCase());
    if (!agency && !reported) add('counters', row, 'agency', 'unknown_agency', `Instansi "${value.agency}" tidak ada di berkas maupun di MPP ini.`, `Agency "${value.agency}" is neither in the file nor in this site.`);
    if (agency) value.agency = agency;
    const unknown = value.services.filter((c) => !serviceAgency.has(c) && !p.rawKeys.services.has(c));
    if (unknown.length) add('counters', row, 'services', 'unknown_service', `Kode layanan tidak dikenal: ${unknown.join(', ')}.`, `Unknown service codes: ${unknown.join(', ')}.`);
    if (!agency) continue;
    const foreign = value.services.filter((c) => serviceAgency.has(c) && serviceAgency.get(c) !== agency.toLowerCase());
    if (foreign.length) add('counters', row, 'services', 'other_agency', `Layanan bukan milik ${agency}: ${foreign.join(', ')}.`, `Services not of ${agency}: ${foreign.join(', ')}.`);
  }
}

type Counts = { created: number; updated: number; unchanged: number };
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function agencyColumns(v: FileAgency) {
  return {
    shortName: v.shortName,
    name: v.name,
    kind: v.kind,
    description: v.description,
    phone: v.phone,
    email: v.email,
    website: v.website,
    agreementNumber: v.agreementNumber,
    agreementSignedOn: v.agreementSignedOn,
    agreementValidUntil: v.agreementValidUntil,
    hours: v.hours as WeeklyHoursJson,
    active: v.active,
  };
}

function serviceColumns(v: FileService, agencyId: string) {
  const internal: InternalStandardJson = {};
  for (const k of INTERNAL_KEYS) if (v[k]) internal[k] = v[k];
  if (v.staffCount !== null) internal.staffCount = v.staffCount;
  return {
    agencyId,
    code: v.code,
    prefix: v.prefix,
    name: v.name,
    keywords: v.keywords,
    description: v.description,
    requirements: v.requirements.map((r) => (r.note ? { documentTypeKey: r.documentType, note: r.note } : { documentTypeKey: r.documentType })),
    procedure: v.procedure,
    durationValue: v.durationValue,
    durationUnit: v.durationUnit,
    durationText: v.durationText,
    fee: v.fee,
    feeVariable: v.feeVariable,
    feeBasis: v.feeBasis,
    product: v.product,
    complaintChannel: v.complaintChannel,
    internal,
    hours: v.hours as WeeklyHoursJson | null,
    handlingMinutes: v.handlingMinutes,
    bookable: v.bookable,
    walkInQuota: v.walkInQuota,
    bookingQuota: v.bookingQuota,
    active: v.active,
  };
}

/** Writes a checked file; returns the counts. With dryRun, only counts. */
async function apply(ctx: AppContext, tx: Conn, siteId: string, p: Parsed, db: DbState, dryRun: boolean) {
  const now = ctx.clock.now();
  const result = { documentTypes: zero(), agencies: zero(), services: zero(), counters: zero() };

  for (const { value } of p.documentTypes) {
    if (db.docKeys.has(value.key)) result.documentTypes.unchanged++;
    else {
      result.documentTypes.created++;
      // A type the file brings is this site's own (shared types are the platform admin's).
      if (!dryRun) await repo.insertDocumentType(tx, { id: uuidv7(), key: value.key, name: value.name, description: value.description, siteId });
    }
  }

  const agencyId = new Map<string, string>(db.agencies.map((a) => [a.shortName.toLowerCase(), a.id]));
  for (const { value } of p.agencies) {
    const existing = db.agencies.find((a) => a.shortName.toLowerCase() === value.shortName.toLowerCase());
    if (!existing) {
      result.agencies.created++;
      const id = uuidv7();
      agencyId.set(value.shortName.toLowerCase(), id);
      if (!dryRun) await repo.insertAgency(tx, { id, siteId, ...agencyColumns(value), createdAt: now, updatedAt: now });
    } else if (same(fileAgency(existing), value)) result.agencies.unchanged++;
    else {
      result.agencies.updated++;
      if (!dryRun) await repo.updateAgency(tx, existing.id, { ...agencyColumns(value), updatedAt: now });
    }
  }

  const serviceId = new Map<string, string>(db.services.map((r) => [r.service.code, r.service.id]));
  const movedServices: Array<{ id: string; agencyId: string }> = [];
  // Prefixes may be swapped between services: free the changing ones first.
  const changingPrefix = p.services.map((s) => ({ v: s.value, old: db.services.find((r) => r.service.code === s.value.code) })).filter((x) => x.old && x.old.service.prefix !== x.v.prefix);
  if (!dryRun) for (const x of changingPrefix) await repo.updateService(tx, x.old!.service.id, { prefix: `~${x.old!.service.id}` });
  for (const { value } of p.services) {
    const aId = agencyId.get(value.agency.toLowerCase())!;
    const existing = db.services.find((r) => r.service.code === value.code);
    if (!existing) {
      result.services.created++;
      const id = uuidv7();
      serviceId.set(value.code, id);
      if (!dryRun) await repo.insertService(tx, { id, siteId, ...serviceColumns(value, aId), createdAt: now, updatedAt: now });
    } else if (same(fileService(existing.service, existing.agency), value)) result.services.unchanged++;
    else {
      result.services.updated++;
      if (existing.service.agencyId !== aId) movedServices.push({ id: existing.service.id, agencyId: aId });
      if (!dryRun) await repo.updateService(tx, existing.service.id, { ...serviceColumns(value, aId), updatedAt: now });
    }
  }
  if (!dryRun) for (const m of movedServices) await repo.unlinkServiceFromOtherAgencies(tx, m.id, m.agencyId);

  for (const { value } of p.counters) {
    const aId = agencyId.get(value.agency.toLowerCase())!;
    const existing = db.counters.find((c) => c.number === value.number);
    const ids = value.services.map((code) => serviceId.get(code)!);
    if (!existing) {
      result.counters.created++;
      if (!dryRun) {
        const id = uuidv7();
        await repo.insertCounter(tx, { id, siteId, agencyId: aId, number: value.number, name: value.name, zone: value.zone, active: value.active, createdAt: now, updatedAt: now });
        await repo.replaceCounterServices(tx, id, ids);
      }
      continue;
    }
    const codeOf = new Map(db.services.map((r) => [r.service.id, r.service.code]));
    const agencyShort = db.agencies.find((a) => a.id === existing.agencyId)!.shortName;
    const before = fileCounter(existing, agencyShort, existing.serviceIds.map((id) => codeOf.get(id)!));
    if (same(before, { ...value, services: [...value.services].sort(cmp) })) {
      result.counters.unchanged++;
      continue;
    }
    result.counters.updated++;
    if (dryRun) continue;
    await repo.updateCounter(tx, existing.id, { agencyId: aId, name: value.name, zone: value.zone, active: value.active, updatedAt: now });
    await repo.replaceCounterServices(tx, existing.id, ids);
    if (existing.agencyId !== aId) {
      const assigned = await repo.assignmentsOfCounters(tx, [existing.id]);
      const staff = await staffLookup(ctx, assigned.map((a) => a.userId), tx);
      await repo.replaceCounterOfficers(tx, existing.id, staff.filter((u) => canServe(u, siteId, aId)).map((u) => u.id));
    }
  }
  return result;
}

/** Site admin: imports a catalogue file (JSON object or XLSX bytes). */
export async function importCatalog(ctx: AppContext, caller: Caller, siteId: string, input: { format: 'json' | 'xlsx'; body: unknown; dryRun: boolean }) {
  authorizeSiteCatalog(caller.actor, siteId);
  const site = await siteByRef(ctx, siteId);
  const issues: ImportIssue[] = [];
  const parsed = await parse(input.format, input.body, issues);
  const invalid = () =>
    catalogError('catalog.import_invalid', {
      messages: {
        id: `Berkas berisi ${issues.length} kesalahan; tidak ada yang disimpan.`,
        en: `The file has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was saved.`,
      },
      errors: issues as never,
    });
  return withConflicts(() =>
    transact(ctx, async (tx, emit) => {
      await repo.lockSiteCatalog(tx, site.id);
      const db = await loadState(tx, site.id, parsed);
      crossCheck(parsed, db, issues);
      if (issues.length) {
        issues.sort((a, b) => SECTIONS.indexOf(keyOf(parsed, a.sheet)) - SECTIONS.indexOf(keyOf(parsed, b.sheet)) || a.row - b.row);
        throw invalid();
      }
      const counts = await apply(ctx, tx, site.id, parsed, db, input.dryRun);
      if (!input.dryRun) {
        await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.imported', siteId: site.id, targetType: 'site', targetId: site.id, details: { format: input.format, ...counts } });
        await emit({ siteId: site.id, type: 'catalog.changed', aggregateType: 'site', aggregateId: site.id, payload: { entity: 'catalog', id: site.id, action: 'imported' } });
      }
      return { dryRun: input.dryRun, ...counts };
    }),
  );
}

function keyOf(p: Parsed, sheet: string): SectionKey {
  return (SECTIONS.find((k) => p.sheets[k] === sheet) ?? 'documentTypes') as SectionKey;
}
