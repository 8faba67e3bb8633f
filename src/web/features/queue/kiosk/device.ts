import { request } from '../../../lib/api';
import { store } from '../format';
import { bearer } from '../publicApi';
import type { IssueBody, IssuedTicket } from '../types';

/** What a paired kiosk keeps in localStorage (the token is revocable by the site admin). */
export interface KioskDevice {
  token: string;
  deviceId: string;
  siteId: string;
  name: string;
}

export type PaperWidth = 58 | 80;
export interface KioskSettings {
  paper: PaperWidth;
  autoPrint: boolean;
}

const DEVICE_KEY = 'loket.kiosk.device';
const SETTINGS_KEY = 'loket.kiosk.settings';

export const loadDevice = (): KioskDevice | null => {
  const d = store.get<KioskDevice>(DEVICE_KEY);
  return d && typeof d.token === 'string' && typeof d.siteId === 'string' ? d : null;
};
export const saveDevice = (d: KioskDevice) => store.set(DEVICE_KEY, d);
export const forgetDevice = () => store.remove(DEVICE_KEY);

export function loadSettings(): KioskSettings {
  const s = store.get<Partial<KioskSettings>>(SETTINGS_KEY) ?? {};
  // `?paper=80` in the address overrides (handy when setting up a kiosk browser).
  const q = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('paper') : null;
  const paper = q === '80' || q === '58' ? (Number(q) as PaperWidth) : s.paper === 80 ? 80 : 58;
  return { paper, autoPrint: s.autoPrint !== false };
}
export const saveSettings = (s: KioskSettings) => store.set(SETTINGS_KEY, s);

interface ClaimResponse {
  token: string;
  device: { id: string; siteId: string; role: 'kiosk' | 'display'; name: string };
}

export const claimPairing = (code: string) => request<ClaimResponse>('/api/v1/devices/claim', { method: 'POST', body: { code: code.trim() } });

/** Checks the token still works (401 once an admin revoked the device). */
export const deviceMe = (token: string, signal?: AbortSignal) =>
  request<{ id: string; siteId: string; role: string; name: string }>('/api/v1/devices/me', { headers: bearer(token), signal });

/**
 * Issues a ticket. The idempotency key belongs to one intent (one press of "Ambil nomor" with
 * these choices): a double tap or a retry after a lost answer gets the same ticket back.
 */
export const issueTicket = (device: KioskDevice, body: IssueBody, key: string) =>
  request<IssuedTicket>(`/api/v1/sites/${device.siteId}/tickets`, {
    method: 'POST',
    body,
    headers: { ...bearer(device.token), 'idempotency-key': key },
  });
