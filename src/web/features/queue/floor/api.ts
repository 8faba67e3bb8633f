import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { noteServerTime } from '../clock';
import type { Announcement, AnnouncementBody, FloorView, QueueSettings } from '../types';

const enc = encodeURIComponent;
/** Every path of the floor view. */
export const P = {
  floor: (siteId: string) => `/api/v1/sites/${enc(siteId)}/queue/floor`,
  settings: (siteId: string) => `/api/v1/sites/${enc(siteId)}/queue/settings`,
  announcements: (siteId: string) => `/api/v1/sites/${enc(siteId)}/announcements`,
  stream: (siteId: string) => `/api/v1/sites/${enc(siteId)}/stream`,
};

export const floorKeys = {
  floor: (siteId: string) => ['queue', 'floor', siteId] as const,
};

/** The floor snapshot. The site stream triggers refreshes (FloorPage); the interval is only the safety net. */
export function useFloor(siteId: string) {
  return useQuery({
    queryKey: floorKeys.floor(siteId),
    queryFn: async ({ signal }) => {
      const sent = Date.now();
      const f = await api.get<FloorView>(P.floor(siteId), undefined, signal);
      noteServerTime(f.now, sent);
      return f;
    },
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    staleTime: 2_000,
  });
}

function useFloorMutation<TVars, TData>(siteId: string, run: (v: TVars) => Promise<TData>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    // The form shows the server's field errors itself.
    meta: { inlineErrors: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: floorKeys.floor(siteId) }),
  });
}

export const usePostAnnouncement = (siteId: string) => useFloorMutation(siteId, (body: AnnouncementBody) => api.post<Announcement>(P.announcements(siteId), body));
export const useClearAnnouncement = (siteId: string) => useFloorMutation(siteId, () => api.delete<void>(P.announcements(siteId)));
export const useSaveTarget = (siteId: string) => useFloorMutation(siteId, (body: QueueSettings) => api.put<QueueSettings>(P.settings(siteId), body));
