/**
 * Staff, through a consent only (DESIGN §7): an officer or agency admin of the consent's agency
 * opens a share code and sees the citizen's name, masked NIK and the shared documents, reads
 * them (inline, watermarked, or the original file), verifies or rejects them, confirms the NIK
 * after seeing the KTP, and can issue a document into the wallet.
 *
 * Every use runs in a transaction that reads the consent FOR SHARE and writes the citizen's
 * access-log row and the staff audit row with it: a revocation (an UPDATE of that row) waits for
 * reads in flight and every read after its commit is refused. An unknown, expired or revoked code
 * and a code of another agency all answer the same 404, and each refused attempt is audited (and
 * shown to the citizen when the code was theirs).
 */
import { DateTime } from 'luxon';
import { maskNik } from '../../../domain/nik';
import { roleCan } from '../../../domain/policy';
import { formatOpening } from '../../../domain/opening-hours';
import type { Actor, Membership } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Caller } from '../../platform/context';
import type { AppContext } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import type { Tx } from '../../platform/db';
import { appError } from '../../platform/errors';
import { transact, type Emit } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { openFileStream, readChunkedContent, type OpenUpload } from '../files/files.lookup';
import { citizensError, shareNotFound } from './citizens.errors';
import * as repo from './citizens.repository';
import { shareCodeHashOf } from './consent.service';
import { presentDocuments, storeDocument } from './wallet.service';
import { watermarked } from './watermark';

type Staff = Extract<Actor, { kind: 'user' }>;

interface Share {
  consent: repo.ConsentRow;
  membership: Membership;
  staff: Staff;
}

/** The membership that lets this user use the consent: of the consent's own agency, with personal.read. */
function membershipFor(actor: Staff, consent: repo.ConsentRow): Membership | null {
  return actor.memberships.find((m) => m.agencyId === consent.agencyId && m.siteId === consent.siteId && roleCan(m.role, 'personal.read')) ?? null;
}

type Refusal = 'unknown' | 'revoked' | 'expired' | 'other_agency';

/**
 * Runs `work` on a live share the caller may use, inside one transaction with the consent locked
 * FOR SHARE; refuses with the one 404 otherwise (after auditing the attempt). 401 without a staff
 * session (a citizen's token is not one).
 */
async function withShare<T>(ctx: AppContext, caller: Caller, code: string, work: (tx: Tx, emit: Emit, share: Share) => Promise<T>): Promise<T> {
  if (caller.actor.kind !== 'user') throw appError('auth.unauthenticated');
  const staff = caller.actor;
  const hash = shareCodeHashOf(ctx, code);
  let refused: { reason: Refusal; consent?: repo.ConsentRow } | null = null;
  const result = await transact(ctx, async (tx, emit) => {
    const consent = await repo.consentByCodeForShare(tx, hash);
    const now = ctx.clock.now();
    if (!consent || consent.purgedAt) return void (refused = { reason: 'unknown' });
    if (consent.revokedAt) return void (refused = { reason: 'revoked', consent });
    if (consent.expiresAt <= now) return void (refused = { reason: 'expired', consent });
    const membership = membershipFor(staff, consent);
    if (!membership) return void (refused = { reason: 'other_agency', consent });
    return { value: await work(tx, emit, { consent, membership, staff }) };
  });
  if (result) return result.value;
  const r = refused as unknown as { reason: Refusal; consent?: repo.ConsentRow };
  await ctx.db.transaction(async (tx) => {
    const agencyId = staff.memberships.find((m) => m.agencyId)?.agencyId ?? null;
    if (r.consent) {
      await repo.insertAccess(tx, { citizenId: r.consent.citizenId, at: ctx.clock.now(), actorUserId: staff.id, agencyId, role: staff.memberships[0]?.role ?? null, consentId: r.consent.id, action: 'read_refused', purpose: r.consent.purpose });
    }
    await recordAudit(tx, ctx.clock, staff, caller.ip, { action: 'citizens.share_refused', siteId: r.consent?.siteId ?? null, agencyId, targetType: 'citizen_consent', targetId: r.consent?.id, details: { reason: r.reason } });
  });
  throw shareNotFound();
}

