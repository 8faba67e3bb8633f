/**
 * The catalogue administration API (staff). Every path lives in `P` so the pages never spell one.
 * Writes invalidate the admin lists of the site and the public catalogue caches (app/admin/query.ts).
 * Staff accounts and devices are access's (features/access/admin/api.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, useInvalidateSite, usePage, type ListFilter, type Page } from '../../../app/admin';
import { api, ApiError, buildUrl, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie } from '../../../lib/api';
import type {
  AgencyAdmin,
  AgencyInput,
  CounterAdmin,
  CounterInput,
  DocumentTypeAdmin,
  DocumentTypeInput,
  Holiday,
  ImportResult,
  ServiceAdmin,
  ServiceInput,
  SiteCreate,
  SiteDetail,
  SiteUpdate,
} from '../types';

const V1 = '/api/v1';
const e = encodeURIComponent;
export const P = {
  sites: () => `${V1}/sites`,
  site: (siteId: string) => `${V1}/sites/${e(siteId)}`,
  agencies: (siteId: string) => `${V1}/sites/${e(siteId)}/catalog/agencies`,
  agency: (id: string) => `${V1}/catalog/agencies/${e(id)}`,
  agencyActive: (id: string, active: boolean) => `${V1}/catalog/agencies/${e(id)}/${active ? 'activate' : 'deactivate'}`,
  agreementDocument: (siteId: string, agencyId: string) => `${V1}/sites/${e(siteId)}/agencies/${e(agencyId)}/agreement-document`,
  agencyLogo: (siteId: string, agencyId: string) => `${V1}/sites/${e(siteId)}/agencies/${e(agencyId)}/logo`,
  services: (siteId: string) => `${V1}/sites/${e(siteId)}/catalog/services`,
  service: (id: string) => `${V1}/catalog/services/${e(id)}`,
  serviceActive: (id: string, active: boolean) => `${V1}/catalog/services/${e(id)}/${active ? 'activate' : 'deactivate'}`,
  documentTypes: () => `${V1}/catalog/document-types`,
  documentType: (id: string) => `${V1}/catalog/document-types/${e(id)}`,
  documentTypeActive: (id: string, active: boolean) => `${V1}/catalog/document-types/${e(id)}/${active ? 'activate' : 'deactivate'}`,
  counters: (siteId: string) => `${V1}/sites/${e(siteId)}/catalog/counters`,
  counter: (id: string) => `${V1}/catalog/counters/${e(id)}`,
  counterActive: (id: string, active: boolean) => `${V1}/catalog/counters/${e(id)}/${active ? 'activate' : 'deactivate'}`,
  counterOfficers: (id: string) => `${V1}/counters/${e(id)}/officers`,
  holidays: (siteId: string) => `${V1}/sites/${e(siteId)}/holidays`,
  holiday: (siteId: string, holidayId: string) => `${V1}/sites/${e(siteId)}/holidays/${e(holidayId)}`,
  nationalHolidays: () => `${V1}/holidays`,
  nationalHoliday: (id: string) => `${V1}/holidays/${e(id)}`,
  seedNationalHolidays: () => `${V1}/holidays/seed`,
  exportFile: (siteId: string, format: 'json' | 'xlsx') => `${V1}/sites/${e(siteId)}/catalog/export?format=${format}`,
  importFile: (siteId: string) => `${V1}/sites/${e(siteId)}/catalog/import`,
};

/* ------------------------------------------------------------------ site */

export function useSiteSettings(siteId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.one(siteId ?? '', 'site', siteId ?? ''),
    queryFn: ({ signal }) => api.get<SiteDetail>(P.site(siteId as string), undefined, signal),
    enabled: !!siteId,
  });
}

export function useUpdateSite(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteUpdate) => api.patch<SiteDetail>(P.site(siteId), body),
    onSuccess: async () => {
      await invalidate();
      await qc.invalidateQueries({ queryKey: ['sites'] });
    },
    meta: { inlineErrors: true },
  });
}

/** Platform admin: a new MPP site (the site list of the header switcher is refreshed). */
export function useCreateSite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteCreate) => api.post<SiteDetail>(P.sites(), body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['sites'] });
    },
    meta: { inlineErrors: true },
  });
}

/* -------------------------------------------------------------- agencies */

export const useAgencies = (siteId: string | undefined, filter: ListFilter) => usePage<AgencyAdmin>(siteId, 'agencies', P.agencies, filter);

/** Every agency the user may manage in the site (for pickers), active first. */
export function useAgencyOptions(siteId: string | undefined) {
  return usePage<AgencyAdmin>(siteId, 'agencies', P.agencies, { page: 1, pageSize: 500, status: 'all' });
}

