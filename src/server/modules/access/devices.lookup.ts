import type { AppContext } from '../../platform/context';
import { ambientConn } from '../../platform/db';
import * as repo from './access.repository';

/**
 * Paired devices for other modules (the survey places its tablets): no token, no authorization
 * (the caller authorizes its own use case).
 */
export async function devicesOfSite(ctx: AppContext, siteId: string, role?: string) {
  const list = await repo.listDevices(ambientConn(ctx.db), siteId);
  return list.filter((d) => !role || d.role === role).map((d) => ({ id: d.id, siteId: d.siteId, role: d.role, name: d.name, revoked: d.revokedAt !== null }));
}

export async function findDeviceOf(ctx: AppContext, deviceId: string) {
  const d = await repo.findDevice(ambientConn(ctx.db), deviceId);
  return d ? { id: d.id, siteId: d.siteId, role: d.role, name: d.name, revoked: d.revokedAt !== null } : null;
}
