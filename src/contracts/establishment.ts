/**
 * Requests and responses of the province view (DESIGN §7 "Province view"): every kabupaten/kota's
 * MPP from usulan to peresmian, its evidence, checklist and plan, and the operating MPPs' figures.
 * The paths and fields of DESIGN §7 are a contract; the rest is ours and may grow.
 */
import { z } from 'zod';
import { MPP_DOCUMENT_KIND_KEYS, MPP_STAGES, PROVINCE_CODE_RE, REACHABLE_STAGES, REGENCY_CODE_RE } from '../domain/establishment';
import { calendarDate, instant } from './common';

export { MPP_DOCUMENT_KIND_KEYS, MPP_STAGES, REACHABLE_STAGES };

export const stageSchema = z.enum(MPP_STAGES);
const reachable = z.enum(REACHABLE_STAGES);
export const documentKindSchema = z.enum(MPP_DOCUMENT_KIND_KEYS);

export const provinceParams = z.object({ provinceCode: z.string().regex(PROVINCE_CODE_RE, 'a 2-digit Kemendagri province code').describe('Kemendagri province code, e.g. 64') });
export const regencyParams = z.object({ regencyCode: z.string().regex(REGENCY_CODE_RE, 'a 4-digit Kemendagri code without dots').describe('Kemendagri kabupaten/kota code without dots, e.g. 6472') });
export const documentParams = regencyParams.extend({ documentId: z.uuid() });

/** A figure of an operating MPP, with where it comes from and how current it is. */
export const figure = z.object({
  value: z.number().nullable().describe('null: not available'),
  available: z.boolean().describe('false: the module that produces it is not installed yet ("belum tersedia")'),
  source: z.string(),
  asOf: calendarDate.nullable(),
});

export const nextStepSchema = z.object({ stage: reachable, plannedDate: calendarDate.nullable(), late: z.boolean(), daysLate: z.number().int() });

/** One kabupaten/kota of GET /regions/{provinceCode}/mpp (DESIGN §7 fields first). */
export const regionMpp = z.object({
  regencyCode: z.string(),
  regencyName: z.string(),
  stage: stageSchema,
  stageSince: calendarDate.nullable(),
  siteId: z.uuid().nullable(),
  agencies: z.number().int().nullable().describe('Active agencies of the linked site; null without a site'),
  services: z.number().int().nullable().describe('Active services of the linked site; null without a site'),
  visitorsLast30Days: z.number().int().nullable().describe("Visits in the last 30 days in the site's zone (queue); null without a site"),
  ikm: z.number().nullable().describe('IKM unit (25–100) of the last 90 days; null when not available'),
  // ---- more than DESIGN §7 ----
  regencyType: z.enum(['kota', 'kabupaten']),
  site: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), status: z.string() }).nullable(),
  daysInStage: z.number().int().nullable(),
  next: nextStepSchema.nullable(),
  note: z.string(),
  figures: z
    .object({
      agencies: figure,
      services: figure,
      visitorsLast30Days: figure,
      waitMinutesMean: figure,
      ikm: figure.extend({ grade: z.string().nullable() }),
      complaintsOnTime: figure.describe('Share (0–1) of complaints answered on time'),
      applicationsOnTime: figure.describe('Share (0–1) of applications finished on time'),
    })
    .nullable()
    .describe('Side-by-side figures; only for an MPP linked to a site'),
});

export const provinceSummary = z.object({ code: z.string(), name: z.string(), timeZone: z.string(), regencies: z.number().int() });

export const stageBody = z.object({
  stage: stageSchema,
  date: calendarDate.describe("The day the stage was reached (the region's zone); not in the future, not before the current stage's"),
  note: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(2000).optional().describe('Required for a step back'),
});

export const stageChange = z.object({
  id: z.uuid(),
  from: stageSchema,
  to: stageSchema,
  direction: z.enum(['advance', 'back']),
  date: calendarDate,
  note: z.string().nullable(),
  reason: z.string().nullable(),
  by: z.string(),
  at: instant,
});

export const mppDocument = z.object({
  id: z.uuid(),
  stage: stageSchema,
  kind: documentKindSchema,
  title: z.string(),
  agencyName: z.string().nullable(),
  documentDate: calendarDate.nullable(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: instant,
});

export const checklistItemState = z.object({
  key: z.string(),
  type: z.enum(['document', 'agency_documents', 'agencies_serving', 'check', 'date', 'percent', 'agencies_planned']),
  done: z.boolean(),
  value: z.union([z.boolean(), z.number(), z.string()]).nullable(),
  target: z.number().int().nullable(),
});

/** GET /regions/{regencyCode}/mpp/record: one MPP with everything the province keeps of it. */
export const mppRecord = z.object({
  regencyCode: z.string(),
  regencyName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  timeZone: z.string(),
  today: calendarDate.describe("Today in the region's zone"),
  stage: stageSchema,
  stageSince: calendarDate.nullable(),
  daysInStage: z.number().int().nullable(),
  next: nextStepSchema.nullable(),
  plan: z.record(z.string(), calendarDate),
  planNote: z.string(),
  note: z.string(),
  site: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), status: z.string() }).nullable(),
  checklist: z.array(z.object({ stage: reachable, items: z.array(checklistItemState) })),
  documents: z.array(mppDocument),
  history: z.array(stageChange),
});

export const planBody = z.object({
  plan: z.record(z.string(), calendarDate.nullable()).describe('Planned date per stage (usulan … diresmikan); null removes one'),
  planNote: z.string().trim().max(500).optional(),
  note: z.string().trim().max(500).optional(),
});

export const checklistBody = z.object({
  values: z.record(z.string(), z.union([z.boolean(), z.number(), z.string(), z.null()])).describe('By `stage.item`, e.g. {"koordinasi.rencana_aksi": true}'),
});

export const documentQuery = z.object({
  kind: documentKindSchema,
  title: z.string().trim().max(200).optional(),
  agencyName: z.string().trim().max(200).optional().describe('Required for a PKS: the agency it is signed with'),
  documentDate: calendarDate.optional(),
});

export const siteBody = z.object({
  name: z.string().trim().min(3).max(200),
  slug: z.string().trim().min(3).max(60),
  address: z.string().trim().max(500).default(''),
  timeZone: z.string().optional().describe("Default: the province's zone"),
});

export const exportQuery = z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });
