import { Anchor, Badge, Button, Card, EmptyState, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconLogin2, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PublicShell } from '../../app/PublicShell';
import { QueryError } from '../../app/QueryError';
import { usePageTitle } from '../../app/usePageTitle';
import { zoneLabel } from '../../lib/format';
import { useSetupStatus } from '../access/api';
import { useSites } from './api';
import classes from './LandingPage.module.css';

/** Public home: the MPP sites on this instance and the way in for staff. */
export default function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t('landing.title'));
  const setup = useSetupStatus();
  const sites = useSites();

  // A fresh install shows the first-run setup instead of an empty landing page.
  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  return (
    <PublicShell
      actions={
        <Button component={Link} to="/login" variant="light" leftSection={<IconLogin2 size={18} aria-hidden="true" />}>
          {t('landing.staffLogin')}
        </Button>
      }
    >
      <Stack gap="xl">
        <Stack gap="xs">
          <Title order={1}>{t('landing.title')}</Title>
          <Text c="dimmed" size="lg">
            {t('landing.intro')}
          </Text>
        </Stack>

        <Stack gap="md" component="section" aria-labelledby="sites-title">
          <Title order={2} size="h3" id="sites-title">
            {t('landing.sitesTitle')}
          </Title>
          {sites.isPending ? (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} aria-busy="true">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} h={96} radius="md" />
              ))}
            </SimpleGrid>
          ) : sites.isError ? (
            <QueryError error={sites.error} onRetry={() => void sites.refetch()} />
          ) : sites.data.length === 0 ? (
            <Card withBorder padding="xl">
              <EmptyState icon={<IconBuildingCommunity size={36} aria-hidden="true" />} withIndicatorBackground title={t('landing.emptyTitle')} description={t('landing.emptyDescription')} />
            </Card>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {sites.data.map((s) => (
                <Card key={s.id} withBorder padding="lg" component="li" pos="relative">
                  <Stack gap={6}>
                    <Group gap="xs" wrap="nowrap">
                      <IconMapPin size={18} aria-hidden="true" />
                      {/* The whole card is the link's target area (overlay), the name stays the link text. */}
                      <Anchor component={Link} to={`/mpp/${s.slug}`} fw={600} c="inherit" className={classes.cardLink} data-testid="site-link">
                        {s.name}
                      </Anchor>
                    </Group>
                    {(s.regency || s.province) && (
                      <Text size="sm" c="dimmed">
                        {[s.regency, s.province].filter(Boolean).join(', ')}
                      </Text>
                    )}
                    <Group gap="xs">
                      <Badge variant="light" color="gray">
                        {t('landing.timeZone', { zone: zoneLabel(s.timeZone) })}
                      </Badge>
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Stack>
    </PublicShell>
  );
}