/** The citizen's access-log row and the staff audit row of one use of a share. */
async function logUse(ctx: AppContext, tx: Tx, caller: Caller, s: Share, action: 'profile.read' | 'document.read' | 'document.verified' | 'document.rejected' | 'document.issued' | 'nik.verified', documentId?: string, details: Record<string, unknown> = {}) {
  await repo.insertAccess(tx, { citizenId: s.consent.citizenId, at: ctx.clock.now(), actorUserId: s.staff.id, agencyId: s.consent.agencyId, role: s.membership.role, consentId: s.consent.id, documentId: documentId ?? null, action, purpose: s.consent.purpose });
  await recordAudit(tx, ctx.clock, s.staff, caller.ip, {
    action: `citizens.${action.replace('.', '_')}`,
    siteId: s.consent.siteId,
    agencyId: s.consent.agencyId,
    targetType: documentId ? 'citizen_document' : 'citizen',
    targetId: documentId ?? s.consent.citizenId,
    details: { consentId: s.consent.id, purpose: s.consent.purpose, ...details },
  });
}

async function sharedDocuments(tx: Tx, consentId: string) {
  return (await repo.consentDocuments(tx, [consentId])).map((l) => l.document).filter((d) => d.fileId);
}

/** GET /shared/{shareCode}: the citizen's name, masked NIK and the shared documents, as the citizen sees them. */
export async function openShared(ctx: AppContext, caller: Caller, code: string) {
  return withShare(ctx, caller, code, async (tx, _emit, s) => {
    const citizen = await repo.findCitizen(tx, s.consent.citizenId);
    const docs = await presentDocuments(ctx, await sharedDocuments(tx, s.consent.id));
    await logUse(ctx, tx, caller, s, 'profile.read');
    const agency = await cachedCatalog.getAgency(ctx, s.consent.agencyId);
    return {
      citizen: {
        name: citizen?.nameEnc ? decryptText(ctx.keys.encryption, citizen.nameEnc) : null,
        nik: citizen?.nikEnc ? maskNik(decryptText(ctx.keys.encryption, citizen.nikEnc)) : null,
        nikVerified: !!citizen?.nikVerifiedAt,
      },
      agency: { id: agency.id, name: agency.name },
      purpose: s.consent.purpose,
      documents: docs.map((d) => ({ id: d.id, documentTypeId: d.documentTypeId, name: d.name, status: d.status, mediaType: d.file?.mediaType ?? null, sizeBytes: d.file?.sizeBytes ?? null })),
      expiresAt: s.consent.expiresAt.toISOString(),
    };
  });
}

/** A shared document of the share, or the one 404 for a document it does not share. */
async function sharedDocument(tx: Tx, s: Share, documentId: string) {
  const d = (await sharedDocuments(tx, s.consent.id)).find((x) => x.id === documentId);
  if (!d) throw citizensError('citizen.document_not_found');
  return d;
}

/**
 * GET /shared/{code}/documents/{id}/content (`watermark`: the viewer's stamped PDF). The read is
 * granted and logged in the transaction; the bytes are streamed after it.
 */
export async function sharedContent(ctx: AppContext, caller: Caller, code: string, documentId: string, watermark: boolean) {
  const granted = await withShare(ctx, caller, code, async (tx, _emit, s) => {
    const d = await sharedDocument(tx, s, documentId);
    await logUse(ctx, tx, caller, s, 'document.read', d.id, { watermark });
    return { fileId: d.fileId!, agencyId: s.consent.agencyId, siteId: s.consent.siteId, purpose: s.consent.purpose, by: s.staff.username };
  });
  if (!watermark) return { kind: 'stream' as const, ...(await openFileStream(ctx, granted.fileId)) };
  const { meta, content } = await readChunkedContent(ctx, granted.fileId);
  const [agency, site] = [await cachedCatalog.getAgency(ctx, granted.agencyId), await cachedCatalog.getSite(ctx, granted.siteId)];
  const when = formatOpening(ctx.clock.now(), site.timeZone).id;
  const stamp = { line: `${agency.name} - ${when}`, detail: `Dilihat oleh ${granted.by} untuk: ${granted.purpose} (${DateTime.fromJSDate(ctx.clock.now()).toISO()})` };
  return { kind: 'buffer' as const, meta, content: await watermarked(content, meta.mediaType, stamp) };
}

