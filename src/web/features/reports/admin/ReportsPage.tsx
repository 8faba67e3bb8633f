import { Anchor, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { AdminHeader } from '../../../app/admin';
import { PageLoader } from '../../../app/PageLoader';
import '../i18n';
import { useReportsScope } from './scope';

const DashboardView = lazy(() => import('./DashboardView'));
const MonthlyView = lazy(() => import('./MonthlyView'));
const SettingsView = lazy(() => import('./SettingsView'));

const TABS = ['dashboard', 'monthly', 'settings'] as const;
type Tab = (typeof TABS)[number];
const BASE = '/admin/reports';

/**
 * `/admin/reports/*`: the figures of the current site for its managers, agency admins and
 * auditors: the dashboard, the monthly report to the ministry (whole MPP or the agency's) and the
 * report settings (site-wide staff). Filters live in the address, shared by the tabs.
 */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const scope = useReportsScope();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = TABS.filter((x) => x !== 'settings' || scope.siteWide);
  const tab: Tab = tabs.find((x) => location.pathname.endsWith(`/${x}`)) ?? 'dashboard';
  const go = (v: string | null) => navigate({ pathname: v === 'dashboard' || !v ? BASE : `${BASE}/${v}`, search: v === 'monthly' ? '' : location.search });
  if (!scope.siteId) return null;
  return (
    <>
      <AdminHeader
        title={t('pageTitle')}
        actions={scope.slug ? <Anchor component={Link} to={`/mpp/${scope.slug}/transparansi`} target="_blank">{t('transparencyLink')}</Anchor> : undefined}
      />
      <Tabs value={tab} onChange={go} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((x) => <Tabs.Tab key={x} value={x} data-testid={`report-tab-${x}`}>{t(`tabs.${x}`)}</Tabs.Tab>)}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        {tab === 'dashboard' ? <DashboardView scope={scope} /> : tab === 'monthly' ? <MonthlyView scope={scope} /> : <SettingsView scope={scope} />}
      </Suspense>
    </>
  );
}
