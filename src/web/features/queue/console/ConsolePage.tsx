import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useCurrentSite } from '../../../app/currentSite';
import { CONSOLE_HOME, homeOf } from '../../../app/nav';
import { PageLoader } from '../../../app/PageLoader';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useCurrentUser } from '../../access/api';
import type { User } from '../../access/types';
import { store } from '../format';
import '../i18n';
import type { PublicCounter } from '../types';
import { naturalCompare } from '../../../../domain/natural-order';
import { useAgencyNames, useCounters, useMyCounters } from './api';
import { CounterConsole } from './CounterConsole';

const REMEMBER_KEY = 'loket.console.counter';

export const rememberCounter = (siteId: string, counterId: string) => store.set(REMEMBER_KEY, { ...(store.get<Record<string, string>>(REMEMBER_KEY) ?? {}), [siteId]: counterId });
const rememberedCounter = (siteId: string) => store.get<Record<string, string>>(REMEMBER_KEY)?.[siteId] ?? null;

/** The counters this user may serve at a site: all for site-wide roles, else their agencies'. */
export function countersFor(user: User, siteId: string, counters: PublicCounter[]): PublicCounter[] {
  const here = user.memberships.filter((m) => m.siteId === siteId || m.siteId === null);
  if (here.some((m) => (m.role === 'site_admin' || m.role === 'platform_admin') && m.agencyId === null)) return counters;
  const agencies = new Set(here.map((m) => m.agencyId).filter((a): a is string => !!a));
  return counters.filter((c) => agencies.has(c.agencyId));
}

/** `/console/*`: choose a counter (remembered), then serve at `/console/<counterId>`. */
export default function ConsolePage() {
  const { t } = useTranslation('queue');
  usePageTitle(t('console.title'));
  const { site, loading } = useCurrentSite();
  if (loading) return <PageLoader />;
  if (!site)
    return (
      <Alert color="yellow" title={t('console.title')}>
        {t('console.noSite')}
      </Alert>
    );
  return (
    <Routes>
      <Route index element={<CounterPicker siteId={site.id} />} />
      <Route path=":counterId" element={<CounterConsole siteId={site.id} />} />
      <Route path="*" element={<Navigate to="/console" replace />} />
    </Routes>
  );
}

function CounterPicker({ siteId }: { siteId: string }) {
  const { t } = useTranslation('queue');
  const user = useCurrentUser();
  const counters = useCounters(siteId);
  const assigned = useMyCounters(siteId);
  const agencies = useAgencyNames(siteId);
  const agencyName = useMemo(() => new Map((agencies.data ?? []).map((a) => [a.id, a.name])), [agencies.data]);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mine = useMemo(() => countersFor(user, siteId, counters.data ?? []).sort((a, b) => a.number - b.number || naturalCompare(a.name, b.name)), [user, siteId, counters.data]);

  if (counters.isPending || assigned.isPending) return <PageLoader />;
  if (counters.isError) return <QueryError error={counters.error} onRetry={() => void counters.refetch()} />;

  const remembered = rememberedCounter(siteId);
  if (!params.has('pick')) {
    if (remembered && mine.some((c) => c.id === remembered)) return <Navigate to={`/console/${remembered}`} replace />;
    // The counter the admin assigned this officer to is their home.
    const own = mine.find((c) => assigned.data?.counterIds.includes(c.id));
    if (own) return <Navigate to={`/console/${own.id}`} replace />;
    if (mine.length === 1) return <Navigate to={`/console/${mine[0].id}`} replace />;
  }

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1}>{t('console.pickCounter')}</Title>
      <Text c="dimmed">{t('console.pickHint')}</Text>
      {mine.length === 0 ? (
        <Alert color="yellow">{t('console.noCounters')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }}>
          {mine.map((c) => (
            <UnstyledButton
              key={c.id}
              onClick={() => {
                rememberCounter(siteId, c.id);
                navigate(`/console/${c.id}`);
              }}
              data-testid="console-counter"
              data-number={c.number}
            >
              <Card withBorder padding="lg" radius="md" h="100%">
                <Group gap="sm" wrap="nowrap">
                  <IconDeviceDesktop size={28} aria-hidden="true" />
                  <div>
                    <Text fw={700} size="lg">
                      {c.name}
                    </Text>
                    {agencyName.get(c.agencyId) && (
                      <Text size="sm" data-testid="console-counter-agency">
                        {agencyName.get(c.agencyId)}
                      </Text>
                    )}
                    {c.zone && (
                      <Text size="sm" c="dimmed">
                        {c.zone}
                      </Text>
                    )}
                    {c.paused && (
                      <Text size="sm" c="orange.8" fw={600}>
                        {t('console.paused')}
                      </Text>
                    )}
                  </div>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      {homeOf(user) !== CONSOLE_HOME && (
        <Group>
          <Button component={Link} to="/dashboard" variant="subtle">
            {t('common.back')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
