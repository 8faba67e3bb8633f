import { Box, Button, Group, ScrollArea } from '@mantine/core';
import { IconFiles, IconHistory, IconLogout, IconShare, IconShieldCheck, IconUser } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { PublicShell } from '../../app/PublicShell';
import { QueryError } from '../../app/QueryError';
import { notifySuccess } from '../../lib/errors';
import { useCitizen, useSignOut } from './api';
import './i18n';

const TABS = [
  { to: '/akun', key: 'profile', icon: IconUser },
  { to: '/akun/berkas', key: 'wallet', icon: IconFiles },
  { to: '/akun/berbagi', key: 'shares', icon: IconShare },
  { to: '/akun/akses', key: 'access', icon: IconShieldCheck },
  { to: '/akun/riwayat', key: 'history', icon: IconHistory },
] as const;

/** The signed-in citizen's pages: the account menu above each; nobody signed in goes to the sign-in page first. */
export function CitizenShell() {
  const { t } = useTranslation('citizens');
  const me = useCitizen();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  if (me.isPending) return <PageLoader minHeight="100vh" />;
  if (me.isError)
    return (
      <PublicShell size="md">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </PublicShell>
    );
  if (!me.data) return <Navigate to={`/akun/masuk?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  const current = TABS.find((x) => x.to === location.pathname)?.to ?? null;
  const leave = () =>
    signOut.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(t('area.signedOut'));
        navigate('/', { replace: true });
      },
    });

  return (
    <PublicShell
      size="md"
      actions={
        <Button variant="subtle" size="compact-sm" leftSection={<IconLogout size={16} />} onClick={leave} loading={signOut.isPending} data-testid="citizen-signout">
          {t('area.signOut')}
        </Button>
      }
    >
      <Box component="nav" aria-label={t('area.menu')} mb="lg">
        <ScrollArea type="never">
          <Group gap={6} wrap="nowrap" w="max-content" pb={4}>
            {TABS.map(({ to, key, icon: Icon }) => (
              <Button
                key={to}
                component={Link}
                to={to}
                size="sm"
                style={{ flexShrink: 0 }}
                variant={current === to ? 'filled' : 'light'}
                aria-current={current === to ? 'page' : undefined}
                leftSection={<Icon size={16} aria-hidden="true" />}
                data-testid={`citizen-tab-${key}`}
              >
                {t(`area.${key}`)}
              </Button>
            ))}
          </Group>
        </ScrollArea>
      </Box>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </PublicShell>
  );
}
