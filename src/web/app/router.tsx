import { lazy, Suspense } from 'react';
import { Navigate, Outlet, ScrollRestoration, type RouteObject } from 'react-router';
import type { Action } from '../../domain/policy';
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
const BookingApp = lazy(() => import('../features/booking/BookingApp'));
// Queue: kiosk, TV display and the citizen's status page (full screen, no staff layout).
const KioskApp = lazy(() => import('../features/queue/kiosk/KioskApp'));
const DisplayPage = lazy(() => import('../features/queue/display/DisplayPage'));
const PairedDisplay = lazy(() => import('../features/queue/display/PairedDisplay'));
const TicketStatusPage = lazy(() => import('../features/queue/status/StatusPage'));
// Catalogue: an MPP's public page and a service's published standard (no login).
const SitePage = lazy(() => import('../features/catalog/public/SitePage'));
const ServicePage = lazy(() => import('../features/catalog/public/ServicePage'));
// Survey (SKM): the questionnaire, the survey tablet and the published index (no login).
const SurveyPage = lazy(() => import('../features/survey/public/SurveyPage'));
const SurveyTabletApp = lazy(() => import('../features/survey/tablet/TabletApp'));
const IkmPage = lazy(() => import('../features/survey/public/IkmPage'));
// Complaints (pengaduan): the public form and the tracking page the server's messages link to.
const ComplaintFilePage = lazy(() => import('../features/complaints/public/FilePage'));
const ComplaintTrackPage = lazy(() => import('../features/complaints/public/TrackPage'));
// Applications: the public tracking page the receipt's QR code and the messages point at (no login).
const TrackingPage = lazy(() => import('../features/applications/public/TrackingPage'));
// Citizens' accounts: sign-in by code, profile, the document wallet, sharing, the access log.
const CitizenApp = lazy(() => import('../features/citizens/CitizenApp'));
// Reports: an MPP's published results of last month (no login).
const TransparencyPage = lazy(() => import('../features/reports/public/TransparencyPage'));
const NotFoundPage = lazy(() => import('./StatusPages'));

/** Route `handle` of staff pages: what the page is for (checked by StaffLayout, see nav.ts). */
export interface StaffHandle {
  action?: Action;
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
      { path: '/mpp/:slug', element: <SitePage /> },
      { path: '/layanan/:serviceId', element: <ServicePage /> },
      { path: '/kiosk/*', element: <KioskApp /> },
      { path: '/display', element: <PairedDisplay /> },
      { path: '/display/:site', element: <DisplayPage /> },
      { path: '/t/:code', element: <TicketStatusPage /> },
      { path: '/booking/*', element: <BookingApp /> },
      { path: '/survei/:code', element: <SurveyPage /> },
      { path: '/survei-tablet', element: <SurveyTabletApp /> },
      { path: '/mpp/:slug/ikm', element: <IkmPage /> },
      { path: '/pengaduan', element: <ComplaintFilePage /> },
      { path: '/pengaduan/lacak', element: <ComplaintTrackPage /> },
      { path: '/pengaduan/lacak/:code', element: <ComplaintTrackPage /> },
      { path: '/lacak', element: <TrackingPage /> },
      { path: '/lacak/:code', element: <TrackingPage /> },
      { path: '/akun/*', element: <CitizenApp /> },
      { path: '/berkas', element: <Navigate to="/akun/berkas" replace /> },
      { path: '/mpp/:slug/transparansi', element: <TransparencyPage /> },
      {
        element: <RequireStaff />,
        children: NAV.map(({ path, action, page: Page }) => ({ path, element: <Page />, handle: { action } satisfies StaffHandle })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
