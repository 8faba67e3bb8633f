import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { CitizenShell } from './CitizenShell';
import './i18n';

/*
 * The citizen's area under /akun/* (one line in the app router; /berkas leads to the wallet).
 * Each page is its own chunk, so a phone loads only the screen it opens.
 *   /akun/masuk        sign-in by a one-time code (?next=)
 *   /akun              profile, devices signed in, sign out, delete the account
 *   /akun/berkas       the document wallet: upload (camera on a phone), list, download, delete
 *   /akun/berbagi      consents: share with an agency (code and QR), revoke
 *   /akun/akses        the access log: who read what, when, for which purpose
 *   /akun/riwayat      bookings and visits made while signed in
 *   /akun/siap/:serviceId   which of a service's requirements the wallet holds
 */
const SignInPage = lazy(() => import('./account/SignInPage'));
const ProfilePage = lazy(() => import('./account/ProfilePage'));
const HistoryPage = lazy(() => import('./account/HistoryPage'));
const WalletPage = lazy(() => import('./wallet/WalletPage'));
const ReadinessPage = lazy(() => import('./wallet/ReadinessPage'));
const SharesPage = lazy(() => import('./sharing/SharesPage'));
const AccessLogPage = lazy(() => import('./sharing/AccessLogPage'));
const NotFoundPage = lazy(() => import('../../app/StatusPages'));

export default function CitizenApp() {
  return (
    <Suspense fallback={<PageLoader minHeight="100vh" />}>
      <Routes>
        <Route path="masuk" element={<SignInPage />} />
        <Route element={<CitizenShell />}>
          <Route index element={<ProfilePage />} />
          <Route path="berkas" element={<WalletPage />} />
          <Route path="berbagi" element={<SharesPage />} />
          <Route path="akses" element={<AccessLogPage />} />
          <Route path="riwayat" element={<HistoryPage />} />
          <Route path="siap/:serviceId" element={<ReadinessPage />} />
        </Route>
        <Route path="profil" element={<Navigate to="/akun" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
