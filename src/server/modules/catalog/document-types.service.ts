/**
 * Document types (KTP-el, KK, akta kelahiran …): one shared vocabulary for every site, so a
 * requirement means the same document everywhere and a citizen's stored document can satisfy the
 * requirements of any service. Keys are stable (services refer to them); names can change, and are
 * unique ignoring case and spacing. A type is never deleted: it is deactivated, after which it can
 * no longer be added to a service's requirements (services that name it keep it, with its name).
 *
 * Who: listing, every holder of `catalog.manage` somewhere (agency admins pick requirements);
 * creating, renaming and (de)activating, a site admin of any site or the platform admin.
 */
import { uuidv7 } from 'uuidv7';
import { rankByQuery } from '../../../domain/search';
import { recordAudit } from '../../platform/audit';
import { can, type Actor } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { transact, type Emit } from '../../platform/tx';
import * as repo from './catalog.repository';
import { changes, paginate, statusFilter } from './catalog.view';
import { conflict, DOC_KEY_RE, FieldErrors } from './catalog.validation';

const present = (d: repo.DocumentTypeRow) => ({ id: d.id, key: d.key, name: d.name, description: d.description, active: d.active });
const presentAdmin = (d: repo.DocumentTypeRow, usage: Map<string, number>) => ({ ...present(d), serviceCount: usage.get(d.key) ?? 0 });

/** Public: the active document types. */
export async function listDocumentTypes(ctx: AppContext) {
  return (await repo.listDocumentTypes(ctx.db, true)).map(present);
}

/** Holders of an action in at least one site (or platform-wide). */
function authorizeSomewhere(actor: Actor, action: 'site.manage' | 'catalog.manage'): void {
  if (actor.kind === 'anonymous') throw new AppError('auth.unauthenticated');
  const ok = actor.kind === 'user' && actor.memberships.some((m) => can(actor, action, { siteId: m.siteId, agencyId: m.agencyId }));
  if (!ok) throw new AppError('auth.forbidden');
}

/** Staff who edit services (to pick requirements): every type, inactive too, with search and usage. */
export async function listAdminDocumentTypes(ctx: AppContext, caller: Caller, q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive' }) {
  authorizeSomewhere(caller.actor, 'catalog.manage');
  const [all, usage] = await Promise.all([repo.listDocumentTypes(ctx.db, false), repo.documentTypeUsage(ctx.db)]);
  let rows = statusFilter(all, q.status);
  rows = rankByQuery(rows, q.q, (d) => [
    { text: d.key, weight: 3 },
    { text: d.name, weight: 3 },
    { text: d.description, weight: 0.5 },
  ]);
  const p = paginate(rows, q.page, q.pageSize);
  return { ...p, items: p.items.map((d) => presentAdmin(d, usage)) };
}

async function presentOne(conn: Conn, d: repo.DocumentTypeRow) {
  return presentAdmin(d, await repo.documentTypeUsage(conn));
}

const NAME_TAKEN = (other: repo.DocumentTypeRow) => ({
  id: `Nama ini sudah dipakai jenis dokumen "${other.name}" (${other.key})${other.active ? '' : ', yang nonaktif; aktifkan kembali bila sama'}.`,
  en: `This name is already used by document type "${other.name}" (${other.key})${other.active ? '' : ', which is inactive; reactivate it if it is the same'}.`,
});

/** 409 naming `body.name` when another type has this name (callers hold the document types lock). */
async function refuseTakenName(conn: Conn, name: string, exceptId?: string): Promise<void> {
  const other = await repo.documentTypeNamed(conn, name, exceptId);
  if (other) throw conflict('name', NAME_TAKEN(other));
}

/** Every site's screens show document names inside service standards: tell their caches. */
const changed = (emit: Emit, id: string, action: string) =>
  emit({ siteId: null, type: 'catalog.changed', aggregateType: 'document_type', aggregateId: id, payload: { entity: 'document_type', id, action } });

/** Platform or site admin: a new document type. The key and the name must both be new. */
export async function createDocumentType(ctx: AppContext, caller: Caller, input: { key: string; name: string; description?: string | null }) {
  authorizeSomewhere(caller.actor, 'site.manage');
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
    await refuseTakenName(tx, input.name);
    const id = uuidv7();
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.document_type_created', targetType: 'document_type', targetId: id, details: { key: input.key, name: input.name } });
    await changed(emit, id, 'created');
    const d = await repo.insertDocumentType(tx, { id, key: input.key, name: input.name, description: input.description || null });
    if (!d) throw conflict('key', { id: 'Kunci jenis dokumen sudah ada.', en: 'This document type key already exists.' });
    return d;
  });
  return presentOne(ctx.db, row);
}

/** Platform or site admin: rename, describe, (de)activate. The key never changes. */
export async function updateDocumentType(ctx: AppContext, caller: Caller, id: string, input: { name?: string; description?: string | null; active?: boolean }) {
  authorizeSomewhere(caller.actor, 'site.manage');
  const current = await repo.findDocumentType(ctx.db, id);
  if (!current) throw notFound('Jenis dokumen', 'Document type');
  const patch = Object.fromEntries(Object.entries({ ...input, description: input.description === undefined ? undefined : input.description || null }).filter(([, v]) => v !== undefined));
  const diff = changes(current as unknown as Record<string, unknown>, patch);
  if (Object.keys(diff).length === 0) return presentOne(ctx.db, current);
  const action = diff.active && Object.keys(diff).length === 1 ? (patch.active ? 'catalog.document_type_activated' : 'catalog.document_type_deactivated') : 'catalog.document_type_updated';
  const row = await transact(ctx, async (tx, emit) => {
    if (diff.name) {
      await repo.lockDocumentTypes(tx);
      await refuseTakenName(tx, input.name as string, id);
    }
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action, targetType: 'document_type', targetId: id, details: { key: current.key, changes: diff } });
    await changed(emit, id, 'updated');
    const d = await repo.updateDocumentType(tx, id, patch);
    return d!;
  });
  return presentOne(ctx.db, row);
}

/** Deactivated types stay (services name them) but cannot be added to requirements any more. */
export const setDocumentTypeActive = (ctx: AppContext, caller: Caller, id: string, active: boolean) => updateDocumentType(ctx, caller, id, { active });
