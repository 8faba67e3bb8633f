import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoMark } from './LogoMark';

/** Header + main for the public pages (landing, sign-in, setup). Kiosk and display have their own. */
export function PublicShell({ children, actions, size = 'lg' }: { children: ReactNode; actions?: ReactNode; size?: string | number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={`${t('common.appName')}: ${t('common.tagline')}`}>
              <Group gap="xs" wrap="nowrap">
                <LogoMark size={30} />
                <Text fw={700} size="lg">
                  {t('common.appName')}
                </Text>
              </Group>
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              {actions}
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" size={size} py="xl">
        {children}
      </Container>
    </Box>
  );
}
