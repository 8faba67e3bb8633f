/**
 * The citizen's own profile (name, contact, declared NIK) and history. The NIK is "declared"
 * until an officer who saw the KTP marks it verified (through a share: shared.service); a newly
 * declared NIK starts unverified again.
 */
import { maskNik, nikMessages, validateNik } from '../../../domain/nik';
import type { AppContext } from '../../platform/context';
import { decryptText, encryptText, hmac } from '../../platform/crypto';
import { fieldError, nullIfNotFound } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import type { CitizenCaller } from './citizen.caller';
import { citizensError } from './citizens.errors';
import * as repo from './citizens.repository';

export const nikHashOf = (ctx: AppContext, nik: string) => hmac(ctx.keys.blindIndex, `nik:${nik}`);

const agencyRef = async (ctx: AppContext, agencyId: string | null) => {
  if (!agencyId) return null;
  const a = await cachedCatalog.getAgency(ctx, agencyId).catch(nullIfNotFound);
  return a ? { id: a.id, name: a.name } : null;
};

export async function presentSelf(ctx: AppContext, c: repo.CitizenRow) {
  const verifiedBy = c.nikVerifiedAt ? await agencyRef(ctx, c.nikVerifiedAgencyId) : null;
  return {
    id: c.id,
    name: c.nameEnc ? decryptText(ctx.keys.encryption, c.nameEnc) : null,
    contact: decryptText(ctx.keys.encryption, c.contactEnc),
    contactKind: c.contactKind as 'email' | 'phone',
    nik: c.nikEnc ? maskNik(decryptText(ctx.keys.encryption, c.nikEnc)) : null,
    nikVerified: !!c.nikVerifiedAt,
    nikVerifiedBy: verifiedBy ? { agency: verifiedBy } : null,
  };
}

export async function loadCitizen(ctx: AppContext, citizenId: string): Promise<repo.CitizenRow> {
  const c = await repo.findCitizen(ctx.db, citizenId);
  if (!c || c.deletedAt) throw citizensError('citizen.unauthenticated');
  return c;
}

/** GET /me */
export async function getMe(ctx: AppContext, caller: CitizenCaller) {
  return presentSelf(ctx, await loadCitizen(ctx, caller.citizenId));
}

/** PATCH /me {name?, nik?}: a NIK is validated (DOMAIN §6), stored encrypted, shown masked. */
export async function patchMe(ctx: AppContext, caller: CitizenCaller, input: { name?: string; nik?: string | null }) {
  const patch: Partial<repo.CitizenRow> = {};
  if (input.name !== undefined) patch.nameEnc = encryptText(ctx.keys.encryption, input.name.trim());
  if (input.nik !== undefined) {
    if (input.nik === null || input.nik === '') {
      Object.assign(patch, { nikEnc: null, nikHash: null, nikVerifiedAt: null, nikVerifiedBy: null, nikVerifiedAgencyId: null });
    } else {
      const v = validateNik(input.nik, ctx.clock.now());
      if (!v.ok) throw fieldError('body.nik', `nik.${v.reason}`, nikMessages[v.reason]);
      const current = await loadCitizen(ctx, caller.citizenId);
      const same = current.nikHash === nikHashOf(ctx, v.nik);
      // Declaring the same NIK again keeps its verification; another NIK is declared anew.
      if (!same) Object.assign(patch, { nikEnc: encryptText(ctx.keys.encryption, v.nik), nikHash: nikHashOf(ctx, v.nik), nikVerifiedAt: null, nikVerifiedBy: null, nikVerifiedAgencyId: null });
    }
  }
  const updated = Object.keys(patch).length ? await repo.updateCitizen(ctx.db, caller.citizenId, patch) : await repo.findCitizen(ctx.db, caller.citizenId);
  if (!updated) throw citizensError('citizen.unauthenticated');
  return presentSelf(ctx, updated);
}

/**
 * DELETE /me: the account ends at once (every session signed out, every consent revoked); its
 * documents are purged by the retention sweep after the retention period (citizens.jobs).
 */
export async function deleteAccount(ctx: AppContext, caller: CitizenCaller): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updateCitizen(tx, caller.citizenId, { deletedAt: now });
    await repo.revokeSessionsOf(tx, caller.citizenId, now);
    for (const c of await repo.consentsOf(tx, caller.citizenId)) if (!c.revokedAt) await repo.revokeConsent(tx, caller.citizenId, c.id, now);
  });
}

/** GET /me/history: bookings (and later applications) made while signed in, newest first. */
export async function getHistory(ctx: AppContext, caller: CitizenCaller) {
  const rows = await repo.historyOf(ctx.db, caller.citizenId, 100);
  const out = [];
  for (const h of rows) {
    const site = h.siteId ? await cachedCatalog.getSite(ctx, h.siteId).catch(nullIfNotFound) : null;
    const service = h.serviceId ? await cachedCatalog.getService(ctx, h.serviceId).catch(nullIfNotFound) : null;
    out.push({
      kind: h.kind as 'booking' | 'ticket' | 'application',
      id: h.refId,
      code: h.code,
      at: h.at.toISOString(),
      recordedAt: h.createdAt.toISOString(),
      site: site ? { id: site.id, name: site.name, timeZone: site.timeZone } : null,
      service: service ? { id: service.service.id, name: service.service.name } : null,
    });
  }
  return out;
}
