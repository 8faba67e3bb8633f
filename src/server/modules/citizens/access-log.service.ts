/**
 * The access log the citizen reads: every read of their profile or documents by anyone else
 * (officers, admins; the citizen's own downloads are not reads by others), every review, issue
 * and refused attempt, newest first. The reader is shown as agency and role, not by name.
 */
import type { AppContext } from '../../platform/context';
import { nullIfNotFound } from '../../platform/errors';
import { cachedCatalog, documentTypesByIds } from '../catalog/catalog.lookup';
import { ACCESS_ACTIONS } from '../../../contracts/citizens';
import type { CitizenCaller } from './citizen.caller';
import * as repo from './citizens.repository';

export async function accessLog(ctx: AppContext, caller: CitizenCaller, q: { before?: number; limit: number }) {
  const rows = await repo.accessLogOf(ctx.db, caller.citizenId, q.before, q.limit);
  const docIds = [...new Set(rows.map((r) => r.documentId).filter((d): d is string => !!d))];
  const docs = docIds.length ? await repo.findDocumentsIncludingDeleted(ctx.db, caller.citizenId, docIds) : [];
  const types = new Map((await documentTypesByIds(ctx, docs.map((d) => d.documentTypeId))).map((t) => [t.id, t.name]));
  const docName = new Map(docs.map((d) => [d.id, types.get(d.documentTypeId) ?? null]));
  const out = [];
  for (const r of rows) {
    const agency = r.agencyId ? await cachedCatalog.getAgency(ctx, r.agencyId).catch(nullIfNotFound) : null;
    out.push({
      seq: r.id,
      at: r.at.toISOString(),
      agency: agency ? { id: agency.id, name: agency.name } : null,
      role: r.role,
      documentId: r.documentId,
      documentName: r.documentId ? (docName.get(r.documentId) ?? null) : null,
      action: r.action as (typeof ACCESS_ACTIONS)[number],
      purpose: r.purpose,
    });
  }
  return out;
}
