import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie, request } from '../../lib/api';
import type {
  AgencyIkm, CreateActionBody, SignatoryBody, Signatory, SubmitBody, Submitted, SurveyAction, SurveyOffer, SurveyReport, SurveySettings, Tablet, TabletAnswerBody, TabletOffers, UpdateActionBody,
} from './types';

const enc = encodeURIComponent;
/** Every path of the survey API. */
export const P = {
  offer: (code: string) => `/api/v1/surveys/by-code/${enc(code)}`,
  submit: (siteId: string) => `/api/v1/sites/${enc(siteId)}/surveys`,
  ikmAgencies: (siteId: string) => `/api/v1/sites/${enc(siteId)}/ikm/agencies`,
  report: (siteId: string) => `/api/v1/sites/${enc(siteId)}/survey/report`,
  export: (siteId: string) => `/api/v1/sites/${enc(siteId)}/survey/report/export`,
  actions: (siteId: string) => `/api/v1/sites/${enc(siteId)}/survey/actions`,
  action: (id: string) => `/api/v1/survey/actions/${enc(id)}`,
  settings: (siteId: string) => `/api/v1/sites/${enc(siteId)}/survey/settings`,
  signatory: (siteId: string) => `/api/v1/sites/${enc(siteId)}/survey/signatory`,
  tablets: (siteId: string) => `/api/v1/sites/${enc(siteId)}/survey/tablets`,
  tablet: (siteId: string, deviceId: string) => `/api/v1/sites/${enc(siteId)}/survey/tablets/${enc(deviceId)}`,
  tabletOffers: '/api/v1/survey-tablet/offers',
  tabletAnswer: (ticketId: string) => `/api/v1/survey-tablet/tickets/${enc(ticketId)}/answers`,
  claim: '/api/v1/devices/claim',
  counters: (siteId: string) => `/api/v1/sites/${enc(siteId)}/counters`,
};

export const surveyKeys = {
  offer: (code: string) => ['survey', 'offer', code] as const,
  ikm: (siteId: string, period: string) => ['survey', 'ikm', siteId, period] as const,
  report: (siteId: string, q: ReportQuery) => ['survey', 'report', siteId, q] as const,
  actions: (siteId: string) => ['survey', 'actions', siteId] as const,
  settings: (siteId: string) => ['survey', 'settings', siteId] as const,
  signatory: (siteId: string, agencyId: string) => ['survey', 'signatory', siteId, agencyId] as const,
  tablets: (siteId: string) => ['survey', 'tablets', siteId] as const,
};

// ---------- citizens (plain calls: the status page and the survey page use no query cache) ----------

export const fetchOffer = (code: string, signal?: AbortSignal) => api.get<SurveyOffer>(P.offer(code), undefined, signal);
export const submitSurvey = (siteId: string, body: SubmitBody) => api.post<Submitted>(P.submit(siteId), body);

export function useAgencyIkm(siteId: string | undefined, period: string) {
  return useQuery({
    queryKey: surveyKeys.ikm(siteId ?? '', period),
    queryFn: ({ signal }) => api.get<AgencyIkm>(P.ikmAgencies(siteId!), { period }, signal),
    enabled: !!siteId && !!period,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

// ---------- the survey tablet (device token) ----------

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const claimTablet = (code: string) =>
  request<{ token: string; device: { id: string; siteId: string; role: string; name: string } }>(P.claim, { method: 'POST', body: { code: code.trim() } });
export const tabletOffers = (token: string, signal?: AbortSignal) => request<TabletOffers>(P.tabletOffers, { headers: bearer(token), signal });
export const tabletAnswer = (token: string, ticketId: string, body: TabletAnswerBody) => request<Submitted>(P.tabletAnswer(ticketId), { method: 'POST', body, headers: bearer(token) });

// ---------- staff ----------

export interface ReportQuery {
  period: string;
  agencyId?: string;
  serviceId?: string;
}

export function useSurveyReport(siteId: string | undefined, q: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.report(siteId ?? '', q),
    queryFn: ({ signal }) => api.get<SurveyReport>(P.report(siteId!), { period: q.period, agencyId: q.agencyId, serviceId: q.serviceId }, signal),
    enabled: !!siteId && enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useActions(siteId: string | undefined, period?: string) {
  return useQuery({
    queryKey: [...surveyKeys.actions(siteId ?? ''), period ?? ''],
    queryFn: ({ signal }) => api.get<SurveyAction[]>(P.actions(siteId!), { period }, signal),
    enabled: !!siteId,
  });
}

/** After a change, every survey query of the page refreshes (report, actions, settings, tablets). */
function useInvalidate(_siteId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['survey'] });
}

export function useCreateAction(siteId: string) {
  const invalidate = useInvalidate(siteId);
  return useMutation({ mutationFn: (body: CreateActionBody) => api.post<SurveyAction>(P.actions(siteId), body), onSuccess: invalidate });
}
export function useUpdateAction(siteId: string) {
  const invalidate = useInvalidate(siteId);
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateActionBody }) => api.patch<SurveyAction>(P.action(id), body), onSuccess: invalidate });
}

