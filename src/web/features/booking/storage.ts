import type { Booking } from './types';

/**
 * The confirmation of a booking is kept in this tab's sessionStorage, so /booking/done/:code
 * survives a reload. What is kept is what the server returned: the NIK only masked, never the
 * NIK itself (nor does the NIK ever go into a URL).
 */
export interface StoredBooking {
  booking: Booking;
  /** What to bring (the service's requirements, as text), when the catalogue gave them. */
  requirements: string[];
  savedAt: string;
}

const PREFIX = 'loket.booking.v1:';

export function saveBooking(booking: Booking, requirements: string[]): void {
  const value: StoredBooking = { booking, requirements, savedAt: new Date().toISOString() };
  try {
    sessionStorage.setItem(PREFIX + booking.code, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the confirmation shows once, the manage page still works.
  }
}

export function loadBooking(code: string): StoredBooking | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + code);
    if (!raw) return null;
    const v = JSON.parse(raw) as StoredBooking;
    return v && v.booking && v.booking.code === code ? { ...v, requirements: Array.isArray(v.requirements) ? v.requirements : [] } : null;
  } catch {
    return null;
  }
}

export function forgetBooking(code: string): void {
  try {
    sessionStorage.removeItem(PREFIX + code);
  } catch {
    // Nothing to forget.
  }
}

/** A requirement as one line of text, whatever shape the catalogue gave it. */
export function requirementText(r: unknown): string | null {
  if (typeof r === 'string') return r.trim() || null;
  if (r && typeof r === 'object') {
    const o = r as { documentType?: { name?: unknown }; name?: unknown; note?: unknown };
    const name = typeof o.documentType?.name === 'string' ? o.documentType.name : typeof o.name === 'string' ? o.name : '';
    const note = typeof o.note === 'string' ? o.note.trim() : '';
    if (name && note) return `${name} (${note})`;
    return name || note || null;
  }
  return null;
}
