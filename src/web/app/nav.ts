import { IconBuildingStore, IconCalendarEvent, IconChartBar, IconChartLine, IconFileCheck, IconFolderOpen, IconHistory, IconLayoutDashboard, IconHome, IconListNumbers, IconMap, IconMessageReport, IconMoodSmile, IconUserCircle, type Icon } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Action } from '../../domain/policy';
import type { User } from '../features/access/types';
import { APPLICATIONS_LABEL_KEY } from '../features/applications/navLabel';
import { BOOKING_LABEL_KEY } from '../features/booking/navLabel';
import { CONSOLE_LABEL_KEY, FLOOR_LABEL_KEY } from '../features/queue/navLabel';
import { SURVEY_LABEL_KEY } from '../features/survey/navLabel';
import { CITIZENS_LABEL_KEY } from '../features/citizens/navLabel';
import { PROVINCE_LABEL_KEY } from '../features/establishment/navLabel';
import { COMPLAINTS_LABEL_KEY } from '../features/complaints/navLabel';
import { OWN_FIGURES_LABEL_KEY, REPORTS_LABEL_KEY } from '../features/reports/navLabel';
import { can } from './policy';

/**
 * The staff area: one entry per page. Each entry becomes a guarded route inside the staff layout
 * and, unless `hidden`, a navbar link shown to whoever holds its `action` in the role → action
 * table the server enforces (src/domain/policy.ts); no `action`: every staff member. The server
 * checks again, with the site and agency, on every call; this only decides what to show.
 *
 * Adding a feature is one line, e.g.
 *   { path: '/queue', labelKey: 'nav.queue', icon: IconListNumbers, action: 'queue.serve', page: lazy(() => import('../features/queue/CounterPage')) },
 * (the page module default-exports its component; add `nav.queue` to i18n/id.json and en.json).
 * A path ending in `/*` lets the page own nested routes; the link then points at the prefix.
 */
export interface NavEntry {
  path: string;
  /** Shared texts (`nav.x`) or a feature's own (`booking:nav`), registered before the page loads. */
  labelKey: ParseKeys<['translation', 'booking', 'queue', 'survey', 'establishment', 'complaints', 'applications', 'citizens', 'reports']>;
  icon: Icon;
  /** What the page is for; absent: any signed-in staff member. */
  action?: Action;
  page: LazyExoticComponent<ComponentType>;
  /** A route without a navbar link (detail pages and the like). */
  hidden?: boolean;
  /** Only for a membership that covers every site (the province view): a site's own staff never see it. */
  platformWide?: boolean;
}

// prettier-ignore
export const NAV: NavEntry[] = [
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: IconHome, page: lazy(() => import('../features/access/HomePage')) },
  { path: '/admin/catalog/*', labelKey: 'nav.catalog', icon: IconBuildingStore, action: 'catalog.manage', page: lazy(() => import('../features/catalog/admin/CatalogAdminPage')) },
  { path: '/admin/audit', labelKey: 'nav.audit', icon: IconHistory, action: 'audit.read', page: lazy(() => import('../features/access/AuditPage')) },
  { path: '/admin/booking/*', labelKey: BOOKING_LABEL_KEY, icon: IconCalendarEvent, action: 'booking.manage', page: lazy(() => import('../features/booking/admin/BookingAdminPage')) },
  { path: '/console/*', labelKey: CONSOLE_LABEL_KEY, icon: IconListNumbers, action: 'queue.serve', page: lazy(() => import('../features/queue/console/ConsolePage')) },
  { path: '/floor', labelKey: FLOOR_LABEL_KEY, icon: IconLayoutDashboard, action: 'queue.monitor', page: lazy(() => import('../features/queue/floor/FloorPage')) },
  { path: '/applications/*', labelKey: APPLICATIONS_LABEL_KEY, icon: IconFileCheck, action: 'applications.read', page: lazy(() => import('../features/applications/admin/ApplicationsPage')) },
  { path: '/berkas-warga', labelKey: CITIZENS_LABEL_KEY, icon: IconFolderOpen, action: 'personal.read', page: lazy(() => import('../features/citizens/admin/SharedDocumentsPage')) },
  { path: '/admin/survey/*', labelKey: SURVEY_LABEL_KEY, icon: IconMoodSmile, action: 'survey.report', page: lazy(() => import('../features/survey/admin/SurveyAdminPage')) },
  { path: '/admin/complaints/*', labelKey: COMPLAINTS_LABEL_KEY, icon: IconMessageReport, action: 'complaints.read', page: lazy(() => import('../features/complaints/admin/ComplaintsAdminPage')) },
  { path: '/admin/reports/*', labelKey: REPORTS_LABEL_KEY, icon: IconChartBar, action: 'reports.read', page: lazy(() => import('../features/reports/admin/ReportsPage')) },
  { path: '/my-figures', labelKey: OWN_FIGURES_LABEL_KEY, icon: IconChartLine, action: 'reports.own', page: lazy(() => import('../features/reports/admin/OwnFiguresPage')) },
  { path: '/province/*', labelKey: PROVINCE_LABEL_KEY, icon: IconMap, action: 'province.read', platformWide: true, page: lazy(() => import('../features/establishment/ProvincePage')) },
  { path: '/profile', labelKey: 'nav.profile', icon: IconUserCircle, page: lazy(() => import('../features/access/ProfilePage')) },
];

/** Where a staff member lands after signing in. */
export const STAFF_HOME = '/dashboard';

/** The console: an officer's whole working day. */
export const CONSOLE_HOME = '/console';

/**
 * Where this staff member starts: an officer (every role they hold is the counter's) at the
 * console of their counter, everyone else at the dashboard. By role, not by the pages an officer
 * may open: officers also read their applications, complaints and own figures, and still start
 * their day at the counter.
 */
export function homeOf(user: User | null | undefined): string {
  const serves = navFor(user).some((e) => e.action === 'queue.serve');
  return serves && user!.memberships.every((m) => m.role === 'officer') ? CONSOLE_HOME : STAFF_HOME;
}

export const linkOf = (e: NavEntry): string => e.path.replace(/\/\*$/, '') || '/';

/** Whether this user may open the page of an entry (or of a route handle); without an action, any staff member may. */
export const mayOpen = (user: User | null | undefined, entry: { action?: Action; platformWide?: boolean }): boolean =>
  !!user &&
  (entry.platformWide ? can({ ...user, memberships: user.memberships.filter((m) => m.siteId === null) }, entry.action!) : entry.action ? can(user, entry.action) : user.memberships.length > 0);

/** The navbar links this user may see, in registry order. */
export const navFor = (user: User | null | undefined): NavEntry[] => NAV.filter((e) => !e.hidden && mayOpen(user, e));
