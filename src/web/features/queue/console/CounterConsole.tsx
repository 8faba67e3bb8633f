import { Alert, Badge, Button, Grid, Group, Kbd, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCoffee, IconDoorEnter } from '@tabler/icons-react';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../../app/PageLoader';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { notifySuccess } from '../../../lib/errors';
import { openStream, type StreamState } from '../eventStream';
import { SITE_STREAM_EVENTS } from '../../../../contracts/event-types';
import { can as userCan } from '../../../app/policy';
import { useCurrentUser } from '../../access/api';
import { RegisterApplicationDialog, type ServedTicket } from '../../applications/pages';
import type { TicketView } from '../types';
import { consoleKeys, useCounterAction, useCounterQueue, useCounterStats, useServices, useSiteList, useTicketDetail, type Action } from './api';
import { groupByAgency, NoShowDialog, TransferDialog } from './ConsoleDialogs';
import { rememberCounter } from './ConsolePage';
import { CurrentTicket } from './CurrentTicket';
import { ParkedList, ShortcutsCard, TodayFigures, WaitingList } from './QueueLists';
import { useShortcuts, type Shortcut } from './shortcuts';

/**
 * One counter's screen: the current citizen and the actions (keys N R S F X P T B), the waiting
 * list, parked tickets, today's figures. This file holds the data, the live refresh and what each
 * action does; the parts are drawn by CurrentTicket, QueueLists and ConsoleDialogs.
 */
