import { uuidv7 } from 'uuidv7';
import { appError, notFound } from '../../platform/errors';
import { authorize, type Actor, type DeviceRole } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { AppContext, Caller } from '../../platform/context';
import { normaliseCode as normalise, randomCode, randomToken, sha256 } from '../../platform/crypto';
import { accessError } from './access.errors';
import * as repo from './access.repository';
import { assertSiteExists } from './scopes';

const PAIRING_TTL_MINUTES = 15;
// Read off one screen and typed on another: grouped for the eye.
function pairingCode(): string {
  const s = randomCode(8);
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export async function createPairing(ctx: AppContext, caller: Caller, siteId: string, input: { role: DeviceRole; name: string }) {
  authorize(caller.actor, 'site.manage', { siteId });
  // An unknown site is a 404 here, not a foreign-key failure in the insert.
  await assertSiteExists(ctx, siteId);
  const code = pairingCode();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + PAIRING_TTL_MINUTES * 60_000);
  await ctx.db.transaction(async (tx) => {
    await repo.insertPairing(tx, {
      id: uuidv7(),
      siteId,
      role: input.role,
      name: input.name,
      codeHash: sha256(normalise(code)),
      createdBy: caller.actor.kind === 'user' ? caller.actor.id : null,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'device.pairing_created', siteId, targetType: 'device_pairing', details: { role: input.role, name: input.name } });
  });
  return { code, expiresAt, role: input.role, name: input.name };
}

/** A kiosk or display page trades a pairing code for a long-lived, revocable device token. */
export async function claimPairing(ctx: AppContext, caller: Caller, code: string) {
  const now = ctx.clock.now();
  const token = `ld_${randomToken()}`;
  return ctx.db.transaction(async (tx) => {
    const deviceId = uuidv7();
    const pairing = await repo.claimPairing(tx, sha256(normalise(code)), now);
    if (!pairing) {
      throw accessError('device.pairing_invalid', {
        errors: [{ field: 'body.code', code: 'invalid', messages: { id: 'Kode pemasangan tidak valid atau kedaluwarsa.', en: 'Pairing code is invalid or expired.' } }],
      });
    }
    const device = await repo.insertDevice(tx, {
      id: deviceId,
      siteId: pairing.siteId,
      role: pairing.role,
      name: pairing.name,
      tokenHash: sha256(token),
      createdBy: pairing.createdBy,
      createdAt: now,
    });
    await repo.linkPairingToDevice(tx, pairing.id, device.id);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'device.paired', siteId: device.siteId, targetType: 'device', targetId: device.id, details: { role: device.role } });
    return { token, device: { id: device.id, siteId: device.siteId, role: device.role as DeviceRole, name: device.name } };
  });
}

export async function actorFromDeviceToken(ctx: AppContext, token: string): Promise<Extract<Actor, { kind: 'device' }> | null> {
  const d = await repo.findLiveDevice(ctx.db, sha256(token));
  return d ? { kind: 'device', id: d.id, siteId: d.siteId, role: d.role as DeviceRole, name: d.name } : null;
}

export async function listDevices(ctx: AppContext, caller: Caller, siteId: string) {
  authorize(caller.actor, 'site.manage', { siteId });
  return repo.listDevices(ctx.db, siteId);
}

export async function revokeDevice(ctx: AppContext, caller: Caller, deviceId: string) {
  const device = await repo.findDevice(ctx.db, deviceId);
  if (!device) throw notFound('Perangkat', 'Device');
  authorize(caller.actor, 'site.manage', { siteId: device.siteId });
  await ctx.db.transaction(async (tx) => {
    await repo.revokeDevice(tx, deviceId, ctx.clock.now());
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'device.revoked', siteId: device.siteId, targetType: 'device', targetId: deviceId });
  });
}

/** The device's own view of itself (a kiosk checks it is still paired). */
export function whoAmI(actor: Actor) {
  if (actor.kind !== 'device') throw appError('auth.unauthenticated');
  return { id: actor.id, siteId: actor.siteId, role: actor.role, name: actor.name };
}
