import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { homeOf, linkOf, navFor, STAFF_HOME } from '../../app/nav';
import { usePageTitle } from '../../app/usePageTitle';
import { useCurrentUser } from './api';
import { MembershipList } from './MembershipList';

/** Staff home: a greeting, the user's roles and sites, and the pages they can open. */
export default function HomePage() {
  // Shortcut labels may come from a feature's namespace (`booking:nav`, see app/nav.ts).
  const { t } = useTranslation(['translation', 'booking', 'queue', 'survey', 'establishment', 'complaints', 'applications', 'citizens', 'reports']);
  usePageTitle(t('dashboard.title'));
  const user = useCurrentUser();
  const shortcuts = navFor(user).filter((e) => linkOf(e) !== STAFF_HOME);
  const home = homeOf(user);
  if (home !== STAFF_HOME) return <Navigate to={home} replace />;

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('dashboard.greeting', { name: user.displayName })}</Title>

      <Card withBorder padding="lg" component="section" aria-labelledby="roles-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="roles-title">
            {t('dashboard.rolesTitle')}
          </Title>
          <MembershipList memberships={user.memberships} />
        </Stack>
      </Card>

      {shortcuts.length > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="shortcuts-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="shortcuts-title">
              {t('dashboard.shortcuts')}
            </Title>
            <Group gap="sm">
              {shortcuts.map((e) => (
                <Button key={e.path} component={Link} to={linkOf(e)} variant="light" leftSection={<e.icon size={18} aria-hidden="true" />}>
                  {t(e.labelKey)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Card>
      )}
      <Text size="xs" c="dimmed">
        {user.username}
      </Text>
    </Stack>
  );
}
