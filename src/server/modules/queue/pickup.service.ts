/**
 * A pickup ticket: the citizen collects a finished application's documents at the agency's
 * counter (kiosk "Ambil dokumen", asked for by the applications module through queue.lookup).
 * Like a walk-in it needs the service open, but it takes no place of the walk-in quota; the
 * site's queue policy may call it like the priority groups (`pickupAsPriority`).
 */
import { uuidv7 } from 'uuidv7';
import type { Priority } from '../../../domain/tickets';
import { recordAudit } from '../../platform/audit';
import { authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { randomCode } from '../../platform/crypto';
import { isUniqueViolation, type Tx } from '../../platform/db';
import { transact, type Emit } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import { assertOpen, calendarOf, emitIssued, prefixOf, presentIssued, serviceOfSite, ticketRow, TRACKING_CODE_LENGTH } from './issue.service';
import { queuePolicyOf } from './queue.policy';
import * as repo from './queue.repository';
import type { TicketRow, VisitRow } from './queue.repository';

export interface PickupInput {
  serviceId: string;
  priority?: Priority | null;
  /** The field a refusal names (the caller's: e.g. body.trackingCode). */
  field: string;
  /** Runs in the ticket's transaction, after it is written: the caller records its side (event, link). */
  within?: (tx: Tx, emit: Emit, ticket: TicketRow) => Promise<void>;
}

/** The open ticket, if any, among `ids` (a pickup already issued and still waiting or at a counter). */
export async function openTicketOf(ctx: AppContext, id: string | null): Promise<TicketRow | null> {
  if (!id) return null;
  const t = await repo.findTicket(ctx.db, id);
  return t && repo.OPEN.includes(t.status) ? t : null;
}

export async function issuePickupTicket(ctx: AppContext, caller: Caller, siteId: string, input: PickupInput) {
  const site = await cachedCatalog.getSite(ctx, siteId);
  const found = await serviceOfSite(ctx, siteId, input.serviceId, input.field);
  authorize(caller.actor, 'queue.issue', { siteId, agencyId: found.agency.id });
  const policy = queuePolicyOf(site.settings);
  const now = ctx.clock.now();
  const cal = await calendarOf(ctx, site, now);
  assertOpen(found, site, cal, policy, now, input.field);
  for (let attempt = 0; ; attempt++) {
    try {
      const { ticket, visit } = await transact(ctx, (tx, emit) =>
        repo.underSiteLock(tx, siteId, async () => {
          const prefix = prefixOf(found);
          const { seq } = await repo.takeNumber(tx, siteId, prefix, cal.today, null);
          const visit: VisitRow = { id: uuidv7(), siteId, trackingCode: randomCode(TRACKING_CODE_LENGTH), localDate: cal.today, pendingServiceIds: [], droppedServiceIds: [], createdAt: now };
          const row = ticketRow({ site, visit, found, now, queuedAt: now, source: 'pickup', priority: input.priority ?? null }, prefix, cal.today, seq);
          await emitIssued(emit, caller.actor, row);
          await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'queue.ticket_issued', siteId, agencyId: found.agency.id, targetType: 'ticket', targetId: row.id, details: { number: row.number, serviceId: row.serviceId, source: 'pickup', steps: 1 } });
          const t = await repo.insertVisitWithTicket(tx, visit, row);
          await input.within?.(tx, emit, t);
          return { ticket: t, visit };
        }),
      );
      return presentIssued(ctx, site, ticket, policy, false, { found, visit, tickets: [ticket] });
    } catch (err) {
      if (isUniqueViolation(err, 'visits_tracking_code_uq') && attempt < 3) continue;
      throw err;
    }
  }
}

/** The ticket issued earlier, presented again (a second tap at the kiosk gets the same ticket). */
export async function presentPickup(ctx: AppContext, ticket: TicketRow) {
  const site = await cachedCatalog.getSite(ctx, ticket.siteId);
  return presentIssued(ctx, site, ticket, queuePolicyOf(site.settings), true);
}
