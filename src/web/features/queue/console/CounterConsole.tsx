import { Alert, Badge, Button, Card, Grid, Group, Kbd, Loader, Menu, Modal, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconArrowsExchange,
  IconBellRinging,
  IconCheck,
  IconChevronDown,
  IconCoffee,
  IconDoorEnter,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerTrackNext,
  IconUserOff,
} from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../../app/PageLoader';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { notifySuccess } from '../../../lib/errors';
import type { Lang } from '../../../lib/api';
import { openStream, type StreamState } from '../eventStream';
import { formatClock } from '../../../lib/format';
import { PUBLIC_TICKET_EVENTS, type CounterQueue, type Stats, type TicketView, type VisitStep } from '../types';
import { consoleKeys, useCounterAction, useCounterQueue, useCounterStats, useServices, useSiteList, useTicketDetail, type Action } from './api';
import { rememberCounter } from './ConsolePage';
import { useLang } from '../../../i18n';

const SHORTCUTS = { n: 'call-next', r: 'recall', s: 'start', f: 'finish', x: 'no-show', p: 'park', t: 'transfer', b: 'break' } as const;
type Shortcut = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.getAttribute('role') === 'combobox');

/** One counter's screen: the current citizen and the actions, the waiting list, parked tickets, figures. */
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

  // Live: any ticket event of the site may change this counter's list; refresh (coalesced).
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
    const close = openStream(`/api/v1/sites/${siteId}/stream`, { events: PUBLIC_TICKET_EVENTS, onEvent: refresh, onState: setStream });
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
  const performRef = useRef(perform);
  performRef.current = perform;
  const dialogOpen = !!confirmNoShow || !!transferOf;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || dialogOpen || isTyping(e.target)) return;
      const what = SHORTCUTS[e.key.toLowerCase() as keyof typeof SHORTCUTS];
      if (!what) return;
      e.preventDefault();
      performRef.current(what);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialogOpen]);

  if (queue.isPending) return <PageLoader />;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  const q = queue.data as CounterQueue;
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name;
  const time = (iso: string | null) => (iso ? formatClock(iso, lang, timeZone) : '');

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
            <Card withBorder padding="lg" component="section" aria-labelledby="current-title">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} size="h4" id="current-title">
                    {t('console.current')}
                  </Title>
                  {current && <Badge size="lg" color={current.status === 'serving' ? 'green' : 'yellow'} data-testid="console-current-status">{t(`status.${current.status}`)}</Badge>}
                </Group>
                {current ? (
                  <Group align="flex-end" gap="xl" wrap="wrap">
                    <Text fz={72} fw={900} lh={1} ff="monospace" data-testid="console-current-number">
                      {current.number}
                    </Text>
                    <Stack gap={4}>
                      <Text fw={700} size="lg">
                        {current.service.name || serviceName(current.serviceId)}
                      </Text>
                      <Group gap="xs">
                        {current.priority && <Badge color="grape">{t(`priority.${current.priority}`)}</Badge>}
                        <SourceBadge ticket={current} lang={lang} timeZone={timeZone} />
                        {current.recallCount > 0 && <Badge color="gray">{t('console.recalls', { count: current.recallCount })}</Badge>}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {current.startedAt ? t('console.startedAt', { time: time(current.startedAt) }) : current.calledAt ? t('console.calledAt', { time: time(current.calledAt) }) : ''}
                      </Text>
                    </Stack>
                  </Group>
                ) : (
                  <Text c="dimmed">{t('console.noCurrent')}</Text>
                )}

                <ActionButton k="N" color="indigo" variant="filled" size="lg" icon={<IconPlayerTrackNext size={24} />} onClick={() => perform('call-next')} disabled={!can['call-next']} loading={busy && action.variables?.kind === 'call-next'} testId="console-call-next">
                  {t('console.callNext')}
                </ActionButton>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
                  <ActionButton k="R" icon={<IconBellRinging size={20} />} onClick={() => perform('recall')} disabled={!can.recall} testId="console-recall">
                    {t('console.recall')}
                  </ActionButton>
                  <ActionButton k="S" color="teal" icon={<IconPlayerPlay size={20} />} onClick={() => perform('start')} disabled={!can.start} testId="console-start">
                    {t('console.start')}
                  </ActionButton>
                  <Group gap={0} wrap="nowrap">
                    <ActionButton k="F" color="green" variant="filled" icon={<IconCheck size={20} />} onClick={() => perform('finish')} disabled={!can.finish} testId="console-finish" grow>
                      {t('console.finish')}
                    </ActionButton>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button color="green" variant="filled" px={8} h={56} disabled={!can.finish} aria-label={t('console.finishFollowUp')} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, marginLeft: 1 }} data-testid="console-finish-menu">
                          <IconChevronDown size={16} aria-hidden="true" />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => current && act({ kind: 'finish', ticketId: current.id, outcome: 'follow_up' })} data-testid="console-finish-followup">
                          {t('console.finishFollowUp')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                  <ActionButton k="X" color="red" icon={<IconUserOff size={20} />} onClick={() => perform('no-show')} disabled={!can['no-show']} testId="console-no-show">
                    {t('console.noShow')}
                  </ActionButton>
                  <ActionButton k="P" color="gray" icon={<IconPlayerPause size={20} />} onClick={() => perform('park')} disabled={!can.park} testId="console-park">
                    {t('console.park')}
                  </ActionButton>
                  <ActionButton k="T" color="violet" icon={<IconArrowsExchange size={20} />} onClick={() => perform('transfer')} disabled={!can.transfer} testId="console-transfer">
                    {t('console.transfer')}
                  </ActionButton>
                </SimpleGrid>

                {current && detail.data && <VisitHistory steps={detail.data.visit.steps} currentId={current.id} lang={lang} />}
              </Stack>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="waiting-title">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="waiting-title">
                  {t('console.waiting')}
                </Title>
                <Badge variant="light" size="lg" data-testid="console-waiting-count">
                  {t('console.waitingCount', { count: q.waiting.length })}
                </Badge>
              </Group>
              {q.waiting.length === 0 ? (
                <Text c="dimmed" ta="center" py="lg" data-testid="console-empty">
                  {t('console.emptyWaiting')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={520} maxHeight={480}>
                  <Table striped highlightOnHover stickyHeader>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>#</Table.Th>
                        <Table.Th>{t('console.number')}</Table.Th>
                        <Table.Th>{t('console.service')}</Table.Th>
                        <Table.Th>{t('console.since')}</Table.Th>
                        <Table.Th>{t('console.note')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody data-testid="console-waiting">
                      {q.waiting.map((w, i) => (
                        <Table.Tr key={w.id}>
                          <Table.Td>{i + 1}</Table.Td>
                          <Table.Td fw={700} ff="monospace">
                            {w.number}
                          </Table.Td>
                          <Table.Td>{w.service.name || serviceName(w.serviceId)}</Table.Td>
                          <Table.Td>{time(w.queuedAt)}</Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              {w.parkedAt && <Badge color="cyan">{t('console.resumed')}</Badge>}
                              {w.priority && <Badge color="grape">{t(`priority.short.${w.priority}`)}</Badge>}
                              <SourceBadge ticket={w} lang={lang} timeZone={timeZone} />
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Card withBorder padding="lg" component="section" aria-labelledby="parked-title">
              <Title order={2} size="h4" id="parked-title" mb="sm">
                {t('console.parkedTitle')}
              </Title>
              {q.parked.length === 0 ? (
                <Text c="dimmed">{t('common.none')}</Text>
              ) : (
                <Stack gap="xs">
                  {q.parked.map((p) => (
                    <Group key={p.id} justify="space-between" wrap="nowrap">
                      <div>
                        <Text fw={700} ff="monospace">
                          {p.number}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {p.service.name} · {time(p.parkedAt)}
                        </Text>
                      </div>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => act({ kind: 'resume', ticketId: p.id })} disabled={busy}>
                          {t('console.resume')}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmNoShow(p)} disabled={busy}>
                          {t('console.noShow')}
                        </Button>
                      </Group>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="stats-title">
              <Title order={2} size="h4" id="stats-title" mb="sm">
                {t('console.today')}
              </Title>
              {stats.isPending ? <Loader size="sm" /> : stats.data ? <StatsTable mine={stats.data.mine} all={stats.data.counter} /> : <Text c="dimmed">{t('common.none')}</Text>}
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="keys-title">
              <Title order={2} size="h5" id="keys-title" mb="xs">
                {t('console.shortcuts')}
              </Title>
              <SimpleGrid cols={2} spacing={4}>
                {(
                  [
                    ['N', 'console.callNext'],
                    ['R', 'console.recall'],
                    ['S', 'console.start'],
                    ['F', 'console.finish'],
                    ['X', 'console.noShow'],
                    ['P', 'console.park'],
                    ['T', 'console.transfer'],
                    ['B', 'console.pause'],
                  ] as const
                ).map(([k, label]) => (
                  <Text key={k} size="sm">
                    <Kbd>{k}</Kbd> {t(label)}
                  </Text>
                ))}
              </SimpleGrid>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={!!confirmNoShow} onClose={() => setConfirmNoShow(null)} title={t('console.noShow')} centered>
        <Stack>
          <Text>{t('console.noShowConfirm', { number: confirmNoShow?.number ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmNoShow(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              data-autofocus
              onClick={() => {
                if (confirmNoShow) act({ kind: 'no-show', ticketId: confirmNoShow.id });
                setConfirmNoShow(null);
              }}
              data-testid="console-no-show-confirm"
            >
              {t('console.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <TransferModal
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

function ActionButton(props: {
  k: string;
  children: ReactNode;
  icon: ReactNode;
  onClick: () => void;
  disabled: boolean;
  color?: string;
  variant?: 'filled' | 'light';
  loading?: boolean;
  testId: string;
  grow?: boolean;
  size?: 'lg';
}) {
  return (
    <Button
      h={props.size === 'lg' ? 64 : 56}
      size={props.size ?? 'sm'}
      fullWidth={props.size === 'lg'}
      color={props.color}
      variant={props.variant ?? 'light'}
      leftSection={props.icon}
      rightSection={<Kbd size="xs">{props.k}</Kbd>}
      onClick={props.onClick}
      disabled={props.disabled}
      loading={props.loading}
      justify="space-between"
      aria-keyshortcuts={props.k}
      data-testid={props.testId}
      style={props.grow ? { flex: 1, borderTopRightRadius: 0, borderBottomRightRadius: 0 } : undefined}
    >
      {props.children}
    </Button>
  );
}

function SourceBadge({ ticket, lang, timeZone }: { ticket: TicketView; lang: Lang; timeZone?: string }) {
  const { t } = useTranslation('queue');
  if (ticket.source === 'booking') return <Badge color="blue">{t('console.booking', { time: ticket.bookingStart ? formatClock(ticket.bookingStart, lang, timeZone) : '' })}</Badge>;
  if (ticket.source === 'transfer') return <Badge color="violet">{t('console.fromTransfer')}</Badge>;
  if (ticket.source === 'step') return <Badge color="violet">{t('console.nextStep')}</Badge>;
  return null;
}

/** "Sudah dari: Disdukcapil (A-001, selesai) → BPJS (sekarang) → Samsat (berikutnya)". */
function VisitHistory({ steps, currentId }: { steps: VisitStep[]; currentId: string; lang: Lang }) {
  const { t } = useTranslation('queue');
  if (steps.length <= 1) return null;
  return (
    <div data-testid="console-visit">
      <Text size="sm" fw={700}>
        {t('console.visit')}
      </Text>
      <Text size="sm">
        {t('console.visitFrom')}:{' '}
        {steps.map((s, i) => (
          <span key={`${s.serviceId}-${i}`}>
            {i > 0 && ' → '}
            <Text span fw={s.ticketId === currentId ? 800 : 500} c={s.status === 'planned' ? 'dimmed' : undefined}>
              {s.agencyName || s.serviceName}
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              ({[s.number, t(`status.${s.status}`)].filter(Boolean).join(', ')})
            </Text>
          </span>
        ))}
      </Text>
    </div>
  );
}

function StatsTable({ mine, all }: { mine: Stats | null; all: Stats }) {
  const { t } = useTranslation('queue');
  const mins = (n: number | null) => (n == null ? t('common.none') : t('console.minutesShort', { n: Math.round(n) }));
  const rows: Array<[`console.${'served' | 'followUps' | 'noShows' | 'transferredCount' | 'avgWait' | 'avgHandling'}`, (s: Stats) => string | number]> = [
    ['console.served', (s) => s.served],
    ['console.followUps', (s) => s.followUps],
    ['console.noShows', (s) => s.noShows],
    ['console.transferredCount', (s) => s.transferred],
    ['console.avgWait', (s) => mins(s.avgWaitMinutes)],
    ['console.avgHandling', (s) => mins(s.avgHandlingMinutes)],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="console-stats">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {mine && <Table.Th ta="right">{t('console.mine')}</Table.Th>}
          <Table.Th ta="right">{t('console.counterAll')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, get]) => (
          <Table.Tr key={label}>
            <Table.Td>{t(label)}</Table.Td>
            {mine && (
              <Table.Td ta="right" fw={700}>
                {get(mine)}
              </Table.Td>
            )}
            <Table.Td ta="right">{get(all)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Grouped = Array<{ group: string; items: Array<{ value: string; label: string }> }>;

function groupByAgency(list: Array<{ id: string; name: string; agency: { name: string } }>): Grouped {
  const m = new Map<string, Grouped[number]>();
  for (const s of list) {
    let g = m.get(s.agency.name);
    if (!g) m.set(s.agency.name, (g = { group: s.agency.name, items: [] }));
    g.items.push({ value: s.id, label: s.name });
  }
  return [...m.values()];
}

function TransferModal(props: { ticket: TicketView | null; services: Grouped; onClose: () => void; onTransfer: (serviceId: string) => void }) {
  const { t } = useTranslation('queue');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const options = useMemo(() => props.services, [props.services]);
  useEffect(() => setServiceId(null), [props.ticket?.id]);
  return (
    <Modal opened={!!props.ticket} onClose={props.onClose} title={t('console.transferTitle', { number: props.ticket?.number ?? '' })} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('console.transferHint')}
        </Text>
        <Select label={t('console.transferService')} data={options} value={serviceId} onChange={setServiceId} searchable data-autofocus data-testid="console-transfer-service" comboboxProps={{ withinPortal: true }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!serviceId} onClick={() => serviceId && props.onTransfer(serviceId)} data-testid="console-transfer-do">
            {t('console.transferDo')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
