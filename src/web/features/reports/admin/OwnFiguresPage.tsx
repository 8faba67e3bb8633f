import { Box } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminHeader } from '../../../app/admin';
import { PageLoader } from '../../../app/PageLoader';
import '../i18n';
import { useReportsScope } from './scope';

const DashboardView = lazy(() => import('./DashboardView'));

/** `/my-figures`: an officer's own dashboard (the server answers only for their own id). */
export default function OwnFiguresPage() {
  const { t } = useTranslation('reports');
  const scope = useReportsScope();
  if (!scope.siteId) return null;
  return (
    <>
      <AdminHeader title={t('ownTitle')} description={t('ownIntro')} />
      <Box mt="md">
        <Suspense fallback={<PageLoader />}>
          <DashboardView scope={{ ...scope, ownOnly: true, siteWide: false, agencyIds: [], manager: false }} />
        </Suspense>
      </Box>
    </>
  );
}
