/**
 * Taking an answer: by tracking code (the status page and the QR on the ticket or on the
 * application receipt, public: the code is the citizen's proof of having been served) or on a
 * survey tablet for a ticket it offers. One answer per served service of a visit: a unique
 * constraint decides, not a prior read. An application's code rates its service as part of the
 * visit it was registered in, so the ticket's code and the receipt's cannot rate it twice.
 */
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import type { ElementKey, Score } from '../../../domain/ikm';
import { ageBandOf, type AgeBand, type Education, type Occupation, type Sex, type SurveyChannel } from '../../../domain/survey';
import type { AppContext, Caller } from '../../platform/context';
import { isUniqueViolation } from '../../platform/db';
import { fieldError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { applicationByTrackingCode } from '../applications/applications.lookup';
import { servedTicket, servedVisitByCode, type ServedTicket } from '../queue/queue.lookup';
import { surveyError } from './survey.errors';
import * as repo from './survey.repository';
import { surveySettingsOf } from './survey.settings';

export interface AnswerInput {
  answers: Record<ElementKey, Score>;
  respondent?: { age?: number | AgeBand; sex?: Sex; education?: Education; occupation?: Occupation };
  comment?: string;
}

const DAY_MS = 86_400_000;
const unknownCode = () => notFound('Kode pelacakan', 'Tracking code');

/** Until when a served ticket may be rated. */
export const openUntil = (t: ServedTicket, windowDays: number) => new Date(t.finishedAt.getTime() + windowDays * DAY_MS);

/** Writes one answer and its event; 409 when that service of that visit already has one. */
export async function recordAnswer(ctx: AppContext, ticket: ServedTicket, input: AnswerInput, how: { channel: SurveyChannel; deviceId?: string }) {
  const id = uuidv7();
  const now = ctx.clock.now();
  const p = input.respondent ?? {};
  const comment = input.comment?.trim() || null;
  try {
    await transact(ctx, async (tx, emit) => {
      await emit({ siteId: ticket.siteId, type: 'survey.answered', aggregateType: 'survey_response', aggregateId: id, payload: { serviceId: ticket.serviceId }, meta: { channel: how.channel } });
      await repo.insertResponse(tx, {
        id, siteId: ticket.siteId, agencyId: ticket.agencyId, serviceId: ticket.serviceId, subjectType: 'visit', subjectId: ticket.visitId,
        ticketId: ticket.ticketId, counterId: ticket.counterId, servedDate: ticket.localDate, channel: how.channel, deviceId: how.deviceId ?? null,
        ...input.answers,
        ageBand: p.age === undefined ? null : typeof p.age === 'number' ? ageBandOf(p.age) : p.age,
        sex: p.sex ?? null, education: p.education ?? null, occupation: p.occupation ?? null, comment, answeredAt: now,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'survey_responses_subject_service_uq')) throw surveyError('survey.already_answered');
    throw err;
  }
  return { id, serviceId: ticket.serviceId, answeredAt: now.toISOString() };
}

interface ServedByCode {
  siteId: string;
  visitId: string | null;
  served: ServedTicket[];
  /** An application's: the day it was closed (ready, rejected, collected), site zone. */
  closedOn: string | null;
}

/** What a code has been served: a visit's finished tickets, or the registering ticket of an application. */
async function servedByCode(ctx: AppContext, code: string): Promise<ServedByCode | null> {
  const visit = await servedVisitByCode(ctx, code);
  if (visit) return { siteId: visit.visit.siteId, visitId: visit.visit.id, served: visit.served, closedOn: null };
  const app = await applicationByTrackingCode(ctx, code);
  if (!app) return null;
  const ticket = app.ticketId ? await servedTicket(ctx, app.ticketId) : null;
  const served = ticket && ticket.serviceId === app.serviceId ? [ticket] : [];
  return { siteId: app.siteId, visitId: ticket?.visitId ?? null, served, closedOn: app.closedOn };
}

/**
 * Until when a served ticket may be rated: its window, or, for an application, the window after
 * the application closed if that is later (the product is what the citizen rates last).
 */
function windowEnd(t: ServedTicket, windowDays: number, closedOn: string | null, timeZone: string): Date {
  const byTicket = openUntil(t, windowDays);
  if (!closedOn) return byTicket;
  const byClose = DateTime.fromISO(closedOn, { zone: timeZone }).endOf('day').plus({ days: windowDays }).toJSDate();
  return byClose > byTicket ? byClose : byTicket;
}

/** The served service a code's answer is for: the one named, or the visit's only one. */
function pickServed(served: ServedTicket[], serviceId: string | undefined): ServedTicket {
  if (serviceId) {
    const mine = served.filter((t) => t.serviceId === serviceId);
    if (!mine.length) throw surveyError('survey.not_served');
    return mine[mine.length - 1];
  }
  const services = new Set(served.map((t) => t.serviceId));
  if (services.size === 0) throw surveyError('survey.not_served');
  if (services.size > 1) {
    throw fieldError('body.serviceId', 'required', { id: 'Kunjungan ini dilayani di beberapa layanan: pilih layanan yang dinilai.', en: 'This visit was served at several services: name the one rated.' });
  }
  return served[served.length - 1];
}

/** POST /sites/{siteId}/surveys: public, by the ticket's or the application's tracking code. */
export async function submitByCode(ctx: AppContext, _caller: Caller, siteId: string, input: AnswerInput & { trackingCode: string; serviceId?: string; channel: 'web' | 'qr' }) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const found = await servedByCode(ctx, input.trackingCode);
  // A code of another site is as unknown as a made-up one: nothing is revealed across sites.
  if (!found || found.siteId !== siteId) throw unknownCode();
  const ticket = pickServed(found.served, input.serviceId);
  const { windowDays } = await surveySettingsOf(ctx, siteId);
  if (ctx.clock.now().getTime() > windowEnd(ticket, windowDays, found.closedOn, site.timeZone).getTime()) throw surveyError('survey.window_closed');
  return recordAnswer(ctx, ticket, input, { channel: input.channel });
}

/** GET /surveys/by-code/{code}: what a visit may still rate (the survey page, the status page's invitation). */
export async function offerByCode(ctx: AppContext, trackingCode: string) {
  const found = await servedByCode(ctx, trackingCode);
  if (!found) throw unknownCode();
  const site = await cachedCatalog.getSite(ctx, found.siteId);
  const { windowDays } = await surveySettingsOf(ctx, site.id);
  const answered = found.visitId ? await repo.answeredServices(ctx.db, 'visit', found.visitId) : new Set<string>();
  const now = ctx.clock.now().getTime();
  // The latest served ticket of each service (a service served twice in one visit is rated once).
  const latest = new Map<string, ServedTicket>();
  for (const t of found.served) latest.set(t.serviceId, t);
  const services = [];
  for (const t of latest.values()) {
    const { service, agency } = await cachedCatalog.getService(ctx, t.serviceId);
    const until = windowEnd(t, windowDays, found.closedOn, site.timeZone);
    const isAnswered = answered.has(t.serviceId);
    services.push({
      serviceId: t.serviceId, serviceName: service.name, agencyName: agency.name, number: t.number, servedAt: t.finishedAt.toISOString(),
      answered: isAnswered, openUntil: until.toISOString(), open: !isAnswered && now <= until.getTime(),
    });
  }
  return { site: { id: site.id, name: site.name, timeZone: site.timeZone }, windowDays, services };
}
