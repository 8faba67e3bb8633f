/**
 * CSV and XLSX of a scope's applications over a period (received or closed in it), for the
 * agency's records and the ministry's SLA report: number, service, status, dates, due date,
 * whether it was met. The applicant's name and masked NIK are in it (an audited read).
 */
import ExcelJS from 'exceljs';
import { maskNik } from '../../../domain/nik';
import type { ApplicationStatus } from '../../../domain/applications';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import { decryptText } from '../../platform/crypto';
import { toCsv } from '../../platform/csv';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { statusLabel } from './applications.errors';
import * as repo from './applications.repository';
import { deadlinesOf } from './deadline';
import { periodOf, readScope, servicesOf } from './read.service';

export const EXPORT_HEADER = ['Nomor registrasi', 'Kode lacak', 'Instansi', 'Layanan', 'Status', 'Diterima', 'Jatuh tempo', 'Sisa hari kerja', 'Selesai', 'Tepat waktu', 'Nama pemohon', 'NIK'];

export async function exportApplications(ctx: AppContext, caller: Caller, siteId: string, q: { from?: string; to?: string; agencyId?: string; status?: ApplicationStatus; format: 'csv' | 'xlsx' }) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const scope = readScope(caller, siteId, q.agencyId);
  const { from, to } = periodOf(site, ctx.clock.now(), q.from, q.to);
  const list = await repo.ofPeriod(ctx.db, scope, from, to, { status: q.status });
  const [{ of }, services] = await Promise.all([deadlinesOf(ctx, site, list), servicesOf(ctx, siteId)]);
  const open = (s: string | null) => (s ? decryptText(ctx.keys.encryption, s) : '');
  const data = list.map((a) => {
    const d = of(a);
    const svc = services(a.serviceId);
    const nik = open(a.nikEnc);
    return [a.registrationNumber, a.trackingCode, svc.agency.shortName, svc.service.name, statusLabel(a.status).id, a.receivedOn ?? '', d.dueDate ?? '', d.workingDaysLeft ?? '', a.closedOn ?? '', a.onTime === null ? '' : a.onTime ? 'ya' : 'tidak', open(a.nameEnc), nik ? maskNik(nik) : ''];
  });
  await recordAudit(ctx.db, ctx.clock, caller.actor, caller.ip, { action: 'applications.exported', siteId, agencyId: q.agencyId ?? null, targetType: 'application', details: { from, to, format: q.format, rows: data.length } });
  const name = `permohonan-${from}-${to}.${q.format}`;
  if (q.format === 'csv') return { name, body: toCsv(EXPORT_HEADER, data) };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket';
  const ws = wb.addWorksheet('Permohonan');
  ws.addRow(EXPORT_HEADER).font = { bold: true };
  data.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c, i) => (c.width = i === 3 || i === 10 ? 36 : 18));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { name, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
