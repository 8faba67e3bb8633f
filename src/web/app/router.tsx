import { lazy, Suspense } from 'react';
import { Outlet, ScrollRestoration, type RouteObject } from 'react-router';
import type { Role } from '../features/access/types';
import { RequireStaff } from './guards';
import { NAV } from './nav';
import { PageLoader } from './PageLoader';
import { RouteErrorPage } from './RouteErrorPage';

/*
 * Every page is its own chunk (React.lazy). The entry holds only the providers, the router, the
 * guard and these tables, so a kiosk or display page costs the shell plus its own chunk.
 * Future full-screen apps go beside the public pages, outside the staff layout, e.g.
 *   { path: '/kiosk/*', element: <KioskApp /> }, with const KioskApp = lazy(() => import('../features/queue/kiosk/KioskApp'));
 */
const LandingPage = lazy(() => import('../features/catalog/LandingPage'));
const LoginPage = lazy(() => import('../features/access/LoginPage'));
const SetupPage = lazy(() => import('../features/access/SetupPage'));
const NotFoundPage = lazy(() => import('./StatusPages'));

/** Route `handle` of staff pages: the roles that may open them (checked by StaffLayout). */
export interface StaffHandle {
  roles: readonly Role[];
}

function Root() {
  return (
    <>
      <Suspense fallback={<PageLoader minHeight="100vh" />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      {
        element: <RequireStaff />,
        children: NAV.map(({ path, roles, page: Page }) => ({ path, element: <Page />, handle: { roles } satisfies StaffHandle })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