export function useSurveySettings(siteId: string | undefined) {
  return useQuery({ queryKey: surveyKeys.settings(siteId ?? ''), queryFn: ({ signal }) => api.get<SurveySettings>(P.settings(siteId!), undefined, signal), enabled: !!siteId });
}
export function useSaveSettings(siteId: string) {
  const invalidate = useInvalidate(siteId);
  return useMutation({ mutationFn: (body: Partial<SurveySettings>) => api.put<SurveySettings>(P.settings(siteId), body), onSuccess: invalidate });
}
export function useSignatory(siteId: string | undefined, agencyId: string) {
  return useQuery({
    queryKey: surveyKeys.signatory(siteId ?? '', agencyId),
    queryFn: ({ signal }) => api.get<Signatory | null>(P.signatory(siteId!), { agencyId: agencyId || undefined }, signal),
    enabled: !!siteId,
  });
}
export function useSaveSignatory(siteId: string) {
  const invalidate = useInvalidate(siteId);
  return useMutation({ mutationFn: (body: SignatoryBody) => api.put<Signatory>(P.signatory(siteId), body), onSuccess: invalidate });
}
export function useTablets(siteId: string | undefined, enabled = true) {
  return useQuery({ queryKey: surveyKeys.tablets(siteId ?? ''), queryFn: ({ signal }) => api.get<Tablet[]>(P.tablets(siteId!), undefined, signal), enabled: !!siteId && enabled });
}
/** The site's counters (public, DESIGN §6), to place a tablet beside one. */
export function useSiteCounters(siteId: string | undefined) {
  return useQuery({
    queryKey: ['survey', 'counters', siteId ?? ''],
    queryFn: ({ signal }) => api.get<Array<{ id: string; name: string; number: number }>>(P.counters(siteId!), undefined, signal),
    enabled: !!siteId,
    staleTime: 60_000,
  });
}
export function usePlaceTablet(siteId: string) {
  const invalidate = useInvalidate(siteId);
  return useMutation({ mutationFn: ({ deviceId, counterId }: { deviceId: string; counterId: string | null }) => api.put<Tablet>(P.tablet(siteId, deviceId), { counterId }), onSuccess: invalidate });
}

/** Downloads the report as XLSX or PDF (the browser saves the file under the server's name). */
export async function downloadReport(siteId: string, q: ReportQuery, format: 'xlsx' | 'pdf'): Promise<void> {
  const headers: Record<string, string> = {};
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const qs = new URLSearchParams({ period: q.period, format, ...(q.agencyId ? { agencyId: q.agencyId } : {}), ...(q.serviceId ? { serviceId: q.serviceId } : {}) });
  let res: Response;
  try {
    res = await fetch(`${P.export(siteId)}?${qs}`, { credentials: 'same-origin', headers });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (e as Error)?.message });
  }
  if (!res.ok) throw await errorFromResponse(res);
  const blob = await res.blob();
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `skm-${q.period}.${format}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
