/**
 * Document types (KTP-el, KK, akta kelahiran …): a vocabulary of requirement documents, so a
 * requirement means the same document everywhere and a citizen's stored document can satisfy the
 * requirements of any service. Keys are stable (services refer to them) and unique across the
 * platform; names can change. A type is never deleted: it is deactivated, after which it can no
 * longer be added to a service's requirements (services that name it keep it, with its name).
 *
 * Two kinds, by `site_id`:
 * - shared (null): the platform admin's. Every site's pages show its name, so a site admin may
 *   not rename or deactivate it (that would change Balikpapan's pages from Samarinda);
 * - a site's own: created, renamed and (de)activated by that site's admins (and the platform
 *   admin); only that site's services may require it.
 *
 * Who: listing, every holder of `catalog.manage` somewhere (agency admins pick requirements),
 * seeing the shared types and those of their sites.
 */
import { uuidv7 } from 'uuidv7';
import type { CatalogChange } from '../../../contracts/events';
import { rankByQuery } from '../../../domain/search';
import { recordAudit } from '../../platform/audit';
import { authorize, can, type Actor } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { appError, fieldError, notFound } from '../../platform/errors';
import { transact, type Emit } from '../../platform/tx';
import * as repo from './catalog.repository';
import { changes, paginate, statusFilter } from './catalog.view';
import { conflict, DOC_KEY_RE, FieldErrors } from './catalog.validation';

const present = (d: repo.DocumentTypeRow) => ({ id: d.id, key: d.key, name: d.name, description: d.description, active: d.active, siteId: d.siteId });
const presentAdmin = (d: repo.DocumentTypeRow, usage: Map<string, number>, actor: Actor) => ({ ...present(d), serviceCount: usage.get(d.key) ?? 0, editable: mayEdit(actor, d) });

/** Public: the active document types (with `siteId`, a site's pages need only shared + its own). */
export async function listDocumentTypes(ctx: AppContext, siteId?: string) {
  return (await repo.listDocumentTypes(ctx.db, true, siteId ? [siteId] : 'all')).map(present);
}

