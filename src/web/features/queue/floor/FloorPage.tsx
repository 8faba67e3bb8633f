import { Alert, Badge, Grid, Group, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_STREAM_EVENTS } from '../../../../contracts/event-types';
import { roleCan } from '../../../../domain/policy';
import { AdminHeader, TableSkeleton } from '../../../app/admin';
import { useCurrentSite } from '../../../app/currentSite';
import { PageLoader } from '../../../app/PageLoader';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { formatClock } from '../../../lib/format';
import { useCurrentUser } from '../../access/api';
import { openStream, type StreamState } from '../eventStream';
import '../i18n';
import { P, useFloor } from './api';
import { AnnouncementCard } from './AnnouncementCard';
import { CounterCards } from './CounterCards';
import { FloorSummary } from './FloorSummary';
import './i18n';
import { TargetCard } from './TargetCard';
import { WaitingTable } from './WaitingTable';

/** `/floor`: the live floor view for site and agency admins (and auditors, read-only). */
export default function FloorPage() {
  const { t } = useTranslation('queue');
  const { site, loading } = useCurrentSite();
  if (loading) return <PageLoader />;
  if (!site)
    return (
      <Alert color="yellow" title={t('floor.title')}>
        {t('floor.noSite')}
      </Alert>
    );
  return <Floor key={site.id} siteId={site.id} />;
}

function Floor({ siteId }: { siteId: string }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const user = useCurrentUser();
  const floor = useFloor(siteId);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const siteAdmin = user.memberships.some((m) => (m.siteId === siteId || m.siteId === null) && roleCan(m.role, 'site.manage'));

  // Live: every event of the site stream (calls, breaks, issues, announcements) reloads the
  // snapshot, debounced; after a reconnect the replay brings what was missed.
  const start = floor.data?.lastEventId ?? null;
  const startRef = useRef<number | null>(null);
  if (startRef.current === null && start !== null) startRef.current = start;
  const refetch = useRef(floor.refetch);
  refetch.current = floor.refetch;
  const haveStart = start !== null;
  useEffect(() => {
    if (!haveStart) return;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void refetch.current(), 300);
    };
    let wasOpen = false;
    const close = openStream(P.stream(siteId), {
      events: SITE_STREAM_EVENTS,
      lastEventId: startRef.current,
      onEvent: () => refresh(),
      onState: (st) => {
        setStream(st);
        if (st === 'open' && wasOpen) refresh();
        if (st === 'open') wasOpen = true;
      },
    });
    return () => {
      clearTimeout(debounce);
      close();
    };
  }, [siteId, haveStart]);

  const data = floor.data;
  return (
    <Stack gap="lg" data-testid="floor">
      <AdminHeader
        title={t('floor.title')}
        description={data && !data.scope.all ? `${t('floor.intro')} ${t('floor.introAgency')}` : t('floor.intro')}
        actions={
          <Group gap="xs">
            {data && <Badge variant="light" color="gray">{t('floor.updatedAt', { time: formatClock(data.now, lang, data.timeZone, true) })}</Badge>}
            <Badge color={stream === 'open' ? 'green' : 'yellow'} variant="dot" data-testid="floor-stream" role="status">
              {stream === 'open' ? t('floor.live') : t('floor.reconnecting')}
            </Badge>
          </Group>
        }
      />
      {floor.isError && <QueryError error={floor.error} onRetry={() => void floor.refetch()} />}
      {!data ? (
        floor.isPending && <TableSkeleton rows={6} />
      ) : (
        <>
          <FloorSummary floor={data} agencyId={agencyId} onAgency={setAgencyId} />
          {/* Where waits run long first, beside the TV announcement; then every counter. */}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <WaitingTable services={data.services.filter((s) => !agencyId || s.agency.id === agencyId)} target={data.targetWaitMinutes} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md">
                <AnnouncementCard siteId={siteId} current={data.announcement} timeZone={data.timeZone} canEdit={siteAdmin} />
                {siteAdmin && <TargetCard siteId={siteId} target={data.targetWaitMinutes} />}
              </Stack>
            </Grid.Col>
          </Grid>
          <CounterCards counters={data.counters.filter((c) => !agencyId || c.agency.id === agencyId)} timeZone={data.timeZone} />
        </>
      )}
    </Stack>
  );
}
