/**
 * Requests and responses of the satisfaction survey (SKM, PermenPANRB 14/2017; DESIGN §7):
 * answering (public, by tracking code; a survey tablet by the ticket it offers), the published
 * index, the staff report, follow-up actions, tablets and settings.
 */
import { z } from 'zod';
import { SKM_ELEMENT_KEYS, type ElementKey } from '../domain/ikm';
import { ACTION_STATUSES, AGE_BANDS, EDUCATIONS, OCCUPATIONS, PERIOD_PATTERN, SEXES } from '../domain/survey';
import { calendarDate, instant, siteParams } from './common';

export { siteParams };
export const elementKey = z.enum(SKM_ELEMENT_KEYS as [ElementKey, ...ElementKey[]]);
const score = z.number().int().min(1).max(4).describe('1…4, the regulation’s answer labels');

const UNKNOWN_ELEMENT = { id: 'Unsur tidak dikenal.', en: 'Unknown element.' };
/**
 * The nine answers by element key. Each missing element, each value outside 1–4 and each
 * unknown key is its own field problem (`body.answers.<key>`), so a client sees all of them at once.
 */
export const answersSchema = z
  .looseObject(Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, score])) as Record<ElementKey, typeof score>)
  .superRefine(
    (value, ctx) => {
      if (!value || typeof value !== 'object') return;
      for (const key of Object.keys(value)) {
        // The texts ride on the issue itself: the route's validation error keeps an issue's own members.
        if (!(SKM_ELEMENT_KEYS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], input: (value as Record<string, unknown>)[key], message: UNKNOWN_ELEMENT.en, ...UNKNOWN_ELEMENT });
      }
    },
    // Also when an element is missing or out of range: every bad key is named in one answer.
    { when: () => true },
  )
  .transform((v) => Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, v[k]])) as Record<ElementKey, 1 | 2 | 3 | 4>)
  .describe('persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana: 1…4 each');

export const respondentSchema = z
  .strictObject({
    age: z
      .union([z.number().int().min(10).max(120), z.enum(AGE_BANDS)])
      .optional()
      .describe('Age in years or an age band; only the band is kept'),
    sex: z.enum(SEXES).optional(),
    education: z.enum(EDUCATIONS).optional(),
    occupation: z.enum(OCCUPATIONS).optional(),
  })
  .describe('Optional profile; no name, NIK or phone is ever asked');

const answerFields = {
  answers: answersSchema,
  respondent: respondentSchema.optional(),
  comment: z.string().trim().max(1000).optional().describe('Saran dan masukan (optional)'),
};

export const submitBody = z.strictObject({
  trackingCode: z.string().trim().min(4).max(20).describe("A ticket's tracking code"),
  serviceId: z.uuid().optional().describe('Needed when the visit was served at several services'),
  channel: z.enum(['web', 'qr']).default('web').describe('Where the citizen answered: the status page or the QR'),
  ...answerFields,
});
export const tabletAnswerBody = z.strictObject(answerFields);
export const submitted = z.object({ id: z.uuid(), serviceId: z.uuid(), answeredAt: instant });

export const codeParams = z.object({ trackingCode: z.string().min(4).max(20) });
export const ticketParams = z.object({ ticketId: z.uuid() });
export const deviceParams = z.object({ siteId: z.uuid(), deviceId: z.uuid() });
export const actionParams = z.object({ id: z.uuid() });

/** What a tracking code may still rate (the survey page and the status page's invitation). */
export const surveyOffer = z.object({
  site: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  windowDays: z.number().int(),
  services: z.array(
    z.object({
      serviceId: z.uuid(),
      serviceName: z.string(),
      agencyName: z.string(),
      number: z.string().describe('The ticket number served'),
      servedAt: instant,
      answered: z.boolean(),
      openUntil: instant.describe('Last moment an answer is taken'),
      open: z.boolean(),
    }),
  ),
});

/** The tickets a survey tablet offers: finished at its counter (or anywhere, at the exit) a moment ago. */
export const tabletOffers = z.object({
  device: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  counter: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('null: at the exit'),
  offerMinutes: z.number().int(),
  offers: z.array(z.object({ ticketId: z.uuid(), number: z.string(), serviceName: z.string(), agencyName: z.string(), finishedAt: instant })),
});

// ---------- the index ----------
const periodKey = z.string().regex(PERIOD_PATTERN, 'YYYY, YYYY-S1/S2, YYYY-Q1…Q4 or YYYY-MM').describe('A period: 2026, 2026-S2, 2026-Q4 or 2026-11');
export const ikmQuery = z.object({
  from: calendarDate.optional().describe('First day (default: 1 January of this year)'),
  to: calendarDate.optional().describe('Last day (default: today)'),
  period: periodKey.optional().describe('Instead of from/to'),
  agencyId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
});

