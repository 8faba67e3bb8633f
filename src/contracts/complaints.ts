/**
 * Requests and responses of complaint handling (pengaduan; DESIGN §7 "Complaints", DOMAIN §5).
 * The paths and fields of DESIGN §7 are a contract; the rest is documented in docs/complaints.md.
 */
import { z } from 'zod';
import { BODY_MAX, COMPLAINT_CHANNELS, COMPLAINT_CLASSIFICATIONS, COMPLAINT_ROLES, COMPLAINT_STATUSES, COMPLAINT_TARGETS, MESSAGE_MAX, MESSAGE_VISIBILITIES, TITLE_MAX } from '../domain/complaints';
import { calendarDate, idParams, instant, siteParams } from './common';

export { idParams, siteParams };

export { BODY_MAX, MESSAGE_MAX, TITLE_MAX };

const classification = z.enum(COMPLAINT_CLASSIFICATIONS);
const status = z.enum(COMPLAINT_STATUSES);
const author = z.enum(COMPLAINT_ROLES);
const visibility = z.enum(MESSAGE_VISIBILITIES);
const ref = z.object({ id: z.string(), name: z.string() });

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, 'phone number');

export const reporterInput = z.object({
  name: z.string().trim().min(2).max(120),
  phone: phone.nullish(),
  email: z.email().max(200).nullish(),
});

/** A tracking code as printed: letters and digits, dashes and spaces allowed. */
export const trackingCodeField = z.string().trim().min(4).max(24);

export const fileBody = z.object({
  classification,
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  agencyId: z.uuid().nullish().describe('The agency the complaint is about; leave out when unknown ("tidak tahu")'),
  serviceId: z.uuid().nullish(),
  trackingCode: trackingCodeField.nullish().describe("A ticket's tracking code (the visit the complaint is about)"),
  serviceDate: calendarDate.nullish().describe('When the service happened, if no ticket is linked (UU 25/2009: within 30 days)'),
  category: z.string().trim().max(100).nullish().describe('SP4N-LAPOR! kategori'),
  anonymous: z.boolean().default(false).describe('Keep no identity at all; follow by tracking code only'),
  confidential: z.boolean().default(false).describe('Rahasia: identity hidden from the agency, known to the complaint desk only'),
  reporter: reporterInput.nullish().describe('Required unless anonymous; dropped when anonymous'),
  source: z.enum(['web', 'status_page', 'receipt']).default('web').describe('Where the public form was opened from (statistics)'),
  /** Left empty by people; filled by form-filling bots (never shown). */
  homepage: z.string().max(500).optional().describe('Honeypot: must be empty'),
});

const warning = z.object({ code: z.string(), messages: z.object({ id: z.string(), en: z.string() }) });

export const filedResponse = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status: z.literal('submitted'),
  verifyBy: calendarDate.describe('3 working days after filing, in the site’s calendar'),
  trackingUrl: z.string().describe('The public tracking page (path)'),
  qrSvg: z.string().describe('QR code of the tracking page, an SVG document'),
  warnings: z.array(warning).describe('e.g. late_filing: the service was more than 30 days ago (not a refusal)'),
});

export const codeParams = z.object({ trackingCode: trackingCodeField });
export const codeFileParams = z.object({ trackingCode: trackingCodeField, fileId: z.uuid() });
export const idFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

const attachment = z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), from: author, at: instant });

export const publicComplaint = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status,
  classification,
  title: z.string(),
  body: z.string(),
  agency: ref.nullable(),
  service: ref.nullable(),
  filedAt: instant,
  verifyBy: calendarDate,
  respondBy: calendarDate.nullable(),
  autoCloseAfter: calendarDate.nullable().describe('The last day to answer the response; closed automatically after it'),
  forwardedTo: z.string().nullable(),
  closedBy: author.nullable().describe('Who closed it: reporter, desk, or system (automatically)'),
  confidential: z.boolean(),
  anonymous: z.boolean(),
  canReopen: z.boolean(),
  canConfirm: z.boolean(),
  canReply: z.boolean(),
  site: z.object({ name: z.string(), timeZone: z.string() }),
  replies: z.array(z.object({ at: instant, from: author, text: z.string() })),
  attachments: z.array(attachment),
});

export const transitionBody = z.object({
  to: z.enum(COMPLAINT_TARGETS),
  agencyId: z.uuid().nullish().describe('verified: the agency assigned'),
  text: z.string().trim().min(1).max(MESSAGE_MAX).nullish().describe('responded: the response (required); otherwise a public reply'),
  forwardedTo: z.string().trim().min(2).max(200).nullish().describe('not_authority: where the complaint was forwarded'),
  category: z.string().trim().max(100).nullish(),
  trackingCode: trackingCodeField.nullish().describe('closed by the reporter: the tracking code proves it'),
});

