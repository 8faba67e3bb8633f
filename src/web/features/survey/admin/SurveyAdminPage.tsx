import { Anchor, Group, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { AdminHeader } from '../../../app/admin';
import { PageLoader } from '../../../app/PageLoader';
import { usePageTitle } from '../../../app/usePageTitle';
import '../i18n';
import { useSurveyScope } from './scope';

const ReportView = lazy(() => import('./ReportView'));
const ActionsView = lazy(() => import('./ActionsView'));
const SetupView = lazy(() => import('./SetupView'));

const TABS = ['report', 'actions', 'setup'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/admin/survey/*`: the SKM of the current site for its staff: the report (with exports), the
 * follow-up actions, and tablets and rules. Filters live in the address (?agency=&service=&period=),
 * shared by the tabs.
 */
export default function SurveyAdminPage() {
  const { t } = useTranslation('survey');
  usePageTitle(t('admin.pageTitle'));
  const scope = useSurveyScope();
  const location = useLocation();
  const navigate = useNavigate();
  const tab: Tab = (TABS.find((x) => location.pathname.endsWith(`/${x}`)) ?? 'report') as Tab;
  const go = (v: string | null) => navigate({ pathname: v === 'report' || !v ? '/admin/survey' : `/admin/survey/${v}`, search: location.search });
  return (
    <>
      <AdminHeader
        title={t('admin.pageTitle')}
        actions={scope.siteId ? <Group><Anchor component={Link} to={`/mpp/${scope.siteId}/ikm`} target="_blank">{t('admin.publicPage')}</Anchor></Group> : undefined}
      />
      <Tabs value={tab} onChange={go} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="report">{t('admin.tabs.report')}</Tabs.Tab>
          <Tabs.Tab value="actions">{t('admin.tabs.actions')}</Tabs.Tab>
          <Tabs.Tab value="setup">{t('admin.tabs.setup')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        {tab === 'report' ? <ReportView /> : tab === 'actions' ? <ActionsView /> : <SetupView />}
      </Suspense>
    </>
  );
}