const nrrSchema = z.object(Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, z.number()])) as Record<ElementKey, z.ZodNumber>);
export const ikmFigures = z.object({
  respondents: z.number().int(),
  population: z.number().int().describe('Tickets served in that scope and period'),
  sampleTarget: z.number().int().describe('Krejcie–Morgan minimum sample for the population'),
  nrr: nrrSchema.nullable().describe('Unrounded NRR per element; null without respondents or below the minimum group size'),
  ikm: z.number().nullable().describe('Unrounded, 1…4'),
  ikmUnit: z.number().nullable().describe('IKM × 25, rounded to 2 decimals'),
  grade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  gradeLabel: z.string().nullable(),
  suppressed: z.boolean().describe('Fewer respondents than the minimum group size: figures withheld'),
});
export const ikmResponse = ikmFigures.extend({ from: calendarDate, to: calendarDate, minGroupSize: z.number().int() });
export const agencyIkm = z.object({
  from: calendarDate,
  to: calendarDate,
  minGroupSize: z.number().int(),
  site: ikmFigures,
  agencies: z.array(ikmFigures.extend({ agency: z.object({ id: z.uuid(), name: z.string(), shortName: z.string() }) })),
});

// ---------- the staff report ----------
export const reportQuery = ikmQuery;
export const exportQuery = ikmQuery.extend({ format: z.enum(['xlsx', 'pdf']) });
const counts = z.record(z.string(), z.number().int());
export const actionSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid().nullable(),
  periodKey: z.string(),
  element: elementKey,
  action: z.string(),
  responsible: z.string(),
  dueDate: calendarDate,
  status: z.enum(ACTION_STATUSES),
  note: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
  completedAt: instant.nullable(),
  overdue: z.boolean(),
});
export const signatorySchema = z.object({ name: z.string(), title: z.string(), nip: z.string().nullable() });
export const surveyReport = z.object({
  scope: z.object({
    site: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
    agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    service: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  }),
  period: z.object({ key: z.string().nullable(), from: calendarDate, to: calendarDate }),
  minGroupSize: z.number().int(),
  result: ikmFigures,
  weakElements: z.array(elementKey).describe('Lowest NRR and any below the "Baik" interval (3.0644)'),
  profile: z
    .object({ ageBand: counts, sex: counts, education: counts, occupation: counts })
    .nullable()
    .describe('Counts per answer ("none": not given); null below the minimum group size'),
  comments: z.array(z.string()).nullable().describe('Without dates or tickets, in no particular order; null below the minimum group size'),
  byService: z.array(ikmFigures.extend({ service: z.object({ id: z.uuid(), name: z.string() }) })),
  byCounter: z.array(ikmFigures.extend({ counter: z.object({ id: z.uuid(), name: z.string() }) })),
  actions: z.object({ total: z.number().int(), done: z.number().int(), completion: z.number().nullable().describe('Share done, 0…1'), items: z.array(actionSchema) }),
  signatory: signatorySchema.nullable(),
  channels: z.object({ web: z.number().int(), qr: z.number().int(), tablet: z.number().int() }).describe('Answers per channel'),
});

// ---------- follow-up, tablets, settings ----------
export const actionsQuery = z.object({ period: periodKey.optional(), agencyId: z.uuid().optional() });
export const createActionBody = z.strictObject({
  agencyId: z.uuid().nullable().default(null).describe('null: an action of the MPP as a whole'),
  periodKey,
  element: elementKey,
  action: z.string().trim().min(3).max(1000),
  responsible: z.string().trim().min(2).max(200),
  dueDate: calendarDate,
  status: z.enum(ACTION_STATUSES).default('planned'),
  note: z.string().trim().max(2000).nullish(),
});
export const updateActionBody = z
  .strictObject({
    action: z.string().trim().min(3).max(1000).optional(),
    responsible: z.string().trim().min(2).max(200).optional(),
    dueDate: calendarDate.optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    note: z.string().trim().max(2000).nullish(),
  })
  .refine((b) => Object.keys(b).length > 0, { params: { id: 'Tidak ada yang diubah.', en: 'Nothing to change.' } });

export const tabletSchema = z.object({
  deviceId: z.uuid(),
  name: z.string(),
  revoked: z.boolean(),
  counter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  placed: z.boolean().describe('false: paired but not yet placed (offers nothing)'),
});
export const placeTabletBody = z.strictObject({ counterId: z.uuid().nullable().describe('null: at the exit (offers every counter)') });

export const settingsSchema = z.object({
  windowDays: z.number().int().min(1).max(90).describe('Days after the service during which answers are taken'),
  minGroupSize: z.number().int().min(1).max(100).describe('Least respondents before a group’s figures are shown'),
  offerMinutes: z.number().int().min(1).max(240).describe('A tablet offers tickets finished within this many minutes'),
});
export const updateSettingsBody = settingsSchema.partial().strict();
export const signatoryBody = z.strictObject({
  agencyId: z.uuid().nullable().default(null).describe('null: the head of the MPP (DPMPTSP)'),
  name: z.string().trim().min(2).max(160),
  title: z.string().trim().min(2).max(200),
  nip: z
    .string()
    .trim()
    .regex(/^[0-9 ]{8,24}$/, 'NIP: digits')
    .nullish(),
});
export const signatoryQuery = z.object({ agencyId: z.uuid().optional() });
