import { z } from 'zod';
import { ROLES } from '../../platform/authz';
import { instantOrDate } from '../../platform/date-input';
import { MIN_PASSWORD_LENGTH } from './passwords';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash, underscore');

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

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(256);

export const setupBody = z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(120), password: passwordSchema });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordSchema,
  memberships: z.array(z.object({ role: z.enum(ROLES), siteId: z.uuid().nullable(), agencyId: z.uuid().nullable() })).min(1),
});

export const pairingBody = z.object({ role: z.enum(['kiosk', 'display']), name: z.string().trim().min(1).max(80) });
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
