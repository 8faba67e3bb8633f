import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import './i18n';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const RecordPage = lazy(() => import('./record/RecordPage'));

/** `/province/*`: the province dashboard, and one kabupaten/kota's MPP record at `/province/<code>`. */
export default function ProvincePage() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<Dashboard />} />
        <Route path=":regencyCode" element={<RecordPage />} />
      </Routes>
    </Suspense>
  );
}
