import { Button, Center, EmptyState } from '@mantine/core';
import { IconLock, IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicShell } from './PublicShell';
import { usePageTitle } from './usePageTitle';

/** 404 for unknown addresses (public shell: it must not require a session). */
export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <PublicShell size="sm">
      <Center mih="50vh">
        <EmptyState
          icon={<IconMapOff size={40} aria-hidden="true" />}
          withIndicatorBackground
          title={<h1 style={{ margin: 0, font: 'inherit' }}>{t('notFound.title')}</h1>}
          description={t('notFound.description')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/">
              {t('common.backHome')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    </PublicShell>
  );
}

/** Shown inside the staff layout when the role does not open this page. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Center mih="50vh">
      <EmptyState
        icon={<IconLock size={40} aria-hidden="true" />}
        withIndicatorBackground
        title={<h1 style={{ margin: 0, font: 'inherit' }}>{t('forbidden.title')}</h1>}
        description={t('forbidden.description')}
      />
    </Center>
  );
}
