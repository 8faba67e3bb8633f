import type { ComplaintRow } from './complaints.repository';

/**
 * The reference staff use for a complaint ("ADU-261125-3F9A": filing date and four characters of
 * its id). Not a secret, unlike the tracking code, which is the reporter's key: the agency and
 * the auditors never see the tracking code (with it they could act as the reporter).
 */
export const referenceOf = (c: Pick<ComplaintRow, 'id' | 'filedOn'>) => `ADU-${c.filedOn.replace(/-/g, '').slice(2)}-${c.id.slice(-4).toUpperCase()}`;

/** The filing date and id ending a reference names, or null when `q` is not one. */
export function parseReference(q: string): { filedOn: string; idEnd: string } | null {
  const m = /^ADU-(\d{2})(\d{2})(\d{2})-([0-9A-F]{4})$/i.exec(q.trim());
  return m ? { filedOn: `20${m[1]}-${m[2]}-${m[3]}`, idEnd: m[4].toLowerCase() } : null;
}
