import { IconBuildingStore, IconCalendarEvent, IconHistory, IconHome, IconListNumbers, IconUserCircle, type Icon } from '@tabler/icons-react';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { hasRole, ROLES, type Role, type User } from '../features/access/types';
import { BOOKING_LABEL_KEY } from '../features/booking/navLabel';
import { CONSOLE_LABEL_KEY } from '../features/queue/navLabel';

/**
 * The staff area: one entry per page. Each entry becomes a guarded route inside the staff layout
 * and, unless `hidden`, a navbar link shown to the listed roles (the server checks again on
 * every call; this only decides what to show).
 *
 * Adding a feature is one line, e.g.
 *   { path: '/queue', labelKey: 'nav.queue', icon: IconListNumbers, roles: ['officer'], page: lazy(() => import('../features/queue/CounterPage')) },
 * (the page module default-exports its component; add `nav.queue` to i18n/id.json and en.json).
 * A path ending in `/*` lets the page own nested routes; the link then points at the prefix.
 */
export interface NavEntry {
  path: string;
  labelKey: string;
  icon: Icon;
  roles: readonly Role[];
  page: LazyExoticComponent<ComponentType>;
  /** A route without a navbar link (detail pages and the like). */
  hidden?: boolean;
}

/** Every staff role. */
export const ANY_STAFF: readonly Role[] = ROLES;

// prettier-ignore
export const NAV: NavEntry[] = [
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: IconHome, roles: ANY_STAFF, page: lazy(() => import('../features/access/HomePage')) },
  { path: '/admin/catalog/*', labelKey: 'nav.catalog', icon: IconBuildingStore, roles: ['platform_admin', 'site_admin', 'agency_admin'], page: lazy(() => import('../features/catalog/admin/CatalogAdminPage')) },
  { path: '/admin/audit', labelKey: 'nav.audit', icon: IconHistory, roles: ['platform_admin', 'site_admin', 'agency_admin', 'auditor'], page: lazy(() => import('../features/access/AuditPage')) },
  { path: '/admin/booking/*', labelKey: BOOKING_LABEL_KEY, icon: IconCalendarEvent, roles: ['site_admin', 'agency_admin'], page: lazy(() => import('../features/booking/admin/BookingAdminPage')) },
  { path: '/console/*', labelKey: CONSOLE_LABEL_KEY, icon: IconListNumbers, roles: ['officer', 'agency_admin', 'site_admin'], page: lazy(() => import('../features/queue/console/ConsolePage')) },
  { path: '/profile', labelKey: 'nav.profile', icon: IconUserCircle, roles: ANY_STAFF, page: lazy(() => import('../features/access/ProfilePage')) },
];

/** Where a staff member lands after signing in. */
export const STAFF_HOME = '/dashboard';

export const linkOf = (e: NavEntry): string => e.path.replace(/\/\*$/, '') || '/';

/** The navbar links this user may see, in registry order. */
export const navFor = (user: User | null | undefined): NavEntry[] => NAV.filter((e) => !e.hidden && hasRole(user, e.roles));
