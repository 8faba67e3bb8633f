import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import './i18n';

/*
 * The public booking pages under /booking/* (one line in the app router). Each page is its own
 * chunk: the confirmation does not load the form (nor the NIK rules and their date library).
 *   /booking                      choose the MPP (when several), then the flow
 *   /booking/:siteRef             the flow for one MPP (slug or id): ?service=&date=&start=
 *   /booking/done/:code           confirmation (from sessionStorage)
 *   /booking/manage               find by code + NIK, cancel, reschedule (?code= prefilled)
 */
const BookingFlowPage = lazy(() => import('./BookingFlowPage'));
const BookingDonePage = lazy(() => import('./BookingDonePage'));
const ManageBookingPage = lazy(() => import('./ManageBookingPage'));
const NotFoundPage = lazy(() => import('../../app/StatusPages'));

export default function BookingApp() {
  return (
    <Suspense fallback={<PageLoader minHeight="100vh" />}>
      <Routes>
        <Route index element={<BookingFlowPage />} />
        <Route path="done/:code" element={<BookingDonePage />} />
        <Route path="manage" element={<ManageBookingPage />} />
        <Route path=":siteRef" element={<BookingFlowPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
