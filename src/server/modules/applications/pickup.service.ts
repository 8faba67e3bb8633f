/**
 * "Ambil dokumen" at the kiosk: the tracking code of a ready application gets a pickup ticket to
 * its agency's counter (the queue issues it through queue.lookup). A second tap while that ticket
 * is still open gets the same ticket again.
 */
import type { Priority } from '../../../domain/tickets';
import { actorLabel, agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { normaliseCode } from '../../platform/crypto';
import { appError } from '../../platform/errors';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { issuePickupTicket, openPickupTicket, presentPickup } from '../queue/queue.lookup';
import { applicationsError, statusLabel } from './applications.errors';
import * as repo from './applications.repository';

const FIELD = 'body.trackingCode';

export async function pickupTicket(ctx: AppContext, caller: Caller, siteId: string, input: { trackingCode: string; priority?: Priority }) {
  // Looking a code up is for those who may issue tickets here (no code oracle for anyone else).
  if (agencyScope(caller.actor, 'queue.issue', siteId) === null) authorize(caller.actor, 'queue.issue', { siteId });
  const a = await repo.findByTrackingCode(ctx.db, normaliseCode(input.trackingCode));
  if (!a || a.siteId !== siteId) {
    throw appError('not_found', { messages: { id: 'Kode lacak tidak ditemukan di MPP ini.', en: 'No application with this tracking code at this site.' }, errors: [{ field: FIELD, code: 'not_found', messages: { id: 'Periksa kode lacak.', en: 'Check the tracking code.' } }] });
  }
  if (a.status !== 'ready') {
    const s = statusLabel(a.status);
    throw applicationsError('applications.not_ready', {
      messages: { id: `Dokumen belum bisa diambil: permohonan berstatus "${s.id}".`, en: `The documents cannot be collected yet: the application is ${s.en}.` },
      errors: [{ field: FIELD, code: 'not_ready', messages: { id: 'Belum siap diambil.', en: 'Not ready for collection.' } }],
      extra: { status: a.status },
    });
  }
  const found = await cachedCatalog.getService(ctx, a.serviceId);
  const application = { registrationNumber: a.registrationNumber, service: { id: found.service.id, name: found.service.name }, agency: { id: found.agency.id, name: found.agency.name } };
  const earlier = await openPickupTicket(ctx, a.pickupTicketId);
  if (earlier) return { ticket: await presentPickup(ctx, earlier), application };
  try {
    const ticket = await issuePickupTicket(ctx, caller, siteId, {
      serviceId: a.serviceId,
      priority: input.priority ?? null,
      field: FIELD,
      within: async (tx, emit, t) => {
        // Several taps at once: the first links its ticket, the others roll theirs back.
        if (!(await repo.setPickupTicket(tx, a.id, t.id, a.pickupTicketId))) throw new AnotherTap();
        await emit({ siteId, type: 'application.pickup_issued', aggregateType: 'application', aggregateId: a.id, payload: { applicationId: a.id, agencyId: a.agencyId, serviceId: a.serviceId, ticketId: t.id }, meta: { by: actorLabel(caller.actor), number: t.number } });
      },
    });
    return { ticket, application };
  } catch (err) {
    if (!(err instanceof AnotherTap)) throw err;
    const won = await openPickupTicket(ctx, (await repo.findById(ctx.db, a.id))?.pickupTicketId ?? null);
    if (!won) throw err;
    return { ticket: await presentPickup(ctx, won), application };
  }
}

/** Another tap at the kiosk issued the pickup ticket first. */
class AnotherTap extends Error {}
