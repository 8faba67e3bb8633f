import { appError } from '../../platform/errors';
import { requireUser } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { queryAudit } from './access.repository';

const READERS = new Set(['platform_admin', 'site_admin', 'agency_admin', 'auditor']);

export async function listAudit(
  ctx: AppContext,
  caller: Caller,
  q: { page: number; pageSize: number; action?: string; actorId?: string; siteId?: string; from?: Date; to?: Date },
) {
  const user = requireUser(caller.actor);
  const ms = user.memberships.filter((m) => READERS.has(m.role));
  if (ms.length === 0) throw appError('auth.forbidden');
  const scope = ms.some((m) => m.siteId === null)
    ? ('all' as const)
    : {
        siteIds: ms.filter((m) => m.agencyId === null).map((m) => m.siteId as string),
        agencyIds: ms.filter((m) => m.agencyId !== null).map((m) => m.agencyId as string),
      };
  const { items, total } = await queryAudit(ctx.db, { ...q, scope });
  return {
    items: items.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actorUserId ? { id: r.actorUserId, username: r.actorUsername ?? r.actorLabel ?? '' } : r.actorLabel ? { id: null, username: r.actorLabel } : null,
      action: r.action,
      siteId: r.siteId,
      agencyId: r.agencyId,
      targetType: r.targetType,
      targetId: r.targetId,
      ip: r.ip,
      details: r.details,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