export function useAgency(siteId: string, id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.one(siteId, 'agency', id ?? ''),
    queryFn: ({ signal }) => api.get<AgencyAdmin>(P.agency(id as string), undefined, signal),
    enabled: !!id,
  });
}

export function useSaveAgency(siteId: string, id: string | undefined) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: (body: Partial<AgencyInput>) => (id ? api.patch<AgencyAdmin>(P.agency(id), body) : api.post<AgencyAdmin>(P.agencies(siteId), body)),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useSetAgencyActive(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<AgencyAdmin>(P.agencyActive(id, active)),
    onSuccess: invalidate,
  });
}

/**
 * An agency's files, each with its own address and limits (checked again by the server, from the
 * content): the signed agreement (PKS / MoU), PDF, JPG or PNG up to 10 MiB, and the public logo,
 * PNG, JPG or WebP up to 1 MiB (no SVG: it can carry script).
 */
export const AGENCY_FILES = {
  agreement: { path: P.agreementDocument, maxBytes: 10 * 1024 * 1024, accept: '.pdf,.jpg,.jpeg,.png', pattern: /\.(pdf|jpe?g|png)$/i },
  logo: { path: P.agencyLogo, maxBytes: 1024 * 1024, accept: '.png,.jpg,.jpeg,.webp', pattern: /\.(png|jpe?g|webp)$/i },
} as const;
export type AgencyFileSlot = keyof typeof AGENCY_FILES;

/**
 * Uploads (or replaces) one of an agency's files as multipart/form-data, field `file`, with the
 * CSRF header; the browser sets the content type with its boundary.
 */
export async function uploadAgencyFile(siteId: string, agencyId: string, slot: AgencyFileSlot, file: File): Promise<AgencyAdmin> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(AGENCY_FILES[slot].path(siteId, agencyId), { method: 'PUT', headers, credentials: 'same-origin', body: form });
  } catch (err) {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (err as Error)?.message });
  }
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as AgencyAdmin;
}

/** After a change of an agency's file: the agency's own query gets the new view at once. */
function useAgencyFileDone(siteId: string, agencyId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateSite(siteId);
  return async (saved: AgencyAdmin) => {
    qc.setQueryData(adminKeys.one(siteId, 'agency', agencyId), saved);
    await invalidate();
  };
}

export function useUploadAgencyFile(siteId: string, agencyId: string, slot: AgencyFileSlot) {
  const done = useAgencyFileDone(siteId, agencyId);
  return useMutation({
    mutationFn: (file: File) => uploadAgencyFile(siteId, agencyId, slot, file),
    onSuccess: done,
    meta: { inlineErrors: true },
  });
}

export function useRemoveAgencyFile(siteId: string, agencyId: string, slot: AgencyFileSlot) {
  const done = useAgencyFileDone(siteId, agencyId);
  return useMutation({
    mutationFn: () => api.delete<AgencyAdmin>(AGENCY_FILES[slot].path(siteId, agencyId)),
    onSuccess: done,
  });
}

/* -------------------------------------------------------------- services */

export const useServices = (siteId: string | undefined, filter: ListFilter, enabled = true) => usePage<ServiceAdmin>(siteId, 'services', P.services, filter, enabled);

export function useService(siteId: string, id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.one(siteId, 'service', id ?? ''),
    queryFn: ({ signal }) => api.get<ServiceAdmin>(P.service(id as string), undefined, signal),
    enabled: !!id,
  });
}

export function useSaveService(siteId: string, id: string | undefined) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: (body: Partial<ServiceInput>) => (id ? api.patch<ServiceAdmin>(P.service(id), body) : api.post<ServiceAdmin>(P.services(siteId), body)),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useSetServiceActive(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<ServiceAdmin>(P.serviceActive(id, active)),
    onSuccess: invalidate,
  });
}

/** Every document type, inactive ones too (a service keeps a deactivated type it already names). */
export function useDocumentTypes(siteId: string | undefined) {
  // The shared types and this site's own: another site's types cannot be required here.
  return useQuery({
    queryKey: ['catalog', 'document-types', 'all', siteId ?? ''],
    queryFn: async ({ signal }) => (await api.get<Page<DocumentTypeAdmin>>(P.documentTypes(), { page: 1, pageSize: 500, status: 'all', siteId }, signal)).items,
    staleTime: 5 * 60_000,
  });
}

/* ---------------------------------------------------------- document types */

