/**
 * Access administration of a site (staff accounts and their memberships, paired devices). Every
 * path lives in `P`; writes refresh the site's admin lists (the counters' officer picker too).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, useInvalidateSite, usePage, type ListFilter } from '../../../app/admin';
import { api } from '../../../lib/api';
import type { Device, Pairing, StaffUser } from '../../catalog/types';

const V1 = '/api/v1';
const e = encodeURIComponent;
export const P = {
  staff: (siteId: string) => `${V1}/sites/${e(siteId)}/staff`,
  staffUser: (siteId: string, userId: string) => `${V1}/sites/${e(siteId)}/staff/${e(userId)}`,
  staffActive: (siteId: string, userId: string, active: boolean) => `${V1}/sites/${e(siteId)}/staff/${e(userId)}/${active ? 'activate' : 'deactivate'}`,
  staffPassword: (siteId: string, userId: string) => `${V1}/sites/${e(siteId)}/staff/${e(userId)}/reset-password`,
  devices: (siteId: string) => `${V1}/sites/${e(siteId)}/devices`,
  pairings: (siteId: string) => `${V1}/sites/${e(siteId)}/device-pairings`,
  revokeDevice: (id: string) => `${V1}/devices/${e(id)}/revoke`,
};

/* ----------------------------------------------------------------- staff */

export const useStaff = (siteId: string | undefined, filter: ListFilter, enabled = true) => usePage<StaffUser>(siteId, 'staff', P.staff, filter, enabled);

export interface StaffInput {
  username?: string;
  displayName: string;
  password?: string;
  memberships: Array<{ role: string; agencyId: string | null }>;
}

export function useSaveStaff(siteId: string, userId: string | undefined) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: (body: StaffInput) =>
      userId ? api.patch<StaffUser>(P.staffUser(siteId, userId), { displayName: body.displayName, memberships: body.memberships }) : api.post<StaffUser>(P.staff(siteId), body),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useSetStaffActive(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<unknown>(P.staffActive(siteId, id, active)),
    onSuccess: invalidate,
  });
}

export function useResetStaffPassword(siteId: string) {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password?: string }) => api.post<{ temporaryPassword: string | null }>(P.staffPassword(siteId, id), password ? { password } : {}),
    meta: { inlineErrors: true },
  });
}

/* --------------------------------------------------------------- devices */

export function useDevices(siteId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.list(siteId ?? '', 'devices'),
    queryFn: ({ signal }) => api.get<Device[]>(P.devices(siteId as string), undefined, signal),
    enabled: !!siteId,
    refetchInterval: 30_000,
  });
}

export function useCreatePairing(siteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { role: 'kiosk' | 'display' | 'survey'; name: string }) => api.post<Pairing>(P.pairings(siteId), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.list(siteId, 'devices') }),
    meta: { inlineErrors: true },
  });
}

export function useRevokeDevice(siteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(P.revokeDevice(id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.list(siteId, 'devices') }),
  });
}
