import { can, type Actor } from '../../platform/authz';
import { appError } from '../../platform/errors';

/**
 * How a staff member sees one complaint (docs/complaints.md, "Confidentiality"):
 * - the complaint desk (site admins) sees everything, the reporter's identity included unless the
 *   complaint is anonymous (then there is none);
 * - the assigned agency's staff see the reporter only when the complaint is neither confidential
 *   (rahasia) nor anonymous, and never the linked ticket of a confidential one;
 * - readers (auditors) see no identity at all.
 * Desk-only notes are the desk's. Everybody else: null (the caller is refused).
 */
export interface ComplaintView {
  role: 'desk' | 'agency' | 'auditor';
  identity: boolean;
  linked: boolean;
  deskNotes: boolean;
}

export function viewOf(actor: Actor, c: { siteId: string; agencyId: string | null; confidential: boolean; anonymous: boolean }): ComplaintView | null {
  if (can(actor, 'complaints.desk', { siteId: c.siteId })) return { role: 'desk', identity: !c.anonymous, linked: true, deskNotes: true };
  if (c.agencyId && can(actor, 'complaints.respond', { siteId: c.siteId, agencyId: c.agencyId })) {
    const identity = !c.confidential && !c.anonymous && can(actor, 'personal.read', { siteId: c.siteId, agencyId: c.agencyId });
    return { role: 'agency', identity, linked: !c.confidential, deskNotes: false };
  }
  if (can(actor, 'complaints.read', { siteId: c.siteId, agencyId: c.agencyId })) return { role: 'auditor', identity: false, linked: !c.confidential, deskNotes: false };
  return null;
}

/** The view, or 401 for nobody and 403 for staff without a right to this complaint. */
export function requireView(actor: Actor, c: Parameters<typeof viewOf>[1]): ComplaintView {
  if (actor.kind === 'anonymous') throw appError('auth.unauthenticated');
  const v = viewOf(actor, c);
  if (!v) throw appError('auth.forbidden');
  return v;
}

/** The messages and attachments a view may read. */
export const visibleTo = (v: ComplaintView, visibility: string) => visibility === 'public' || visibility === 'staff' || (visibility === 'desk' && v.deskNotes);