/** Shared by every site: cached under ['catalog', 'document-types'], so any catalogue write refreshes it. */
export function useAdminDocumentTypes(filter: ListFilter) {
  return useQuery({
    queryKey: ['catalog', 'document-types', 'page', filter],
    queryFn: ({ signal }) => api.get<Page<DocumentTypeAdmin>>(P.documentTypes(), filter, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

function useInvalidateDocumentTypes() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['catalog'] });
}

export function useSaveDocumentType(id: string | undefined) {
  const invalidate = useInvalidateDocumentTypes();
  return useMutation({
    mutationFn: (body: DocumentTypeInput) =>
      id ? api.patch<DocumentTypeAdmin>(P.documentType(id), { name: body.name, description: body.description }) : api.post<DocumentTypeAdmin>(P.documentTypes(), body),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useSetDocumentTypeActive() {
  const invalidate = useInvalidateDocumentTypes();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<DocumentTypeAdmin>(P.documentTypeActive(id, active)),
    onSuccess: invalidate,
  });
}

/* -------------------------------------------------------------- counters */

export const useCounters = (siteId: string | undefined, filter: ListFilter) => usePage<CounterAdmin>(siteId, 'counters', P.counters, filter);

export function useSaveCounter(siteId: string, id: string | undefined) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: (body: Partial<CounterInput>) => (id ? api.patch<CounterAdmin>(P.counter(id), body) : api.post<CounterAdmin>(P.counters(siteId), body)),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useSetCounterOfficers(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: ({ id, userIds }: { id: string; userIds: string[] }) => api.put<unknown>(P.counterOfficers(id), { userIds }),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useSetCounterActive(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<CounterAdmin>(P.counterActive(id, active)),
    onSuccess: invalidate,
  });
}

/* -------------------------------------------------------------- holidays */

export function useHolidays(siteId: string | undefined, year: number) {
  return useQuery({
    queryKey: adminKeys.list(siteId ?? '', 'holidays', { year }),
    queryFn: ({ signal }) => api.get<Holiday[]>(P.holidays(siteId as string), { year }, signal),
    enabled: !!siteId,
    placeholderData: keepPreviousData,
  });
}

export function useAddSiteDay(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: (body: { date: string; name: string; kind: 'closure' | 'open' }) => api.post<Holiday>(P.holidays(siteId), body),
    onSuccess: invalidate,
    meta: { inlineErrors: true },
  });
}

export function useDeleteSiteDay(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: (holidayId: string) => api.delete<void>(P.holiday(siteId, holidayId)),
    onSuccess: invalidate,
  });
}

/** The national list of a year (libur nasional and cuti bersama, every site). */
export function useNationalHolidays(year: number) {
  return useQuery({
    queryKey: ['catalog', 'national-holidays', year],
    queryFn: ({ signal }) => api.get<Holiday[]>(P.nationalHolidays(), { year }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export interface NationalDayInput {
  date: string;
  name: string;
  kind: 'national' | 'cuti_bersama';
}

/** Platform admin: changes of the national list concern every site's calendar. */
function useNationalWrite<V, R>(siteId: string, fn: (v: V) => Promise<R>, inlineErrors = true) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({ mutationFn: fn, onSuccess: invalidate, meta: inlineErrors ? { inlineErrors: true } : undefined });
}

export const useAddNationalDay = (siteId: string) => useNationalWrite(siteId, (body: NationalDayInput) => api.post<Holiday>(P.nationalHolidays(), body));
export const useUpdateNationalDay = (siteId: string) =>
  useNationalWrite(siteId, ({ id, ...body }: Partial<NationalDayInput> & { id: string }) => api.patch<Holiday>(P.nationalHoliday(id), body));
export const useDeleteNationalDay = (siteId: string) => useNationalWrite(siteId, (id: string) => api.delete<void>(P.nationalHoliday(id)), false);
export const useSeedNationalYear = (siteId: string) => useNationalWrite(siteId, (year: number) => api.post<{ year: number; added: number }>(P.seedNationalHolidays(), { year }), false);

/* -------------------------------------------------------- import / export */

/** Sends a catalogue file as it is (JSON or XLSX bytes); `dryRun` reports without writing. */
export async function uploadCatalog(siteId: string, file: File, dryRun: boolean): Promise<ImportResult> {
  const isXlsx = /\.xlsx$/i.test(file.name) || file.type.includes('spreadsheet');
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'content-type': isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json',
  };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl(P.importFile(siteId), { format: isXlsx ? 'xlsx' : 'json', dryRun: dryRun ? '1' : '0' }), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: (e as Error)?.message });
  }
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as ImportResult;
}

export function useImportCatalog(siteId: string) {
  const invalidate = useInvalidateSite(siteId);
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => uploadCatalog(siteId, file, dryRun),
    onSuccess: async (r) => {
      if (!r.dryRun) await invalidate();
    },
    meta: { inlineErrors: true },
  });
}
