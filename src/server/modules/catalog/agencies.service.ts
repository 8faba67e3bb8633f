import { localDate } from '../../../domain/opening-hours';
import { rankByQuery } from '../../../domain/search';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { appError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { uuidv7 } from 'uuidv7';
import type { WeeklyHoursJson } from './catalog.schema';
import * as repo from './catalog.repository';
import { authorizeAgencyCatalog, authorizeSiteCatalog, catalogListScope, inScope } from './catalog.access';
import { changes, closureWindow, hoursText, openState, paginate, statusFilter } from './catalog.view';
import { checkDateOrder, checkHours, FieldErrors, withConflicts } from './catalog.validation';
import { siteByRef } from './sites.service';
import { describeFiles, readFile, storeFile, type FilePolicy, type FileView, type Upload } from '../files/files.lookup';

const KIND_ORDER: Record<string, number> = { opd: 0, vertikal: 1, bumn: 2, bumd: 3, swasta: 4 };
export const byKindThenName = (a: repo.AgencyRow, b: repo.AgencyRow) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.name.localeCompare(b.name, 'id');

/**
 * Public: the agencies of a site in kind order (opd, vertikal, bumn, bumd, swasta), with their
 * hours and whether each is open now, computed in the site's zone. No login.
 */
export async function listPublicAgencies(ctx: AppContext, siteRef: string) {
  const site = await siteByRef(ctx, siteRef);
  const now = ctx.clock.now();
  const [agencyRows, serviceRows, counterRows, window] = await Promise.all([
    repo.agenciesOfSite(ctx.db, site.id),
    repo.servicesWithAgencyOfSite(ctx.db, site.id),
    repo.countersOfSite(ctx.db, site.id),
    closureWindow(ctx.db, site, now),
  ]);
  const active = agencyRows.filter((a) => a.active);
  const logos = await describeFiles(ctx.db, active.map((a) => a.logoFileId));
  return active
    .sort(byKindThenName)
    .map((a) => ({
      id: a.id,
      name: a.name,
      shortName: a.shortName,
      kind: a.kind,
      logoUrl: logoUrlOf(a, logos),
      description: a.description,
      contacts: { phone: a.phone, email: a.email, website: a.website },
      hasAgreement: Boolean(a.agreementNumber),
      hours: a.hours,
      hoursText: hoursText(a.hours),
      serviceCount: serviceRows.filter((r) => r.service.agencyId === a.id && r.service.active).length,
      counterNumbers: counterRows.filter((c) => c.agencyId === a.id && c.active).map((c) => c.number),
      ...openState(a.hours, window, site.timeZone, now),
    }));
}

/** The agreement when there is a number or a signed document on file (either may come first). */
function presentAgreement(a: repo.AgencyRow, documents: Awaited<ReturnType<typeof describeFiles>>) {
  if (!a.agreementNumber && !a.agreementFileId) return null;
  const doc = a.agreementFileId ? documents.get(a.agreementFileId) : undefined;
  return {
    number: a.agreementNumber,
    signedOn: a.agreementSignedOn,
    validUntil: a.agreementValidUntil,
    fileId: a.agreementFileId,
    document: doc ? { filename: doc.filename, mediaType: doc.mediaType, sizeBytes: doc.sizeBytes, sha256: doc.sha256, uploadedAt: doc.uploadedAt } : null,
  };
}

async function presentAdmin(conn: Conn, agencies: repo.AgencyRow[], siteId: string, today: string) {
  const [serviceRows, counterRows, files] = await Promise.all([
    repo.servicesWithAgencyOfSite(conn, siteId),
    repo.countersOfSite(conn, siteId),
    describeFiles(conn, agencies.flatMap((a) => [a.agreementFileId, a.logoFileId])),
  ]);
  return agencies.map((a) => ({
    id: a.id,
    siteId: a.siteId,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    logoUrl: logoUrlOf(a, files),
    description: a.description,
    phone: a.phone,
    email: a.email,
    website: a.website,
    agreement: presentAgreement(a, files),
    agreementExpired: Boolean(a.agreementValidUntil && a.agreementValidUntil < today),
    hours: a.hours,
    hoursText: hoursText(a.hours),
    active: a.active,
    serviceCount: serviceRows.filter((r) => r.service.agencyId === a.id).length,
    counterCount: counterRows.filter((c) => c.agencyId === a.id).length,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

/** Staff: the site's agencies with search and pages (an agency_admin sees only their own). */
export async function listAdminAgencies(
  ctx: AppContext,
  caller: Caller,
  siteId: string,
  q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive'; kind?: string },
) {
  const scope = catalogListScope(caller.actor, siteId);
  const site = await siteByRef(ctx, siteId);
  let rows = (await repo.agenciesOfSite(ctx.db, site.id)).filter((a) => inScope(scope, a.id)).sort(byKindThenName);
  rows = statusFilter(rows, q.status);
  if (q.kind) rows = rows.filter((a) => a.kind === q.kind);
  rows = rankByQuery(rows, q.q, (a) => [
    { text: a.shortName, weight: 3 },
    { text: a.name, weight: 2 },
    { text: a.description, weight: 0.5 },
  ]);
  const pageOf = paginate(rows, q.page, q.pageSize);
  return { ...pageOf, items: await presentAdmin(ctx.db, pageOf.items, site.id, localDate(ctx.clock.now(), site.timeZone)) };
}

async function loadAgency(conn: Conn, agencyId: string): Promise<repo.AgencyRow> {
  const a = await repo.findAgency(conn, agencyId);
  if (!a) throw notFound('Instansi', 'Agency');
  return a;
}

export async function getAdminAgency(ctx: AppContext, caller: Caller, agencyId: string) {
  const a = await loadAgency(ctx.db, agencyId);
  authorizeAgencyCatalog(caller.actor, a.siteId, a.id);
  const site = await siteByRef(ctx, a.siteId);
  const [out] = await presentAdmin(ctx.db, [a], a.siteId, localDate(ctx.clock.now(), site.timeZone));
  return out;
}

export interface AgencyInput {
  kind?: string;
  name?: string;
  shortName?: string;
  description?: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  agreement?: { number: string; signedOn?: string | null; validUntil?: string | null } | null;
  hours?: WeeklyHoursJson;
  active?: boolean;
}

function checkAgency(input: AgencyInput): void {
  const errs = new FieldErrors();
  checkHours(errs, 'body.hours', input.hours as never);
  checkDateOrder(errs, 'body.agreement.validUntil', input.agreement?.signedOn, input.agreement?.validUntil);
  errs.throwIfAny();
}

function toColumns(input: AgencyInput) {
  const cols: Record<string, unknown> = {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName,
    description: input.description,
    phone: input.phone,
    email: input.email,
    website: input.website,
    hours: input.hours,
    active: input.active,
  };
  if (input.agreement !== undefined) {
    cols.agreementNumber = input.agreement?.number ?? null;
    cols.agreementSignedOn = input.agreement?.signedOn ?? null;
    cols.agreementValidUntil = input.agreement?.validUntil ?? null;
  }
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

/** Site admin: an agency joins the site. */
export async function createAgency(ctx: AppContext, caller: Caller, siteId: string, input: AgencyInput & { kind: string; name: string; shortName: string }) {
  authorizeSiteCatalog(caller.actor, siteId);
  await siteByRef(ctx, siteId);
  checkAgency(input);
  const now = ctx.clock.now();
  const created = await withConflicts(() =>
    transact(ctx, async (tx, emit) => {
      const row = await repo.insertAgency(tx, { id: uuidv7(), siteId, hours: {}, ...toColumns(input), createdAt: now, updatedAt: now } as never);
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.agency_created', siteId, agencyId: row.id, targetType: 'agency', targetId: row.id, details: { shortName: row.shortName, name: row.name } });
      await emit({ siteId, type: 'catalog.changed', aggregateType: 'agency', aggregateId: row.id, payload: { entity: 'agency', id: row.id, action: 'created' } });
      return row;
    }),
  );
  return getAdminAgency(ctx, caller, created.id);
}

/** Fields an agency_admin may change on their own agency; the rest is the site's decision. */
const AGENCY_SELF_FIELDS = new Set(['description', 'phone', 'email', 'website', 'hours']);

export async function updateAgency(ctx: AppContext, caller: Caller, agencyId: string, input: AgencyInput) {
  const current = await loadAgency(ctx.db, agencyId);
  authorizeAgencyCatalog(caller.actor, current.siteId, current.id);
  const cols = toColumns(input);
  const diff = changes(current as unknown as Record<string, unknown>, cols);
  if (Object.keys(diff).some((k) => !AGENCY_SELF_FIELDS.has(k))) authorizeSiteCatalog(caller.actor, current.siteId);
  checkAgency(input);
  if (Object.keys(diff).length) {
    await withConflicts(() =>
      transact(ctx, async (tx, emit) => {
        const now = ctx.clock.now();
        await repo.updateAgency(tx, agencyId, { ...cols, updatedAt: now });
        let cascaded: { services: number; counters: number } | undefined;
        if (cols.active === false && current.active) cascaded = await repo.deactivateAgencyChildren(tx, agencyId, now);
        const action = cols.active === false && current.active ? 'catalog.agency_deactivated' : cols.active === true && !current.active ? 'catalog.agency_activated' : 'catalog.agency_updated';
        await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action, siteId: current.siteId, agencyId, targetType: 'agency', targetId: agencyId, details: { changes: diff, ...(cascaded ? { deactivated: cascaded } : {}) } });
        await emit({ siteId: current.siteId, type: 'catalog.changed', aggregateType: 'agency', aggregateId: agencyId, payload: { entity: 'agency', id: agencyId, action: 'updated' } });
      }),
    );
  }
  return getAdminAgency(ctx, caller, agencyId);
}

/**
 * Site admin: an agency leaves (or returns). Leaving deactivates its services and counters too;
 * nothing is deleted, so tickets, bookings and reports keep their references. Returning
 * reactivates only the agency: its services and counters are switched back on one by one.
 */
export const setAgencyActive = (ctx: AppContext, caller: Caller, agencyId: string, active: boolean) => updateAgency(ctx, caller, agencyId, { active });

// ---------- the agency's files: the signed agreement (PKS / MoU) and the logo ----------

/** 10 MiB: a scanned agreement of a few dozen pages. */
export const AGREEMENT_MAX_BYTES = 10 * 1024 * 1024;
/** 1 MiB: plenty for a logo shown at a few dozen pixels. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** What differs between an agency's files; everything else (storing, linking, audit, event) is shared. */
interface AgencyFileKind {
  /** Kept with the stored file. */
  purpose: string;
  /** What the file may be (files checks it from the content). */
  policy: FilePolicy;
  /** The agencies column that links the current file. */
  column: 'agreementFileId' | 'logoFileId';
  /** Audit actions are `<audit>_uploaded`, `_replaced`, `_removed` (and `_downloaded`). */
  audit: string;
  /** The 404 when the agency has none. */
  none: { id: string; en: string };
}

export const AGENCY_FILES = {
  agreement: {
    // The scanned, signed agreement (PKS / MoU).
    purpose: 'agency.agreement',
    policy: { maxBytes: AGREEMENT_MAX_BYTES, types: { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] } },
    column: 'agreementFileId',
    audit: 'catalog.agency_agreement',
    none: { id: 'Dokumen perjanjian instansi ini belum diunggah.', en: 'No agreement document has been uploaded for this agency.' },
  },
  logo: {
    // Shown publicly (site page, kiosk). Raster images only: an SVG can carry script.
    purpose: 'agency.logo',
    policy: { maxBytes: LOGO_MAX_BYTES, types: { 'image/png': ['png'], 'image/jpeg': ['jpg', 'jpeg'], 'image/webp': ['webp'] } },
    column: 'logoFileId',
    audit: 'catalog.agency_logo',
    none: { id: 'Instansi ini belum memiliki logo.', en: 'This agency has no logo.' },
  },
} as const satisfies Record<string, AgencyFileKind>;
export type AgencyFileSlot = keyof typeof AGENCY_FILES;

/**
 * The agency of a site, for the routes of its files: authorized like editing the agency (site
 * admin of the site, or the agency's own agency_admin) before anything is read, so strangers
 * learn nothing; an agency of another site is 404.
 */
async function agencyForFiles(ctx: AppContext, caller: Caller, siteId: string, agencyId: string): Promise<repo.AgencyRow> {
  authorizeAgencyCatalog(caller.actor, siteId, agencyId);
  return agencyOfSite(ctx, siteId, agencyId);
}

async function agencyOfSite(ctx: AppContext, siteId: string, agencyId: string): Promise<repo.AgencyRow> {
  const a = await repo.findAgency(ctx.db, agencyId);
  if (!a || a.siteId !== siteId) throw notFound('Instansi', 'Agency');
  return a;
}

const noFile = (slot: AgencyFileSlot) => appError('not_found', { messages: AGENCY_FILES[slot].none });

/**
 * Stores a file of the agency (its purpose decides the types and size: the agreement is PDF, JPG
 * or PNG up to 10 MiB, the logo PNG, JPG or WebP up to 1 MiB; checked from the content and
 * encrypted) and links it, replacing the previous one (whose stored row is kept for history).
 * The file row, the agency change, the event and the audit entry commit together; nothing is
 * written when the file is refused. `read` takes the upload off the request and is called only
 * once the caller is authorized.
 */
export async function putAgencyFile(ctx: AppContext, caller: Caller, slot: AgencyFileSlot, siteId: string, agencyId: string, read: () => Promise<Upload>) {
  const kind = AGENCY_FILES[slot];
  const current = await agencyForFiles(ctx, caller, siteId, agencyId);
  const previousFileId = current[kind.column];
  const upload = await read();
  await transact(ctx, async (tx, emit) => {
    const file = await storeFile(tx, ctx, {
      siteId,
      purpose: kind.purpose,
      policy: kind.policy,
      filename: upload.filename,
      content: upload.content,
      createdBy: caller.actor.kind === 'user' ? caller.actor.id : null,
    });
    await repo.updateAgency(tx, agencyId, { [kind.column]: file.id, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: `${kind.audit}_${previousFileId ? 'replaced' : 'uploaded'}`,
      siteId,
      agencyId,
      targetType: 'agency',
      targetId: agencyId,
      details: { fileId: file.id, previousFileId, filename: file.filename, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 },
    });
    await emit({ siteId, type: 'catalog.changed', aggregateType: 'agency', aggregateId: agencyId, payload: { entity: 'agency', id: agencyId, action: 'updated' } });
  });
  return getAdminAgency(ctx, caller, agencyId);
}

/** The agreement document's bytes and metadata, decrypted; the download is audited. 404 when none. */
export async function getAgreementDocument(ctx: AppContext, caller: Caller, siteId: string, agencyId: string) {
  const current = await agencyForFiles(ctx, caller, siteId, agencyId);
  const fileId = current.agreementFileId;
  if (!fileId) throw noFile('agreement');
  return transact(ctx, async (tx) => {
    const file = await readFile(ctx, fileId, tx);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: `${AGENCY_FILES.agreement.audit}_downloaded`,
      siteId,
      agencyId,
      targetType: 'agency',
      targetId: agencyId,
      details: { fileId, filename: file.filename, sha256: file.sha256 },
    });
    return file;
  });
}

/**
 * Public (no login, so no authorize on purpose: logos are shown on the public pages, also of an
 * inactive agency in the administration): an agency's logo, its metadata at once and its bytes
 * only when asked (a conditional request that matches needs no decryption). 404 when the agency
 * has none, or is not of that site.
 */
export async function getAgencyLogo(ctx: AppContext, siteId: string, agencyId: string) {
  const fileId = (await agencyOfSite(ctx, siteId, agencyId)).logoFileId;
  const meta = fileId ? (await describeFiles(ctx.db, [fileId])).get(fileId) : undefined;
  if (!fileId || !meta) throw noFile('logo');
  return { ...meta, content: async () => (await readFile(ctx, fileId)).content };
}

/** The public address of an agency's logo, versioned by its content so caches may keep it. */
function logoUrlOf(a: repo.AgencyRow, files: Map<string, FileView>): string | null {
  const f = a.logoFileId ? files.get(a.logoFileId) : undefined;
  return f ? `/api/v1/sites/${a.siteId}/agencies/${a.id}/logo?v=${f.sha256.slice(0, 8)}` : null;
}

/**
 * Unlinks a file from the agency (the stored row stays, for history). Nothing changes, and
 * nothing is recorded, when there is none.
 */
export async function removeAgencyFile(ctx: AppContext, caller: Caller, slot: AgencyFileSlot, siteId: string, agencyId: string) {
  const kind = AGENCY_FILES[slot];
  const fileId = (await agencyForFiles(ctx, caller, siteId, agencyId))[kind.column];
  if (fileId) {
    await transact(ctx, async (tx, emit) => {
      await repo.updateAgency(tx, agencyId, { [kind.column]: null, updatedAt: ctx.clock.now() });
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
        action: `${kind.audit}_removed`,
        siteId,
        agencyId,
        targetType: 'agency',
        targetId: agencyId,
        details: { fileId },
      });
      await emit({ siteId, type: 'catalog.changed', aggregateType: 'agency', aggregateId: agencyId, payload: { entity: 'agency', id: agencyId, action: 'updated' } });
    });
  }
  return getAdminAgency(ctx, caller, agencyId);
}
