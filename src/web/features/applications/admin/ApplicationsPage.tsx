import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { AdminHeader } from '../../../app/admin';
import { PageLoader } from '../../../app/PageLoader';
import '../i18n';
import { useApplicationsScope } from './scope';

const BoardView = lazy(() => import('./BoardView'));
const DetailView = lazy(() => import('./DetailView'));
const SettingsView = lazy(() => import('./SettingsView'));

const BASE = '/applications';

/**
 * `/applications/*`: the applications of the current site for its staff: the board (an agency's,
 * or every agency's for the site admin) with counts, filters, pages and exports; one application
 * with the moves it allows; each agency's registration number format.
 */
export default function ApplicationsPage() {
  const { t } = useTranslation('applications');
  const scope = useApplicationsScope();
  const { pathname } = useLocation();
  const onSettings = pathname.startsWith(`${BASE}/settings`);
  const onDetail = !onSettings && pathname.length > BASE.length + 1;
  if (!scope.siteId) {
    return <Alert color="yellow" icon={<IconAlertTriangle aria-hidden="true" />} title={t('board.title')}>{t('settings.noAgency')}</Alert>;
  }
  return (
    <Stack gap="lg" maw={1280}>
      {!onDetail && <AdminHeader title={t('board.title')} description={t('board.description')} />}
      {!onDetail && scope.mayConfigure && (
        <>
          <nav aria-label={t('board.title')}>
            <Group gap={4} pb={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Button component={Link} to={BASE} variant={onSettings ? 'subtle' : 'light'} color={onSettings ? 'gray' : undefined} aria-current={onSettings ? undefined : 'page'}>
                {t('board.tabs.board')}
              </Button>
              <Button component={Link} to={`${BASE}/settings`} variant={onSettings ? 'light' : 'subtle'} color={onSettings ? undefined : 'gray'} aria-current={onSettings ? 'page' : undefined} data-testid="applications-settings-tab">
                {t('board.tabs.settings')}
              </Button>
            </Group>
          </nav>
        </>
      )}
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<BoardView />} />
          <Route path="settings" element={<SettingsView />} />
          <Route path=":id" element={<DetailView />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
