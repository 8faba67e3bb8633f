/** Requests and responses of sign-in, the first run, platform users, devices and the audit log. */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_CHARS, USERNAME_MAX, USERNAME_MIN } from '../domain/credentials';
import { DEVICE_ROLES, ROLES } from '../domain/policy';
import { instantOrDate, page } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .min(USERNAME_MIN)
  .max(USERNAME_MAX)
  .regex(USERNAME_CHARS, 'letters, digits, dot, dash, underscore');

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

export const membershipSchema = z.object({
  role: z.enum(ROLES),
  siteId: z.uuid().nullable(),
  agencyId: z.uuid().nullable(),
  siteName: z.string().nullable().optional(),
  agencyName: z.string().nullable().optional(),
});

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['id', 'en']).nullable(),
  memberships: z.array(membershipSchema),
});

export const sessionResponse = z.object({ token: z.string(), user: userSchema });

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const setupBody = z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(120), password: passwordSchema });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordSchema,
  memberships: z.array(z.object({ role: z.enum(ROLES), siteId: z.uuid().nullable(), agencyId: z.uuid().nullable() })).min(1),
});

export const pairingBody = z.object({ role: z.enum(DEVICE_ROLES), name: z.string().trim().min(1).max(80) });
export const claimBody = z.object({ code: z.string().trim().min(4).max(20) });

export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(80).optional(),
  actorId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  from: instantOrDate.optional(),
  to: instantOrDate.optional(),
});

// ---------- responses without a shape of their own elsewhere ----------
/**
 * A Date the service returns, written as an ISO 8601 instant (OpenAPI: string, date-time): a codec,
 * so the server encodes the Date and a client decodes the text back with the same schema.
 */
const at = z.codec(z.iso.datetime({ offset: true }), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });

export const setupState = z.object({ needed: z.boolean().describe('True while no user exists: POST /setup creates the first platform admin') });
export const createdUser = z.object({ id: z.uuid(), username: z.string() });

export const auditEntry = z.object({
  id: z.number().int(),
  at,
  actor: z.object({ id: z.uuid().nullable(), username: z.string() }).nullable().describe('The staff user (id), or a label (a device, the system) with id null'),
  action: z.string().describe('e.g. catalog.agency_created'),
  siteId: z.uuid().nullable(),
  agencyId: z.uuid().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditPage = page(auditEntry);

export const pairing = z.object({
  code: z.string().describe('Shown once; valid 15 minutes'),
  expiresAt: at,
  role: z.enum(DEVICE_ROLES),
  name: z.string(),
});
export const device = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  role: z.string().describe('kiosk or display'),
  name: z.string(),
  createdAt: at,
  lastSeenAt: at.nullable(),
  revokedAt: at.nullable(),
});
export const deviceSelf = z.object({ id: z.uuid(), siteId: z.uuid(), role: z.enum(DEVICE_ROLES), name: z.string() });
export const claimedDevice = z.object({ token: z.string().describe('The device bearer token (ld_…), shown once'), device: deviceSelf });
export const deviceParams = z.object({ deviceId: z.uuid() });
