/**
 * The closed vocabularies of the queue, shared by the database schema, the contracts and the web.
 * The first seven statuses are the public contract (DESIGN §6); `parked` is a ticket set aside at
 * a counter while the citizen fetches a document: it frees the counter and comes back to that
 * counter's list when resumed.
 */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Priority groups (lansia, penyandang disabilitas, ibu hamil). */
export const PRIORITIES = ['lansia', 'disabilitas', 'ibu_hamil'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** `pickup`: a ticket to collect a finished application's documents (kiosk "Ambil dokumen"). */
export const TICKET_SOURCES = ['walk_in', 'booking', 'transfer', 'step', 'pickup'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
