import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY, SETUP_KEY } from '../../app/queryClient';
import i18n from '../../i18n';
import { api, ApiError } from '../../lib/api';
import { notifySuccess } from '../../lib/errors';
import type { AuditFilter, AuditPage, Session, User } from './types';

/** The signed-in staff member, or null when nobody is signed in (401 is an answer, not an error). */
export function useMe() {
  return useQuery<User | null>({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<User>('/api/v1/auth/me', undefined, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user inside staff pages (the route guard guarantees one). */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a signed-in staff route');
  return data;
}

/** Whether the first platform admin still has to be created. */
export function useSetupStatus(enabled = true) {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/api/v1/setup', undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

let signedOutOnPurpose = false;

/** After the user chose to sign out, the guard sends them to /login without a `next` back to where they were. */
export const signedOut = (): boolean => signedOutOnPurpose;

function useSessionStarted() {
  const qc = useQueryClient();
  return (s: Session) => {
    signedOutOnPurpose = false;
    // Anything cached belongs to the previous visitor.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    qc.setQueryData(ME_KEY, s.user);
    qc.setQueryData(SETUP_KEY, { needed: false });
  };
}

export function useLogin() {
  const started = useSessionStarted();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Session>('/api/v1/auth/login', body),
    onSuccess: started,
    meta: { inlineErrors: true },
  });
}

export function useSetup() {
  const started = useSessionStarted();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string; password: string }) => api.post<Session>('/api/v1/setup', body),
    onSuccess: started,
    meta: { inlineErrors: true },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    // Even if the server call fails the page forgets the user (the guard then shows /login); the
    // cookie expires on its own.
    onSettled: () => {
      signedOutOnPurpose = true;
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
      notifySuccess(i18n.t('user.loggedOut'));
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/v1/auth/password', body),
    meta: { inlineErrors: true },
  });
}

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => api.get<AuditPage>('/api/v1/audit', { ...filter }, signal),
    placeholderData: (prev) => prev,
    staleTime: 10_000,
  });
}
