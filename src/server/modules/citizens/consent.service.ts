/**
 * Consents: the citizen shares chosen documents with one agency, for a stated purpose, for a
 * period (default 7 days, at most 30), and gets a short share code (and its QR) to show at the
 * counter. A revocation is one conditional UPDATE; every read through a share checks the row
 * under a FOR SHARE lock (shared.service), so it takes effect at once in every process. A new
 * purpose needs a new consent: nothing is reused.
 */
import QRCode from 'qrcode';
import { uuidv7 } from 'uuidv7';
import { CONSENT_DEFAULT_DAYS } from '../../../contracts/citizens';
import type { AppContext } from '../../platform/context';
import { decryptText, encryptText, hmac, normaliseCode, randomCode } from '../../platform/crypto';
import { fieldError, nullIfNotFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import type { CitizenCaller } from './citizen.caller';
import { citizensError } from './citizens.errors';
import * as repo from './citizens.repository';
import { presentDocuments } from './wallet.service';

export const shareCodeHashOf = (ctx: AppContext, code: string) => hmac(ctx.keys.blindIndex, `share:${normaliseCode(code)}`);
/** `ABCD2345` → `ABCD-2345`: read aloud and typed in two halves. */
export const formatShareCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
const qrOf = (code: string) => QRCode.toString(formatShareCode(code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

/** POST /me/consents */
export async function createConsent(ctx: AppContext, caller: CitizenCaller, input: { agencyId: string; documentIds: string[]; purpose: string; expiresInDays?: number }) {
  const agency = await cachedCatalog.getAgency(ctx, input.agencyId).catch(nullIfNotFound);
  if (!agency || !agency.active) throw fieldError('body.agencyId', 'unknown_agency', { id: 'Instansi tidak ditemukan.', en: 'Unknown agency.' });
  const ids = [...new Set(input.documentIds)];
  const now = ctx.clock.now();
  const code = randomCode(8);
  const id = uuidv7();
  const expiresAt = new Date(now.getTime() + (input.expiresInDays ?? CONSENT_DEFAULT_DAYS) * 86_400_000);
  await transact(ctx, async (tx, emit) => {
    // A document of another citizen (or a deleted one) is a 404, like an unknown id.
    const docs = await repo.findDocumentsOf(tx, caller.citizenId, ids);
    if (docs.length !== ids.length) throw citizensError('citizen.document_not_found');
    const rejected = docs.find((d) => d.status === 'rejected' || !d.fileId);
    if (rejected) throw fieldError('body.documentIds', 'rejected_document', { id: 'Dokumen yang ditolak tidak dapat dibagikan. Unggah ulang.', en: 'A rejected document cannot be shared. Upload it again.' });
    await repo.insertConsent(tx, { id, citizenId: caller.citizenId, siteId: agency.siteId, agencyId: agency.id, purpose: input.purpose.trim(), codeHash: shareCodeHashOf(ctx, code), codeEnc: encryptText(ctx.keys.encryption, code), createdAt: now, expiresAt }, ids);
    await emit({ siteId: agency.siteId, type: 'citizen.consent_created', aggregateType: 'citizen_consent', aggregateId: id, payload: { citizenId: caller.citizenId, agencyId: agency.id, consentId: id, documents: ids.length } });
  });
  return { id, shareCode: formatShareCode(code), expiresAt: expiresAt.toISOString(), qrSvg: await qrOf(code) };
}

const statusOf = (c: repo.ConsentRow, now: Date): 'active' | 'expired' | 'revoked' => (c.revokedAt ? 'revoked' : c.expiresAt <= now ? 'expired' : 'active');

/** GET /me/consents: newest first, with their codes while they are live. */
export async function listConsents(ctx: AppContext, caller: CitizenCaller) {
  const now = ctx.clock.now();
  const consents = await repo.consentsOf(ctx.db, caller.citizenId);
  const links = await repo.consentDocuments(ctx.db, consents.map((c) => c.id));
  const shown = new Map((await presentDocuments(ctx, [...new Map(links.map((l) => [l.document.id, l.document])).values()])).map((d) => [d.id, d]));
  const out = [];
  for (const c of consents) {
    const status = statusOf(c, now);
    const agency = await cachedCatalog.getAgency(ctx, c.agencyId).catch(nullIfNotFound);
    const code = status === 'active' && c.codeEnc ? decryptText(ctx.keys.encryption, c.codeEnc) : null;
    out.push({
      id: c.id,
      shareCode: code ? formatShareCode(code) : null,
      qrSvg: code ? await qrOf(code) : null,
      agency: { id: c.agencyId, name: agency?.name ?? '' },
      purpose: c.purpose,
      status,
      createdAt: c.createdAt.toISOString(),
      expiresAt: c.expiresAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      documents: links
        .filter((l) => l.consentId === c.id)
        .map((l) => shown.get(l.document.id))
        .filter((d) => !!d)
        .map((d) => ({ id: d.id, documentTypeId: d.documentTypeId, name: d.name })),
    });
  }
  return out;
}

/** DELETE /me/consents/{id}: revoked at once; revoking again changes nothing (204); another citizen's is a 404. */
export async function revokeConsent(ctx: AppContext, caller: CitizenCaller, id: string): Promise<void> {
  await transact(ctx, async (tx, emit) => {
    const c = await repo.revokeConsent(tx, caller.citizenId, id, ctx.clock.now());
    if (c) {
      await emit({ siteId: c.siteId, type: 'citizen.consent_revoked', aggregateType: 'citizen_consent', aggregateId: c.id, payload: { citizenId: c.citizenId, agencyId: c.agencyId, consentId: c.id } });
      return;
    }
    if (!(await repo.findConsentOf(tx, caller.citizenId, id))) throw citizensError('citizen.share_not_found', { messages: { id: 'Persetujuan tidak ditemukan.', en: 'Consent not found.' } });
  });
}
