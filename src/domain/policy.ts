/**
 * Who may do what: the role → action table the server enforces (`platform/authz.ts` adds scopes:
 * which site, which agency) and the web asks before it shows a page or a link. One table, so the
 * navigation never offers a page the server would refuse, nor hides one it would allow.
 * Pure data and functions: no server or browser imports.
 */

export const ROLES = ['platform_admin', 'site_admin', 'agency_admin', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a site grants; platform_admin is granted only by a platform admin (POST /users). */
export const STAFF_ROLES = ['site_admin', 'agency_admin', 'officer', 'auditor'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const DEVICE_ROLES = ['kiosk', 'display', 'survey'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** What can be done. Services call authorize() with one of these on every call. */
export type Action =
  | 'platform.manage' // sites, platform users, establishment
  | 'site.manage' // site settings, staff users and memberships, devices
  | 'catalog.manage' // agencies, services, counters, hours (agency_admin: own agency)
  | 'audit.read'
  | 'queue.issue' // issue a ticket (kiosk, front desk)
  | 'queue.serve' // call, start, finish at a counter
  | 'queue.monitor' // see the whole queue, statistics
  | 'booking.manage'
  | 'booking.checkin'
  | 'personal.read' // read a citizen's personal data
  | 'province.read' // the province view: every kabupaten/kota's MPP (changing it is platform.manage)
  | 'survey.report' // SKM results of the agency or site, exports
  | 'survey.manage' // SKM follow-up actions, signatories, survey settings and tablets
  | 'survey.collect' // a survey tablet: offer finished tickets, take their answers
  | 'complaints.desk' // the MPP's complaint desk: verify, assign, forward, close, export, see who reported
  | 'complaints.respond' // the assigned agency's follow-up and conversation
  | 'complaints.read' // the complaints board (identity only as the complaint's confidentiality allows)
  | 'complaints.file' // file a complaint for a walk-in at the front desk
  | 'applications.read' // applications of the agency or site: boards, details, exports
  | 'applications.manage' // register an application at the counter and move it through its statuses
  | 'reports.read' // figures and monthly reports of the site or agency (agency_admin: own agency)
  | 'reports.own'; // an officer's own figures only

const READ_ONLY: Action[] = ['audit.read', 'queue.monitor', 'province.read', 'survey.report', 'complaints.read', 'applications.read', 'reports.read'];

/** The complaint desk (site operator) and the assigned agency's staff (docs/complaints.md). */
const COMPLAINT_DESK: Action[] = ['complaints.desk', 'complaints.respond', 'complaints.read', 'complaints.file'];
const COMPLAINT_AGENCY: Action[] = ['complaints.respond', 'complaints.read', 'complaints.file'];

export const ROLE_ACTIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  platform_admin: new Set<Action>(['platform.manage', 'site.manage', 'catalog.manage', 'audit.read', 'queue.issue', 'queue.monitor', 'booking.manage', 'booking.checkin', 'personal.read', 'province.read', 'survey.report', 'survey.manage', ...COMPLAINT_DESK, 'applications.read', 'reports.read']),
  site_admin: new Set<Action>(['site.manage', 'catalog.manage', 'audit.read', 'queue.issue', 'queue.serve', 'queue.monitor', 'booking.manage', 'booking.checkin', 'personal.read', 'survey.report', 'survey.manage', ...COMPLAINT_DESK, 'applications.read', 'reports.read']),
  agency_admin: new Set<Action>(['catalog.manage', 'audit.read', 'queue.issue', 'queue.serve', 'queue.monitor', 'booking.manage', 'booking.checkin', 'personal.read', 'survey.report', 'survey.manage', ...COMPLAINT_AGENCY, 'applications.read', 'applications.manage', 'reports.read']),
  officer: new Set<Action>(['queue.issue', 'queue.serve', 'booking.checkin', 'personal.read', ...COMPLAINT_AGENCY, 'applications.read', 'applications.manage', 'reports.own']),
  auditor: new Set<Action>(READ_ONLY),
};

export const DEVICE_ACTIONS: Readonly<Record<DeviceRole, ReadonlySet<Action>>> = {
  kiosk: new Set<Action>(['queue.issue', 'booking.checkin']),
  display: new Set<Action>([]),
  survey: new Set<Action>(['survey.collect']),
};

/** Whether a role grants the action somewhere (which site or agency is the caller's to check). */
export const roleCan = (role: Role, action: Action): boolean => ROLE_ACTIONS[role].has(action);

/** Whether any of the roles grants the action: what a staff member's memberships allow, scope aside. */
export const rolesCan = (roles: Iterable<Role>, action: Action): boolean => {
  for (const r of roles) if (roleCan(r, action)) return true;
  return false;
};