export function CounterConsole({ siteId }: { siteId: string }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const { counterId = '' } = useParams();
  const qc = useQueryClient();
  const queue = useCounterQueue(counterId);
  const stats = useCounterStats(counterId);
  const services = useServices(siteId);
  const sites = useSiteList();
  const action = useCounterAction(counterId);
  const [confirmNoShow, setConfirmNoShow] = useState<TicketView | null>(null);
  const [transferOf, setTransferOf] = useState<TicketView | null>(null);
  const [registerFor, setRegisterFor] = useState<ServedTicket | null>(null);
  const mayRegister = userCan(useCurrentUser(), 'applications.manage');
  const [stream, setStream] = useState<StreamState>('connecting');
  const timeZone = sites.data?.find((s) => s.id === siteId)?.timeZone;

  const data = queue.data;
  const current = data?.current ?? null;
  const counterName = data?.counter.name ?? '';
  usePageTitle(counterName ? `${t('console.title')} · ${counterName}` : t('console.title'));

  useEffect(() => {
    if (data) rememberCounter(siteId, counterId);
  }, [data, siteId, counterId]);

  const detail = useTicketDetail(current?.id);

  // Live: any ticket or counter event of the site may change this counter's list; refresh (coalesced).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void qc.invalidateQueries({ queryKey: consoleKeys.queue(counterId) });
        void qc.invalidateQueries({ queryKey: consoleKeys.stats(counterId) });
        void qc.invalidateQueries({ queryKey: consoleKeys.tickets });
      }, 300);
    };
    const close = openStream(`/api/v1/sites/${siteId}/stream`, { events: SITE_STREAM_EVENTS, onEvent: refresh, onState: setStream });
    return () => {
      clearTimeout(timer);
      close();
    };
  }, [siteId, counterId, qc]);

  const busy = action.isPending;
  const paused = data?.counter.paused ?? false;
  const can: Record<Shortcut, boolean> = {
    'call-next': !!data && !paused && !current && !busy,
    recall: current?.status === 'called' && !busy,
    start: current?.status === 'called' && !busy,
    finish: !!current && (current.status === 'called' || current.status === 'serving') && !busy,
    'no-show': current?.status === 'called' && !busy,
    park: !!current && (current.status === 'called' || current.status === 'serving') && !busy,
    transfer: !!current && !busy,
    break: !!data && !busy,
  };

  const act = (a: Action, done?: (ticket: TicketView | null) => void) =>
    action.mutate(a, {
      onSuccess: (r) => {
        if (r.kind === 'ticket') done?.(r.ticket);
      },
    });

  const perform = (what: Shortcut) => {
    if (!can[what]) return;
    switch (what) {
      case 'call-next':
        return act({ kind: 'call-next' }, (tk) => (tk ? notifySuccess(t('console.called', { number: tk.number, counter: counterName })) : notifySuccess(t('console.nobodyWaiting'))));
      case 'recall':
      case 'start':
      case 'park':
        return act({ kind: what, ticketId: current!.id });
      case 'finish':
        return act({ kind: 'finish', ticketId: current!.id, outcome: 'done' });
      case 'no-show':
        return setConfirmNoShow(current);
      case 'transfer':
        return setTransferOf(current);
      case 'break':
        return act({ kind: paused ? 'open' : 'pause' });
    }
  };
  // Keys wait while a dialog is open.
  useShortcuts(perform, !!confirmNoShow || !!transferOf || !!registerFor);

  if (queue.isPending) return <PageLoader />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  const q = queue.data;
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name;

  return (
    <Stack gap="md" data-testid="console">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t('console.title')} · <span data-testid="console-counter-name">{q.counter.name}</span>
          </Title>
          <Badge color={stream === 'open' ? 'green' : 'gray'} variant="light">
            {stream === 'open' ? t('console.live') : t('common.offline')}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button
            variant={paused ? 'filled' : 'light'}
            color={paused ? 'green' : 'orange'}
            leftSection={paused ? <IconDoorEnter size={18} aria-hidden="true" /> : <IconCoffee size={18} aria-hidden="true" />}
            rightSection={<Kbd size="xs">B</Kbd>}
            onClick={() => perform('break')}
            disabled={!can.break}
            data-testid="console-break"
          >
            {paused ? t('console.open') : t('console.pause')}
          </Button>
          <Button component={Link} to="/console?pick=1" variant="subtle">
            {t('console.changeCounter')}
          </Button>
        </Group>
      </Group>

      {paused && (
        <Alert color="orange" title={t('console.paused')} icon={<IconCoffee aria-hidden="true" />}>
          {t('console.pausedHint')}
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <CurrentTicket
              current={current}
              serviceName={serviceName}
              visit={detail.data?.visit.steps}
              can={can}
              perform={perform}
              onFollowUp={() => current && act({ kind: 'finish', ticketId: current.id, outcome: 'follow_up' })}
              onRegister={mayRegister && current ? () => setRegisterFor({ id: current.id, number: current.number, serviceId: current.serviceId }) : undefined}
              callingNext={busy && action.variables?.kind === 'call-next'}
              lang={lang}
              timeZone={timeZone}
            />
            <WaitingList queue={q} serviceName={serviceName} lang={lang} timeZone={timeZone} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ParkedList parked={q.parked} busy={busy} onResume={(p) => act({ kind: 'resume', ticketId: p.id })} onNoShow={setConfirmNoShow} lang={lang} timeZone={timeZone} />
            <TodayFigures stats={stats.data} pending={stats.isPending} />
            <ShortcutsCard />
          </Stack>
        </Grid.Col>
      </Grid>

      {registerFor && (
        <Suspense fallback={null}>
          <RegisterApplicationDialog siteId={siteId} ticket={registerFor} opened onClose={() => setRegisterFor(null)} />
        </Suspense>
      )}
      <NoShowDialog ticket={confirmNoShow} onClose={() => setConfirmNoShow(null)} onConfirm={(tk) => act({ kind: 'no-show', ticketId: tk.id })} />
      <TransferDialog
        ticket={transferOf}
        services={groupByAgency((services.data ?? []).filter((s) => s.id !== transferOf?.serviceId))}
        onClose={() => setTransferOf(null)}
        onTransfer={(serviceId) => {
          if (transferOf) act({ kind: 'transfer', ticketId: transferOf.id, serviceId }, (tk) => tk && notifySuccess(t('console.done', { number: tk.number, status: t('status.waiting') })));
          setTransferOf(null);
        }}
      />
    </Stack>
  );
}