/** Holders of an action in at least one site (or platform-wide). */
function authorizeSomewhere(actor: Actor, action: 'site.manage' | 'catalog.manage'): void {
  if (actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  const ok = actor.kind === 'user' && actor.memberships.some((m) => can(actor, action, { siteId: m.siteId, agencyId: m.agencyId }));
  if (!ok) throw appError('auth.forbidden');
}

/** Shared types are the platform admin's; a site's own, its site admins' (and the platform admin's). */
const mayEdit = (actor: Actor, d: Pick<repo.DocumentTypeRow, 'siteId'>) => (d.siteId === null ? can(actor, 'platform.manage') : can(actor, 'site.manage', { siteId: d.siteId }));

function authorizeEdit(actor: Actor, d: Pick<repo.DocumentTypeRow, 'siteId'>): void {
  if (actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  if (mayEdit(actor, d)) return;
  throw appError('auth.forbidden', {
    messages:
      d.siteId === null
        ? { id: 'Jenis dokumen bersama hanya dapat diubah oleh admin platform; tambahkan jenis dokumen khusus MPP ini bila perlu.', en: 'A shared document type is changed by the platform admin only; add a document type of this site if needed.' }
        : { id: 'Jenis dokumen ini milik MPP lain.', en: 'This document type belongs to another site.' },
  });
}

/** The sites whose own types the actor sees: 'all' for platform-wide staff. */
function visibleSites(actor: Actor): 'all' | string[] {
  if (actor.kind !== 'user') return [];
  if (actor.memberships.some((m) => m.siteId === null && can(actor, 'catalog.manage', { siteId: null, agencyId: m.agencyId }))) return 'all';
  return [...new Set(actor.memberships.filter((m) => m.siteId !== null && can(actor, 'catalog.manage', { siteId: m.siteId, agencyId: m.agencyId })).map((m) => m.siteId as string))];
}

/**
 * Staff who edit services (to pick requirements): every type they may see, inactive too, with
 * search, usage and whether they may edit it. With `siteId` (a site's admin page): the shared
 * types and that site's own.
 */
export async function listAdminDocumentTypes(ctx: AppContext, caller: Caller, q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive'; siteId?: string }) {
  if (q.siteId) authorize(caller.actor, 'catalog.manage', { siteId: q.siteId, agencyId: agencyOf(caller.actor, q.siteId) });
  else authorizeSomewhere(caller.actor, 'catalog.manage');
  const sites = q.siteId ? [q.siteId] : visibleSites(caller.actor);
  const [all, usage] = await Promise.all([repo.listDocumentTypes(ctx.db, false, sites), repo.documentTypeUsage(ctx.db)]);
  let rows = statusFilter(all, q.status);
  rows = rankByQuery(rows, q.q, (d) => [
    { text: d.key, weight: 3 },
    { text: d.name, weight: 3 },
    { text: d.description, weight: 0.5 },
  ]);
  const p = paginate(rows, q.page, q.pageSize);
  return { ...p, items: p.items.map((d) => presentAdmin(d, usage, caller.actor)) };
}

/** An agency admin holds catalog.manage for their agency only: check the list against that scope. */
function agencyOf(actor: Actor, siteId: string): string | null {
  if (actor.kind !== 'user') return null;
  const m = actor.memberships.find((x) => (x.siteId === null || x.siteId === siteId) && can(actor, 'catalog.manage', { siteId, agencyId: x.agencyId }));
  return m?.agencyId ?? null;
}

async function presentOne(conn: Conn, d: repo.DocumentTypeRow, actor: Actor) {
  return presentAdmin(d, await repo.documentTypeUsage(conn), actor);
}

const NAME_TAKEN = (other: repo.DocumentTypeRow) => ({
  id: `Nama ini sudah dipakai jenis dokumen "${other.name}" (${other.key})${other.active ? '' : ', yang nonaktif; aktifkan kembali bila sama'}.`,
  en: `This name is already used by document type "${other.name}" (${other.key})${other.active ? '' : ', which is inactive; reactivate it if it is the same'}.`,
});

/**
 * 409 naming `body.name` when a type the same staff would see has this name (callers hold the
 * document types lock): a site's type against the shared ones and the site's own; a shared type
 * against every type, since every site sees it.
 */
async function refuseTakenName(conn: Conn, name: string, scope: { siteId: string | null; exceptId?: string }): Promise<void> {
  const other = await repo.documentTypeNamed(conn, name, scope);
  if (other) throw conflict('name', NAME_TAKEN(other));
}

/**
 * Where a new type belongs: `siteId` given, that site (its site admin, or the platform admin);
 * `null`, shared (the platform admin only); absent, shared for the platform admin and the site
 * of a site admin who manages exactly one.
 */
function ownerOf(actor: Actor, siteId: string | null | undefined): string | null {
  if (siteId === null || (siteId === undefined && can(actor, 'platform.manage'))) {
    if (!can(actor, 'platform.manage')) authorizeEdit(actor, { siteId: null });
    return null;
  }
  if (siteId) {
    authorize(actor, 'site.manage', { siteId });
    return siteId;
  }
  const managed = actor.kind === 'user' ? [...new Set(actor.memberships.filter((m) => m.siteId && can(actor, 'site.manage', { siteId: m.siteId })).map((m) => m.siteId as string))] : [];
  if (managed.length === 1) return managed[0];
  throw fieldError('body.siteId', 'required', { id: 'Pilih MPP pemilik jenis dokumen ini.', en: 'Choose the site this document type belongs to.' });
}

/** Every site's screens show document names inside service standards: tell their caches. */
const changed = (emit: Emit, id: string, action: CatalogChange) =>
  emit({ siteId: null, type: 'catalog.changed', aggregateType: 'document_type', aggregateId: id, payload: { entity: 'document_type', id, action } });

/** Platform or site admin: a new document type. The key and the name must both be new. */
export async function createDocumentType(ctx: AppContext, caller: Caller, input: { key: string; name: string; description?: string | null; siteId?: string | null }) {
  authorizeSomewhere(caller.actor, 'site.manage');
  const siteId = ownerOf(caller.actor, input.siteId);
  if (siteId && !(await repo.findSite(ctx.db, siteId))) throw fieldError('body.siteId', 'unknown_site', { id: 'MPP tidak ditemukan.', en: 'No such site.' });
  if (!DOC_KEY_RE.test(input.key)) {
    new FieldErrors()
      .add('body.key', 'invalid_key', {
        id: 'Kunci 2–60 karakter: huruf kecil, angka, tanda hubung dan garis bawah, diawali huruf atau angka (mis. ktp-el).',
        en: 'The key is 2–60 characters: lowercase letters, digits, dash and underscore, starting with a letter or digit (e.g. ktp-el).',
      })
      .throwIfAny();
  }
  const row = await transact(ctx, async (tx, emit) => {
    await repo.lockDocumentTypes(tx);
    await refuseTakenName(tx, input.name, { siteId });
    const id = uuidv7();
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.document_type_created', siteId, targetType: 'document_type', targetId: id, details: { key: input.key, name: input.name, shared: siteId === null } });
    await changed(emit, id, 'created');
    const d = await repo.insertDocumentType(tx, { id, key: input.key, name: input.name, description: input.description || null, siteId });
    if (!d) throw conflict('key', { id: 'Kunci jenis dokumen sudah ada.', en: 'This document type key already exists.' });
    return d;
  });
  return presentOne(ctx.db, row, caller.actor);
}

/** Rename, describe, (de)activate: a shared type by the platform admin, a site's by its admins. The key never changes. */
export async function updateDocumentType(ctx: AppContext, caller: Caller, id: string, input: { name?: string; description?: string | null; active?: boolean }) {
  authorizeSomewhere(caller.actor, 'catalog.manage');
  const current = await repo.findDocumentType(ctx.db, id);
  if (!current) throw notFound('Jenis dokumen', 'Document type');
  authorizeEdit(caller.actor, current);
  const patch = Object.fromEntries(Object.entries({ ...input, description: input.description === undefined ? undefined : input.description || null }).filter(([, v]) => v !== undefined));
  const diff = changes(current as unknown as Record<string, unknown>, patch);
  if (Object.keys(diff).length === 0) return presentOne(ctx.db, current, caller.actor);
  const action = diff.active && Object.keys(diff).length === 1 ? (patch.active ? 'catalog.document_type_activated' : 'catalog.document_type_deactivated') : 'catalog.document_type_updated';
  const row = await transact(ctx, async (tx, emit) => {
    if (diff.name) {
      await repo.lockDocumentTypes(tx);
      await refuseTakenName(tx, input.name as string, { siteId: current.siteId, exceptId: id });
    }
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action, siteId: current.siteId, targetType: 'document_type', targetId: id, details: { key: current.key, changes: diff } });
    await changed(emit, id, 'updated');
    const d = await repo.updateDocumentType(tx, id, patch);
    return d!;
  });
  return presentOne(ctx.db, row, caller.actor);
}

/** Deactivated types stay (services name them) but cannot be added to requirements any more. */
export const setDocumentTypeActive = (ctx: AppContext, caller: Caller, id: string, active: boolean) => updateDocumentType(ctx, caller, id, { active });
