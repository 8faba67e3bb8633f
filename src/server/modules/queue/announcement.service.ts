/**
 * The TV ticker's announcement: a site admin types it on the floor view, every display of the
 * site shows it at once (the `announcement.*` events of the public site stream) and after a
 * reload (the display's summary carries the active one). One at a time per site; it ends when
 * cleared or at its `until`.
 */
import { uuidv7 } from 'uuidv7';
import { announcementActive } from '../../../domain/floor';
import { recordAudit } from '../../platform/audit';
import { actorLabel, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { ambientConn, type Conn } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as floorRepo from './floor.repository';
import type { AnnouncementRow } from './floor.repository';
import { actorId } from './issue.service';
import * as repo from './queue.repository';

export function presentAnnouncement(a: AnnouncementRow) {
  return { id: a.id, text: a.text, until: a.until ? a.until.toISOString() : null, createdAt: a.createdAt.toISOString() };
}

/** The announcement on the ticker now, or null (public: displays read it with the summary). */
export async function activeAnnouncementOf(ctx: AppContext, siteId: string, conn: Conn = ambientConn(ctx.db)) {
  const a = await floorRepo.activeAnnouncement(conn, siteId, ctx.clock.now());
  return a ? presentAnnouncement(a) : null;
}

const userOf = (caller: Caller) => (caller.actor.kind === 'user' ? caller.actor.id : null);

/** POST /sites/{siteId}/announcements: replaces the one running, if any. */
export async function postAnnouncement(ctx: AppContext, caller: Caller, siteId: string, input: { text: string; until?: string }) {
  authorize(caller.actor, 'site.manage', { siteId });
  await cachedCatalog.getSite(ctx, siteId);
  const now = ctx.clock.now();
  const until = input.until ? new Date(input.until) : null;
  if (until && !announcementActive({ until: until.getTime() }, now.getTime()))
    throw fieldError('body.until', 'in_past', { id: 'Waktu berakhir harus sesudah sekarang.', en: 'The end time must be after now.' });
  // Whitespace runs (a pasted line break) would break the ticker's single line.
  const text = input.text.replace(/\s+/g, ' ').trim();
  const created = await transact(ctx, async (tx, emit) => {
    // The site's queue lock: the event ids of the site stream follow commit order (SSE replay
    // relies on it), and two admins posting at once cannot both leave one open.
    await repo.lockSite(tx, siteId);
    const replaced = await floorRepo.clearOpen(tx, siteId, now, userOf(caller));
    const row = await floorRepo.insertAnnouncement(tx, { id: uuidv7(), siteId, text, until, createdBy: userOf(caller), createdAt: now });
    await emit({
      siteId,
      type: 'announcement.posted',
      aggregateType: 'announcement',
      aggregateId: row.id,
      actorId: actorId(caller.actor),
      payload: { announcementId: row.id, text: row.text, until: row.until ? row.until.toISOString() : null },
      meta: { by: actorLabel(caller.actor), replaced: replaced[0]?.id ?? null },
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'queue.announcement_posted', siteId, targetType: 'announcement', targetId: row.id, details: { text: row.text, until: row.until?.toISOString() ?? null },
    });
    return row;
  });
  return presentAnnouncement(created);
}

/** DELETE /sites/{siteId}/announcements: takes the running one off the ticker (nothing running: nothing to do). */
export async function clearAnnouncement(ctx: AppContext, caller: Caller, siteId: string): Promise<void> {
  authorize(caller.actor, 'site.manage', { siteId });
  await cachedCatalog.getSite(ctx, siteId);
  const now = ctx.clock.now();
  await transact(ctx, async (tx, emit) => {
    await repo.lockSite(tx, siteId);
    const cleared = await floorRepo.clearOpen(tx, siteId, now, userOf(caller));
    for (const a of cleared) {
      await emit({
        siteId,
        type: 'announcement.cleared',
        aggregateType: 'announcement',
        aggregateId: a.id,
        actorId: actorId(caller.actor),
        payload: { announcementId: a.id },
        meta: { by: actorLabel(caller.actor) },
      });
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'queue.announcement_cleared', siteId, targetType: 'announcement', targetId: a.id, details: {} });
    }
  });
}
