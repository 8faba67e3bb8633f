/**
 * Requests and responses of citizens' accounts (DESIGN §7 "Citizens" and "Staff, through a
 * consent only"): sign-in by one-time code, profile, history, document wallet, readiness,
 * consents with share codes, the access log, and what staff see through a share code.
 */
import { z } from 'zod';
import { instant } from './common';
import { ACCESS_ACTIONS, CONSENT_MAX_DAYS, CONSENT_STATUSES, DOCUMENT_STATUSES, READINESS } from './citizen-values';

export * from './citizen-values';

// ---------- sign-in ----------
export const loginBody = z.object({ contact: z.string().max(254).describe('Email address or Indonesian mobile number (08…, +62…, 62…)') });
export const loginAccepted = z.object({
  sentTo: z.string().describe('The contact, masked'),
  channel: z.enum(['email', 'phone']),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export const verifyBody = z.object({ contact: z.string().max(254), code: z.string().trim().regex(/^\d{6}$/, 'six digits') });

export const citizenSelf = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  contact: z.string().describe('The normalised email address or +62 mobile number (the citizen\'s own)'),
  contactKind: z.enum(['email', 'phone']),
  nik: z.string().nullable().describe('Masked, e.g. 6472••••••••0001'),
  nikVerified: z.boolean(),
  nikVerifiedBy: z.object({ agency: z.object({ id: z.string(), name: z.string() }) }).nullable(),
});
export const citizenSession = z.object({ token: z.string(), citizen: citizenSelf });
export const patchMeBody = z
  .object({ name: z.string().trim().min(2).max(120).optional(), nik: z.string().trim().min(1).max(32).nullable().optional() })
  .refine((b) => b.name !== undefined || b.nik !== undefined, { message: 'name or nik', path: ['name'] });

export const citizenSessionView = z.object({
  id: z.uuid(),
  createdAt: instant,
  expiresAt: instant,
  userAgent: z.string().nullable().describe('The browser the session was opened from'),
  current: z.boolean().describe('The session of this request'),
});
export const sessionParams = z.object({ id: z.uuid() });

// ---------- history ----------
export const historyItem = z.object({
  kind: z.enum(['booking', 'ticket', 'application']),
  id: z.string(),
  code: z.string().nullable().describe('Booking code or tracking code'),
  at: instant.describe('When it is (a booking: the slot start) or was'),
  recordedAt: instant,
  site: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  service: z.object({ id: z.string(), name: z.string() }).nullable(),
});

// ---------- wallet ----------
const agencyRef = z.object({ id: z.string(), name: z.string() });
export const citizenDocument = z.object({
  id: z.uuid(),
  documentTypeId: z.uuid(),
  name: z.string().describe('The document type\'s name'),
  status: z.enum(DOCUMENT_STATUSES),
  verifiedBy: z.object({ agency: agencyRef }).nullable().describe('The agency whose officer verified it, or that issued it'),
  rejection: z.object({ agency: agencyRef, reason: z.string() }).nullable(),
  file: z.object({ filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).nullable(),
  uploadedAt: instant,
});
export const documentParams = z.object({ id: z.uuid() });
export const uploadQuery = z.object({ documentTypeId: z.uuid().optional().describe('Also accepted as a form field before the file') });

export const readinessQuery = z.object({ serviceId: z.uuid() });
export const readiness = z.object({
  serviceId: z.uuid(),
  ready: z.boolean(),
  have: z.number().int().describe('Requirements held (verified or uploaded)'),
  total: z.number().int(),
  requirements: z.array(z.object({ documentTypeId: z.string(), key: z.string(), name: z.string(), note: z.string().nullable(), have: z.enum(READINESS), documentId: z.string().nullable() })),
});

// ---------- consents ----------
export const consentBody = z.object({
  agencyId: z.uuid(),
  documentIds: z.array(z.uuid()).min(1).max(20),
  purpose: z.string().trim().min(3).max(200),
  expiresInDays: z.number().int().min(1).max(CONSENT_MAX_DAYS).optional(),
});
export const consentCreated = z.object({ id: z.uuid(), shareCode: z.string(), expiresAt: instant, qrSvg: z.string() });
export const consentView = z.object({
  id: z.uuid(),
  shareCode: z.string().nullable().describe('null once expired or revoked'),
  qrSvg: z.string().nullable(),
  agency: agencyRef,
  purpose: z.string(),
  status: z.enum(CONSENT_STATUSES),
  createdAt: instant,
  expiresAt: instant,
  revokedAt: instant.nullable(),
  documents: z.array(z.object({ id: z.string(), documentTypeId: z.string(), name: z.string() })),
});
export const consentParams = z.object({ id: z.uuid() });

// ---------- access log ----------
export const accessLogQuery = z.object({ before: z.coerce.number().int().positive().optional().describe('Cursor: the `seq` of the last row seen'), limit: z.coerce.number().int().min(1).max(100).default(50) });
export const accessLogEntry = z.object({
  seq: z.number().int(),
  at: instant,
  agency: agencyRef.nullable(),
  role: z.string().nullable().describe('What the reader is (officer, agency_admin …); the person is not named'),
  documentId: z.string().nullable(),
  documentName: z.string().nullable(),
  action: z.enum(ACCESS_ACTIONS),
  purpose: z.string().nullable(),
});

// ---------- staff, through a consent ----------
export const shareParams = z.object({ shareCode: z.string().min(4).max(40) });
export const sharedDocParams = shareParams.extend({ documentId: z.uuid() });
export const sharedView = z.object({
  citizen: z.object({ name: z.string().nullable(), nik: z.string().nullable().describe('Masked'), nikVerified: z.boolean() }),
  agency: agencyRef,
  purpose: z.string(),
  documents: z.array(z.object({ id: z.string(), documentTypeId: z.string(), name: z.string(), status: z.enum(DOCUMENT_STATUSES), mediaType: z.string().nullable(), sizeBytes: z.number().int().nullable() })),
  expiresAt: instant,
});
/** The citizen's NIK after an officer confirmed it against the KTP (masked). */
export const nikConfirmed = z.object({ nik: z.string(), nikVerified: z.boolean() });
export const reviewBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('verified') }),
  z.object({ status: z.literal('rejected'), reason: z.string().trim().min(3).max(300) }),
]);
