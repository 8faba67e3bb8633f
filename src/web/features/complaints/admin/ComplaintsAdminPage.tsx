import { Alert, Button, Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../../../app/PageLoader';
import { PageHeader } from '../components/PageHeader';
import '../i18n';
import { ExportDialog } from './ExportDialog';
import { useComplaintsScope } from './scope';

const BoardView = lazy(() => import('./BoardView'));
const FiguresView = lazy(() => import('./FiguresView'));
const DetailPage = lazy(() => import('./DetailPage'));
const WalkInPage = lazy(() => import('./WalkInPage'));

export const BASE = '/admin/complaints';

/**
 * `/admin/complaints/*`: the current site's complaints for the complaint desk, the assigned
 * agencies and the auditors: the board (filters in the address), the figures, one complaint
 * (`/:id`) and a walk-in's filing (`/new`).
 */
export default function ComplaintsAdminPage() {
  const { t } = useTranslation('complaints');
  const scope = useComplaintsScope();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  if (!scope.siteId) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden="true" />}>
        {t('admin.noSite')}
      </Alert>
    );
  }
  const rest = pathname.slice(BASE.length).replace(/^\//, '');
  const tab = rest === '' ? 'board' : rest === 'figures' ? 'figures' : null;
  return (
    <Stack gap="md" maw={1280}>
      {tab && (
        <PageHeader
          title={t('admin.title')}
          description={t('admin.description')}
          actions={
            <>
              {scope.canFile && (
                <Button component={Link} to={`${BASE}/new`} leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="complaints-new">
                  {t('admin.newWalkIn')}
                </Button>
              )}
              <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} onClick={() => setExporting(true)} data-testid="complaints-export">
                {t('admin.export')}
              </Button>
            </>
          }
        />
      )}
      <ExportDialog siteId={scope.siteId} opened={exporting} onClose={() => setExporting(false)} />
      {tab && (
        <Tabs value={tab} onChange={(v) => navigate({ pathname: v === 'figures' ? `${BASE}/figures` : BASE, search: v === 'figures' ? '' : search })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="board">{t('admin.tabs.board')}</Tabs.Tab>
            <Tabs.Tab value="figures">{t('admin.tabs.figures')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<BoardView />} />
          <Route path="figures" element={<FiguresView />} />
          <Route path="new" element={<WalkInPage />} />
          <Route path=":id" element={<DetailPage />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
