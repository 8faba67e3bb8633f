/** Requests and responses of staff administration inside one site (site_admin). */
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../domain/policy';
import { passwordSchema, usernameSchema } from './access';

export { STAFF_ROLES, type StaffRole };

export const staffSiteParams = z.object({ siteId: z.uuid() });
export const staffParams = z.object({ siteId: z.uuid(), userId: z.uuid() });

export const staffMembershipInput = z
  .object({
    role: z.enum(STAFF_ROLES),
    agencyId: z.uuid().nullable().default(null).describe('Required for agency_admin and officer (an agency of this site); null for site_admin'),
  })
  .strict();

const userRefMembership = z.object({ role: z.string(), agencyId: z.uuid().nullable(), agencyName: z.string().nullable() });

export const staffMember = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  isDemo: z.boolean(),
  memberships: z.array(userRefMembership).describe('Roles in this site'),
  elsewhere: z.boolean().describe('Also holds roles outside this site (platform-wide or other sites)'),
  createdAt: z.string().describe('ISO 8601 instant'),
});

export const staffQuery = z.object({
  q: z.string().max(200).optional().describe('Matches username and display name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  status: z.enum(['all', 'active', 'inactive']).default('all'),
  role: z.enum(STAFF_ROLES).optional(),
  agencyId: z.uuid().optional(),
});

export const staffPage = z.object({ items: z.array(staffMember), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const createStaffBody = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(120),
    password: passwordSchema,
    memberships: z.array(staffMembershipInput).min(1).max(20),
  })
  .strict();

export const updateStaffBody = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    memberships: z.array(staffMembershipInput).max(20).optional().describe("Replaces the user's roles in this site (roles elsewhere are kept)"),
  })
  .strict();

export const resetPasswordBody = z
  .object({ password: passwordSchema.optional().describe('Omit to have a temporary password generated and returned once') })
  .strict();
export const resetPasswordResult = z.object({ temporaryPassword: z.string().nullable() });
