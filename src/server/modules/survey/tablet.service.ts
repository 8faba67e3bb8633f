/**
 * Survey tablets: devices paired like a kiosk (role `survey`) and placed by the site admin beside
 * one counter or at the exit. A tablet offers the tickets just finished at its place and takes
 * answers only for those: never for a ticket of another counter, an older one, or one not served.
 */
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize, type Actor } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { appError, fieldError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { devicesOfSite, findDeviceOf } from '../access/access.lookup';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { finishedSince, servedTicket, type ServedTicket } from '../queue/queue.lookup';
import { recordAnswer, type AnswerInput } from './answer.service';
import { surveyError } from './survey.errors';
import * as repo from './survey.repository';
import { surveySettingsOf } from './survey.settings';

type Device = Extract<Actor, { kind: 'device' }>;

/** The calling tablet and its place; 409 until the site admin has placed it. */
async function tabletOfCaller(ctx: AppContext, caller: Caller) {
  if (caller.actor.kind !== 'device') {
    authorize(caller.actor, 'survey.collect');
    throw appError('auth.forbidden');
  }
  const device: Device = caller.actor;
  authorize(device, 'survey.collect', { siteId: device.siteId });
  const place = await repo.tabletOf(ctx.db, device.id);
  if (!place || place.siteId !== device.siteId) throw surveyError('survey.tablet_unassigned');
  return { device, counterId: place.counterId };
}

/** What the tablet may offer now: finished at its counter (any, at the exit) within the offer time, today. */
async function offerable(ctx: AppContext, siteId: string, counterId: string | null): Promise<ServedTicket[]> {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const { offerMinutes } = await surveySettingsOf(ctx, siteId);
  const now = ctx.clock.now();
  const finished = await finishedSince(ctx, siteId, counterId, new Date(now.getTime() - offerMinutes * 60_000), localDate(now, site.timeZone));
  const answered = await repo.answeredTickets(ctx.db, finished.map((t) => t.ticketId));
  return finished.filter((t) => !answered.has(t.ticketId));
}

/** GET /survey-tablet/offers: the tablet's list of ticket numbers to tap. */
export async function tabletOffers(ctx: AppContext, caller: Caller) {
  const { device, counterId } = await tabletOfCaller(ctx, caller);
  const site = await cachedCatalog.getSite(ctx, device.siteId);
  const counter = counterId ? await cachedCatalog.getCounter(ctx, counterId) : null;
  const { offerMinutes } = await surveySettingsOf(ctx, site.id);
  const offers = [];
  for (const t of await offerable(ctx, site.id, counterId)) {
    const { service, agency } = await cachedCatalog.getService(ctx, t.serviceId);
    offers.push({ ticketId: t.ticketId, number: t.number, serviceName: service.name, agencyName: agency.name, finishedAt: t.finishedAt.toISOString() });
  }
  return { device: { id: device.id, name: device.name }, site: { id: site.id, name: site.name }, counter: counter ? { id: counter.id, name: counter.name } : null, offerMinutes, offers };
}

/** POST /survey-tablet/tickets/{ticketId}/answers: only for a ticket the tablet offers now. */
export async function submitFromTablet(ctx: AppContext, caller: Caller, ticketId: string, input: AnswerInput) {
  const { device, counterId } = await tabletOfCaller(ctx, caller);
  const ticket = await servedTicket(ctx, ticketId);
  const offered = ticket ? (await offerable(ctx, device.siteId, counterId)).some((t) => t.ticketId === ticket.ticketId) : false;
  if (!ticket || !offered) {
    // An answered ticket is no longer offered: say so rather than "not offered".
    if (ticket && (await repo.answeredTickets(ctx.db, [ticket.ticketId])).size) throw surveyError('survey.already_answered');
    throw surveyError('survey.not_offered');
  }
  return recordAnswer(ctx, ticket, input, { channel: 'tablet', deviceId: device.id });
}

// ---------- the site admin places tablets ----------

/** GET /sites/{siteId}/survey/tablets: the site's survey devices and where each stands. */
export async function listTablets(ctx: AppContext, caller: Caller, siteId: string) {
  authorize(caller.actor, 'survey.manage', { siteId });
  await cachedCatalog.getSite(ctx, siteId);
  const [devices, places, counters] = await Promise.all([devicesOfSite(ctx, siteId, 'survey'), repo.tabletsOfSite(ctx.db, siteId), cachedCatalog.listCounters(ctx, siteId)]);
  const placeOf = new Map(places.map((p) => [p.deviceId, p]));
  const counterOf = new Map(counters.map((c) => [c.id, c]));
  return devices.map((d) => {
    const p = placeOf.get(d.id);
    const c = p?.counterId ? counterOf.get(p.counterId) : null;
    return { deviceId: d.id, name: d.name, revoked: d.revoked, placed: !!p, counter: c ? { id: c.id, name: c.name } : null };
  });
}

/** PUT /sites/{siteId}/survey/tablets/{deviceId}: beside a counter, or at the exit (null). */
export async function placeTablet(ctx: AppContext, caller: Caller, siteId: string, deviceId: string, counterId: string | null) {
  authorize(caller.actor, 'survey.manage', { siteId });
  const device = await findDeviceOf(ctx, deviceId);
  if (!device || device.siteId !== siteId || device.role !== 'survey') throw notFound('Tablet survei', 'Survey tablet');
  if (counterId) {
    const counter = await cachedCatalog.getCounter(ctx, counterId);
    if (counter.siteId !== siteId) throw fieldError('body.counterId', 'other_site', { id: 'Loket bukan milik MPP ini.', en: 'The counter belongs to another site.' });
  }
  await transact(ctx, async (tx, emit) => {
    await repo.placeTablet(tx, { deviceId, siteId, counterId, updatedAt: ctx.clock.now() });
    await emit({ siteId, type: 'survey.tablet_placed', aggregateType: 'device', aggregateId: deviceId, payload: { deviceId, counterId }, meta: { by: actorLabel(caller.actor) } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'survey.tablet_placed', siteId, targetType: 'device', targetId: deviceId, details: { counterId } });
  });
  return (await listTablets(ctx, caller, siteId)).find((t) => t.deviceId === deviceId)!;
}
