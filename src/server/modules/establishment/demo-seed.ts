/**
 * Demo mode: Kalimantan Timur's MPPs at their stages (demo-data.ts), linked to the demo sites of
 * the catalogue, with their history and a few evidence documents (small PDFs marked as demo
 * samples, stored encrypted like any upload), and the `pemprov` login (platform_admin, the
 * province's view). Idempotent: a region that has a record is left alone.
 */
import PDFDocument from 'pdfkit';
import { uuidv7 } from 'uuidv7';
import { MPP_DOCUMENT_KINDS } from '../../../domain/establishment';
import type { Clock } from '../../platform/clock';
import type { Keys } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { hashPassword, insertDemoUsers } from '../access/access.lookup';
import { findSiteByRef } from '../catalog/catalog.lookup';
import { storeFile } from '../files/files.lookup';
import { DEMO_MPPS } from './demo-data';
import { DOCUMENT_POLICY } from './documents.service';
import * as repo from './establishment.repository';
import { findRegency } from './regions';

const DEMO_PASSWORD = 'loket-demo';
const BY = 'data demo';

/** A one-page PDF that says what it stands for, and that it is a demo sample. */
function samplePdf(title: string, regency: string, date: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.moveDown().font('Helvetica').fontSize(11).text(`${regency}, ${date}`);
  doc.moveDown().text('Contoh dokumen demo Loket. Bukan dokumen resmi.');
  doc.end();
  return done;
}

export async function seedEstablishmentDemo(deps: { db: Db; clock: Clock; keys: Keys }): Promise<{ created: number }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  // The PDFs are made before the transaction: nothing but the database inside it.
  const pdfs = new Map<string, Buffer>();
  for (const m of DEMO_MPPS) {
    for (const d of m.documents ?? []) pdfs.set(`${m.regencyCode}:${d.kind}`, await samplePdf(d.title, findRegency(m.regencyCode)!.name, d.documentDate));
  }
  await deps.db.transaction(async (tx) => {
    await insertDemoUsers(tx, now, passwordHash, [{ username: 'pemprov', displayName: 'Pemerintah Provinsi Kalimantan Timur (demo)', memberships: [{ role: 'platform_admin', siteId: null, agencyId: null }] }]);
    for (const m of DEMO_MPPS) {
      const regency = findRegency(m.regencyCode);
      if (!regency) throw new Error(`establishment demo: unknown region ${m.regencyCode}`);
      const site = m.siteSlug ? await findSiteByRef(deps, m.siteSlug, tx) : null;
      const id = uuidv7();
      const [stage, since] = m.reached.at(-1)!;
      const inserted = await repo.insertRecordIfAbsent(tx, {
        id,
        regencyCode: regency.code,
        provinceCode: regency.provinceCode,
        stage,
        stageSince: since,
        siteId: site?.id ?? null,
        plan: m.plan,
        planNote: m.planNote ?? '',
        note: m.note,
        checklist: m.checklist ?? {},
        createdAt: now,
        updatedAt: now,
      });
      if (!inserted) continue;
      created++;
      let from = 'none';
      for (const [to, date] of m.reached) {
        await repo.insertStageChange(tx, { id: uuidv7(), establishmentId: id, fromStage: from, toStage: to, direction: 'advance', date, note: null, reason: null, actorUserId: null, actorLabel: BY, at: now });
        from = to;
      }
      for (const d of m.documents ?? []) {
        const file = await storeFile(tx, deps, { siteId: site?.id ?? null, purpose: 'establishment.evidence', policy: DOCUMENT_POLICY, filename: `${d.kind}.pdf`, content: pdfs.get(`${m.regencyCode}:${d.kind}`)!, createdBy: null });
        await repo.insertDocument(tx, { id: uuidv7(), establishmentId: id, stage: MPP_DOCUMENT_KINDS[d.kind], kind: d.kind, agencyName: d.agencyName ?? null, title: d.title, documentDate: d.documentDate, fileId: file.id, uploadedBy: null, uploadedAt: now });
      }
    }
  });
  return { created };
}
