import { lazy } from 'react';

/**
 * Access's staff pages for the site administration's tabs (routes /admin/catalog/staff and
 * /admin/catalog/devices): what other features may mount of this one. Each is its own chunk.
 */
export const StaffPage = lazy(() => import('./StaffPage'));
export const DevicesPage = lazy(() => import('./DevicesPage'));