/** POST /shared/{code}/documents/{id}/review {status: verified | rejected, reason?} */
export async function reviewShared(ctx: AppContext, caller: Caller, code: string, documentId: string, input: { status: 'verified' } | { status: 'rejected'; reason: string }) {
  return withShare(ctx, caller, code, async (tx, emit, s) => {
    const d = await sharedDocument(tx, s, documentId);
    if (d.status === 'issued') throw citizensError('citizen.document_state', { messages: { id: 'Dokumen terbitan instansi tidak perlu diperiksa.', en: 'An issued document needs no review.' } });
    const now = ctx.clock.now();
    const from = input.status === 'verified' ? ['uploaded', 'rejected'] : ['uploaded', 'verified'];
    const updated = await repo.reviewDocument(tx, d.id, from, {
      status: input.status,
      reviewedAgencyId: s.consent.agencyId,
      reviewedBy: s.staff.id,
      reviewedAt: now,
      rejectionReason: input.status === 'rejected' ? input.reason : null,
    });
    if (!updated) throw citizensError('citizen.document_state');
    await emit({ siteId: s.consent.siteId, type: 'citizen.document_reviewed', aggregateType: 'citizen_document', aggregateId: d.id, payload: { citizenId: d.citizenId, agencyId: s.consent.agencyId, documentId: d.id, status: input.status } });
    await logUse(ctx, tx, caller, s, input.status === 'verified' ? 'document.verified' : 'document.rejected', d.id, input.status === 'rejected' ? { reason: input.reason } : {});
    return (await presentDocuments(ctx, [updated]))[0];
  });
}

/** POST /shared/{code}/nik-verification: the officer saw the KTP and confirms the declared NIK. */
export async function verifySharedNik(ctx: AppContext, caller: Caller, code: string) {
  return withShare(ctx, caller, code, async (tx, emit, s) => {
    const citizen = await repo.findCitizen(tx, s.consent.citizenId);
    if (!citizen?.nikEnc) throw citizensError('citizen.document_state', { messages: { id: 'Warga belum mengisi NIK.', en: 'The citizen has not declared a NIK.' } });
    const now = ctx.clock.now();
    await repo.updateCitizen(tx, citizen.id, { nikVerifiedAt: now, nikVerifiedBy: s.staff.id, nikVerifiedAgencyId: s.consent.agencyId });
    await emit({ siteId: s.consent.siteId, type: 'citizen.nik_verified', aggregateType: 'citizen', aggregateId: citizen.id, payload: { citizenId: citizen.id, agencyId: s.consent.agencyId } });
    await logUse(ctx, tx, caller, s, 'nik.verified');
    return { nik: maskNik(decryptText(ctx.keys.encryption, citizen.nikEnc)), nikVerified: true };
  });
}

/**
 * POST /shared/{code}/documents (multipart documentTypeId, file): the agency issues a document
 * into the citizen's wallet (e.g. Disdukcapil's new KK), verified by construction.
 */
export async function issueShared(ctx: AppContext, caller: Caller, code: string, upload: OpenUpload, documentTypeId: string | undefined) {
  // Checked before the file is read, and again (locked) in the transaction that stores it.
  let share: Share;
  try {
    share = await withShare(ctx, caller, code, async (_tx, _emit, s) => s);
  } catch (err) {
    upload.stream.resume();
    throw err;
  }
  return storeDocument(ctx, share.consent.citizenId, upload, documentTypeId, { status: 'issued', agencyId: share.consent.agencyId, siteId: share.consent.siteId, by: share.staff.id }, async (tx, emit, doc) => {
    const live = await repo.consentByCodeForShare(tx, share.consent.codeHash);
    if (!live || live.revokedAt || live.expiresAt <= ctx.clock.now()) throw shareNotFound();
    await emit({ siteId: share.consent.siteId, type: 'citizen.document_issued', aggregateType: 'citizen_document', aggregateId: doc.id, payload: { citizenId: doc.citizenId, agencyId: share.consent.agencyId, documentId: doc.id, documentTypeId: doc.documentTypeId } });
    await logUse(ctx, tx, caller, share, 'document.issued', doc.id);
  });
}

/**
 * An application registered at the counter with the citizen's share code (applications): who the
 * citizen is and which documents they shared, so the application joins their account and holds
 * those documents while it is open. One use of the share, logged for the citizen and audited.
 */
export async function shareForApplication(ctx: AppContext, caller: Caller, code: string) {
  return withShare(ctx, caller, code, async (tx, _emit, s) => {
    const docs = await sharedDocuments(tx, s.consent.id);
    await logUse(ctx, tx, caller, s, 'profile.read', undefined, { for: 'application' });
    return { citizenId: s.consent.citizenId, agencyId: s.consent.agencyId, siteId: s.consent.siteId, documentIds: docs.map((d) => d.id) };
  });
}
