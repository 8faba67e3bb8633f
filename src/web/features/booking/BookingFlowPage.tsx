import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingCommunity, IconMapPin, IconSettings } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PublicShell } from '../../app/PublicShell';
import { QueryError } from '../../app/QueryError';
import { usePageTitle } from '../../app/usePageTitle';
import { useSites } from '../catalog/api';
import { SiteFlow } from './flow/SiteFlow';
import { SiteStep } from './flow/SiteStep';
import { NS } from './i18n';
import type { PublicSite } from './types';

/** Sites that take bookings: operating or on trial (older servers send no status). */
const takesBookings = (s: PublicSite) => !s.status || s.status === 'operating' || s.status === 'trial';

/**
 * Public booking: MPP (when several) → service → date and time → details → /booking/done/:code.
 * This page picks the MPP; the steps are in ./flow (SiteStep, SiteFlow → ServiceStep, SlotPicker,
 * DetailsStep).
 * The choice lives in the address (?service=&date=&start=), so reload and the back button work;
 * personal data never does.
 */
export default function BookingFlowPage() {
  const { t } = useTranslation(NS);
  usePageTitle(t('flow.title'));
  const { siteRef } = useParams();
  // The introduction is for the first step; later steps keep the small screen for the choice.
  const started = useSearchParams()[0].has('service');
  const sitesQ = useSites();
  const sites = useMemo(() => ((sitesQ.data ?? []) as PublicSite[]).filter(takesBookings), [sitesQ.data]);
  const site = siteRef ? sites.find((s) => s.slug === siteRef || s.id === siteRef) : sites.length === 1 ? sites[0] : undefined;
  const several = sites.length > 1;

  let body: ReactNode;
  if (sitesQ.isPending) body = <Skeleton h={240} radius="md" />;
  else if (sitesQ.isError) body = <QueryError error={sitesQ.error} onRetry={() => void sitesQ.refetch()} />;
  else if (siteRef && !site)
    body = (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />} title={t('flow.site.notFound', { ref: siteRef })}>
        <Anchor component={Link} to="/booking">
          {t('flow.site.all')}
        </Anchor>
      </Alert>
    );
  else if (sites.length === 0)
    body = (
      <Alert color="gray" icon={<IconBuildingCommunity aria-hidden="true" />}>
        {t('flow.site.none')}
      </Alert>
    );
  else if (!site) body = <SiteStep sites={sites} />;
  else body = <SiteFlow key={site.id} site={site} several={several} />;

  return (
    <PublicShell
      size="md"
      actions={
        <Button component={Link} to="/booking/manage" variant="subtle" size="compact-md" leftSection={<IconSettings size={16} aria-hidden="true" />} visibleFrom="xs">
          {t('manage.title')}
        </Button>
      }
    >
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('flow.title')}
          </Title>
          {site && (
            <Group gap={6} c="dimmed">
              <IconMapPin size={16} aria-hidden="true" />
              <Text size="sm" data-testid="booking-site-name">
                {site.name}
              </Text>
              {several && (
                <Anchor component={Link} to="/booking" size="sm">
                  {t('common.change')}
                </Anchor>
              )}
            </Group>
          )}
          {!started && (
            <>
              <Text c="dimmed" size="sm">
                {t('flow.intro')}
              </Text>
              <Anchor component={Link} to="/booking/manage" size="sm">
                {t('flow.manageLink')}
              </Anchor>
            </>
          )}
        </Stack>
        {body}
      </Stack>
    </PublicShell>
  );
}