export const assignBody = z.object({ agencyId: z.uuid() });
export const reopenBody = z.object({ reason: z.string().trim().min(5).max(MESSAGE_MAX) });
export const replyBody = z.object({ text: z.string().trim().min(1).max(MESSAGE_MAX) });
export const messageBody = z.object({ text: z.string().trim().min(1).max(MESSAGE_MAX), visibility: visibility.default('public') });
export const laporBody = z.object({ ticketNumber: z.string().trim().min(3).max(40).nullable().describe('The SP4N-LAPOR! ticket number, or null to clear it') });
/** An attachment just uploaded, by the reporter or by staff. */
export const uploadedAttachment = z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), from: z.string(), visibility: z.string(), at: z.string() });
/** A complaint after a move: its status, agency and deadlines. */
export const transitioned = z.object({ id: z.uuid(), status: z.string(), agencyId: z.string().nullable(), verifyBy: z.string(), respondBy: z.string().nullable(), autoCloseAfter: z.string().nullable() });
export const attachmentQuery = z.object({ visibility: visibility.default('public') });

const reporterView = z
  .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
  .nullable()
  .describe('Null for anonymous complaints, and for a confidential one unless the caller is the complaint desk');

export const complaintItem = z.object({
  id: z.uuid(),
  reference: z.string().describe('What staff call it (ADU-261125-3F9A); not a secret'),
  trackingCode: z.string().nullable().describe('The reporter’s key: shown to the complaint desk only'),
  status,
  classification,
  category: z.string().nullable(),
  title: z.string(),
  agency: ref.nullable(),
  requestedAgency: ref.nullable(),
  service: ref.nullable(),
  channel: z.enum(COMPLAINT_CHANNELS),
  filedAt: instant,
  verifyBy: calendarDate,
  respondBy: calendarDate.nullable(),
  workingDaysLeft: z.number().int().nullable().describe('To the open step’s deadline; negative when overdue'),
  overdue: z.enum(['verify', 'respond']).nullable(),
  escalated: z.boolean(),
  confidential: z.boolean(),
  anonymous: z.boolean(),
  reporter: reporterView,
  laporTicket: z.string().nullable(),
});

export const listQuery = z.object({
  status: status.optional(),
  overdue: z.enum(['0', '1']).optional(),
  agencyId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const complaintPage = z.object({ items: z.array(complaintItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const complaintDetail = complaintItem.extend({
  body: z.string(),
  serviceDate: calendarDate.nullable(),
  lateFiling: z.boolean(),
  linked: z.object({ kind: z.string(), code: z.string(), number: z.string().nullable() }).nullable().describe('Hidden from the agency for confidential complaints'),
  forwardedTo: z.string().nullable(),
  autoCloseAfter: calendarDate.nullable(),
  closedBy: z.string().nullable(),
  reopenCount: z.number().int(),
  role: z.enum(['desk', 'agency', 'auditor']).describe('How the caller sees this complaint'),
  actions: z.array(z.enum(COMPLAINT_TARGETS)).describe('The transitions the caller may make now'),
  messages: z.array(z.object({ id: z.string(), at: instant, from: author, visibility, text: z.string(), by: z.string().nullable() })),
  attachments: z.array(attachment.extend({ visibility })),
  history: z.array(z.object({ at: instant, type: z.string(), status: status.nullable(), by: z.string() })),
});

export const exportQuery = z.object({ from: calendarDate, to: calendarDate, format: z.enum(['lapor', 'csv']).default('lapor') });

/** One report of the SP4N-LAPOR! export (docs/complaints.md). */
export const laporReport = z.object({
  kode_pelacakan: z.string().nullable().describe('Loket’s tracking code (exports of the complaint desk; null in an agency’s)'),
  referensi: z.string(),
  judul: z.string(),
  isi: z.string(),
  klasifikasi: classification,
  kategori: z.string().nullable(),
  rahasia: z.boolean(),
  anonim: z.boolean(),
  tanggal: z.string().describe('Filing time, ISO 8601 with the site’s offset'),
  instansi_tujuan: z.string().nullable(),
  layanan: z.string().nullable(),
  status,
  status_lapor: z.string().describe('The status in SP4N-LAPOR! terms'),
  nomor_tiket_lapor: z.string().nullable(),
  pelapor: z.object({ nama: z.string().nullable(), telepon: z.string().nullable(), email: z.string().nullable() }).nullable(),
  batas_verifikasi: calendarDate,
  batas_tindak_lanjut: calendarDate.nullable(),
  tanggapan: z.array(z.object({ tanggal: z.string(), dari: author, isi: z.string() })),
});

export const figuresQuery = z.object({
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  agencyId: z.uuid().optional(),
});

export const figuresRow = z.object({
  month: z.string().describe('YYYY-MM in the site’s zone (month of filing)'),
  agency: ref.nullable().describe('Null: not (yet) assigned to an agency'),
  received: z.number().int(),
  verified: z.number().int(),
  verifiedOnTime: z.number().int(),
  responded: z.number().int(),
  respondedOnTime: z.number().int(),
  followedUp: z.number().int().describe('Responded by the agency, or forwarded outside'),
  followedUpShare: z.number().nullable().describe('followedUp / received'),
  medianHoursToFirstReply: z.number().nullable(),
  repliedWithin24h: z.number().int(),
  overdueOpen: z.number().int().describe('Still open and past its deadline today'),
});
export const figuresResponse = z.array(figuresRow);
