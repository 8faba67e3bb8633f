/**
 * Document types (KTP-el, KK, akta kelahiran …): one shared vocabulary for every site, so a
 * requirement means the same document everywhere and a citizen's stored document can satisfy the
 * requirements of any service. Keys are stable (services refer to them); names can change.
 */
import { uuidv7 } from 'uuidv7';
import { rankByQuery } from '../../../domain/search';
import { recordAudit } from '../../platform/audit';
import { can, type Actor } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import * as repo from './catalog.repository';
import { changes, paginate, statusFilter } from './catalog.view';
import { conflict, DOC_KEY_RE, FieldErrors } from './catalog.validation';

const present = (d: repo.DocumentTypeRow) => ({ id: d.id, key: d.key, name: d.name, description: d.description, active: d.active });

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

/** Staff who edit services (to pick requirements): every type, inactive too, with search. */
export async function listAdminDocumentTypes(ctx: AppContext, caller: Caller, q: { q?: string; page: number; pageSize: number; status: 'all' | 'active' | 'inactive' }) {
  authorizeSomewhere(caller.actor, 'catalog.manage');
  let rows = statusFilter(await repo.listDocumentTypes(ctx.db, false), q.status);
  rows = rankByQuery(rows, q.q, (d) => [
    { text: d.key, weight: 3 },
    { text: d.name, weight: 3 },
    { text: d.description, weight: 0.5 },
  ]);
  const p = paginate(rows, q.page, q.pageSize);
  return { ...p, items: p.items.map(present) };
}

/** Platform or site admin: a new document type. */
export async function createDocumentType(ctx: AppContext, caller: Caller, input: { key: string; name: string; description?: string | null }) {
  authorizeSomewhere(caller.actor, 'site.manage');
  if (!DOC_KEY_RE.test(input.key)) {
    new FieldErrors()
      .add('body.key', 'invalid_key', { id: 'Kunci hanya huruf kecil, angka, tanda hubung dan garis bawah (mis. ktp-el).', en: 'The key may contain only lowercase letters, digits, dash and underscore (e.g. ktp-el).' })
      .throwIfAny();
  }
  const row = await transact(ctx, async (tx) => {
    const d = await repo.insertDocumentType(tx, { id: uuidv7(), key: input.key, name: input.name, description: input.description ?? null });
    if (!d) throw conflict('key', { id: 'Kunci jenis dokumen sudah ada.', en: 'This document type key already exists.' });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.document_type_created', targetType: 'document_type', targetId: d.id, details: { key: d.key, name: d.name } });
    return d;
  });
  return present(row);
}

/** Platform or site admin: rename, describe, (de)activate. The key never changes. */
export async function updateDocumentType(ctx: AppContext, caller: Caller, id: string, input: { name?: string; description?: string | null; active?: boolean }) {
  authorizeSomewhere(caller.actor, 'site.manage');
  const current = await repo.findDocumentType(ctx.db, id);
  if (!current) throw notFound('Jenis dokumen', 'Document type');
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const diff = changes(current as unknown as Record<string, unknown>, patch);
  if (Object.keys(diff).length === 0) return present(current);
  const row = await transact(ctx, async (tx) => {
    const d = await repo.updateDocumentType(tx, id, patch);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'catalog.document_type_updated', targetType: 'document_type', targetId: id, details: { key: current.key, changes: diff } });
    return d!;
  });
  return present(row);
}
