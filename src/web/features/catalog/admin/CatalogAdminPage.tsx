import { Alert, Button, Group, ScrollArea, Stack, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageLoader } from '../../../app/PageLoader';
// Staff accounts and devices are access's pages, shown among the site's tabs.
import { DevicesPage, StaffPage } from '../../access/admin/pages';
import '../i18n';
import './i18n';
import { useCatalogScope } from './scope';
import { can } from '../../../app/policy';
import { useCurrentUser } from '../../access/api';

const AgenciesPage = lazy(() => import('./AgenciesPage'));
const AgencyFormPage = lazy(() => import('./AgencyFormPage'));
const ServicesPage = lazy(() => import('./ServicesPage'));
const ServiceFormPage = lazy(() => import('./ServiceFormPage'));
const CountersPage = lazy(() => import('./CountersPage'));
const HolidaysPage = lazy(() => import('./HolidaysPage'));
const DocumentTypesPage = lazy(() => import('./DocumentTypesPage'));
const SettingsPage = lazy(() => import('./SettingsPage'));
const ImportExportPage = lazy(() => import('./ImportExportPage'));
const NewSitePage = lazy(() => import('./NewSitePage'));

interface Tab {
  path: string;
  labelKey: `tabs.${'agencies' | 'services' | 'counters' | 'holidays' | 'documentTypes' | 'settings' | 'staff' | 'devices' | 'transfer'}`;
  /** Needs the whole site (site_admin / platform_admin); agency_admin does not see it. */
  siteWide?: boolean;
}

const TABS: Tab[] = [
  { path: 'agencies', labelKey: 'tabs.agencies' },
  { path: 'services', labelKey: 'tabs.services' },
  { path: 'counters', labelKey: 'tabs.counters' },
  { path: 'holidays', labelKey: 'tabs.holidays', siteWide: true },
  { path: 'document-types', labelKey: 'tabs.documentTypes', siteWide: true },
  { path: 'settings', labelKey: 'tabs.settings', siteWide: true },
  { path: 'staff', labelKey: 'tabs.staff', siteWide: true },
  { path: 'devices', labelKey: 'tabs.devices', siteWide: true },
  { path: 'transfer', labelKey: 'tabs.transfer', siteWide: true },
];

const BASE = '/admin/catalog';

/**
 * `/admin/catalog/*`: the catalogue of the current site (header site switcher): agencies,
 * services with their standards, counters, holidays, document types (shared by every site), site
 * settings, staff, devices, import/export.
 * An agency_admin sees only their agency's agencies, services and counters tabs.
 */
export default function CatalogAdminPage() {
  const { t } = useTranslation('catalog');
  const scope = useCatalogScope();
  const platform = can(useCurrentUser(), 'platform.manage');
  const { pathname } = useLocation();
  const tabs = TABS.filter((tab) => scope.siteWide || !tab.siteWide);
  const current = pathname.slice(BASE.length + 1).split('/')[0];

  if (!scope.siteId) {
    // A fresh install: the platform admin creates the first MPP right here; anyone else asks them.
    if (platform)
      return (
        <Suspense fallback={<PageLoader />}>
          <NewSitePage first />
        </Suspense>
      );
    return (
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden="true" />} title={t('admin.noSiteTitle')}>
        {t('admin.noSite')}
      </Alert>
    );
  }

  return (
    <Stack gap="lg" maw={1280}>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('admin.title', { site: scope.siteName })}</Title>
        {platform && (
          <Button component={Link} to={`${BASE}/new-site`} variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} data-testid="site-new">
            {t('newSite.add')}
          </Button>
        )}
      </Group>
      <nav aria-label={t('admin.sections')}>
        <ScrollArea type="auto" offsetScrollbars>
          <Group gap={4} wrap="nowrap" pb={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            {tabs.map((tab) => {
              const active = current === tab.path;
              return (
                <Button
                  key={tab.path}
                  component={Link}
                  to={`${BASE}/${tab.path}`}
                  variant={active ? 'light' : 'subtle'}
                  color={active ? undefined : 'gray'}
                  aria-current={active ? 'page' : undefined}
                  size="sm"
                  fw={active ? 700 : 500}
                  style={{ flexShrink: 0 }}
                  data-testid={`catalog-tab-${tab.path}`}
                >
                  {t(tab.labelKey)}
                </Button>
              );
            })}
          </Group>
        </ScrollArea>
      </nav>
      <Suspense fallback={<PageLoader />}>
        {/* Remount per site: forms and filters of one site never leak into another. */}
        <Routes key={scope.siteId}>
          <Route index element={<Navigate to="agencies" replace />} />
          <Route path="agencies" element={<AgenciesPage />} />
          <Route path="agencies/new" element={<AgencyFormPage />} />
          <Route path="agencies/:id" element={<AgencyFormPage />} />
          <Route path="services" element={<ServicesPage />} />
          <Route path="services/new" element={<ServiceFormPage />} />
          <Route path="services/:id" element={<ServiceFormPage />} />
          <Route path="counters" element={<CountersPage />} />
          {scope.siteWide && (
            <>
              <Route path="holidays" element={<HolidaysPage />} />
              <Route path="document-types" element={<DocumentTypesPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="staff" element={<StaffPage />} />
              <Route path="devices" element={<DevicesPage />} />
              <Route path="transfer" element={<ImportExportPage />} />
            </>
          )}
          {platform && <Route path="new-site" element={<NewSitePage />} />}
          <Route path="*" element={<Navigate to="agencies" replace />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
