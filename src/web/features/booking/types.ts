/**
 * Shapes of the booking API (mirrors src/server/modules/booking/booking.contracts.ts) and of the
 * public catalogue fields the booking pages use (DESIGN §6, catalog.contracts.ts publicService).
 */

export interface PublicSite {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  /** preparation | trial | operating | closed (absent on older servers). */
  status?: string;
}

export interface ServiceRequirement {
  documentType?: { key: string; name: string };
  note?: string | null;
}

export interface BookableService {
  id: string;
  code: string;
  name: string;
  bookable: boolean;
  keywords?: string[];
  description?: string;
  handlingMinutes?: number;
  agency: { id: string; name: string; kind?: string; shortName?: string };
  standard?: {
    /** Objects per the catalogue contract; plain strings are accepted too. */
    requirements?: Array<ServiceRequirement | string>;
    procedure?: string[] | string;
    durationText?: string;
    fee?: number;
    product?: string;
    complaintChannel?: string;
  };
}

export interface Slot {
  /** ISO instant. */
  start: string;
  end: string;
  capacity: number;
  available: number;
}

export type BookingStatus = 'booked' | 'checked_in' | 'cancelled' | 'no_show' | (string & {});

export interface Booking {
  code: string;
  start: string;
  end: string;
  status: BookingStatus;
  name: string | null;
  nikMasked: string | null;
  service: { id: string; name: string; agency: { id: string; name: string } };
  site: { id: string; name: string; timeZone: string };
  /** An SVG document (QR of the code), rendered as an image, never injected as markup. */
  qrSvg: string;
  icsUrl: string;
}

export interface BookRequest {
  serviceId: string;
  start: string;
  nik: string;
  name: string;
  phone?: string | null;
  email?: string | null;
}

// ---------- operator ----------
export interface CalendarDay {
  date: string;
  capacity: number;
  booked: number;
  available: number;
  closed: boolean;
  /** Seats per slot set by the operator for that day, or null. */
  override: number | null;
}

export interface DayBooking {
  code: string;
  serviceId: string;
  start: string;
  end: string;
  status: BookingStatus;
  name: string | null;
  nikMasked: string | null;
  phoneMasked: string | null;
  checkedInAt: string | null;
}

export interface DayChange {
  date: string;
  capacityPerSlot: number | null;
  closed: boolean;
  reason?: string;
}

export interface DayChangeResult {
  date: string;
  closed: boolean;
  capacityPerSlot: number | null;
  /** Bookings cancelled (and their citizens notified) by closing the day. */
  cancelled: number;
}
