import { Badge, Button, Card, Group, Kbd, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/api';
import { formatClock } from '../../../lib/format';
import type { CounterQueue, CounterStats, Stats, TicketView } from '../types';
import { SourceBadge } from './CurrentTicket';

/* The counter's lists beside the current ticket: who waits, who is parked, today's figures, the keys. */

export function WaitingList({ queue, serviceName, lang, timeZone }: { queue: CounterQueue; serviceName: (id: string) => string | undefined; lang: Lang; timeZone?: string }) {
  const { t } = useTranslation('queue');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="waiting-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="waiting-title">
          {t('console.waiting')}
        </Title>
        <Badge variant="light" size="lg" data-testid="console-waiting-count">
          {t('console.waitingCount', { count: queue.waiting.length })}
        </Badge>
      </Group>
      {queue.waiting.length === 0 ? (
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
              {queue.waiting.map((w, i) => (
                <Table.Tr key={w.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td fw={700} ff="monospace">
                    {w.number}
                  </Table.Td>
                  <Table.Td>{w.service.name || serviceName(w.serviceId)}</Table.Td>
                  <Table.Td>{w.queuedAt ? formatClock(w.queuedAt, lang, timeZone) : ''}</Table.Td>
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
  );
}

export function ParkedList({ parked, busy, onResume, onNoShow, lang, timeZone }: { parked: TicketView[]; busy: boolean; onResume: (t: TicketView) => void; onNoShow: (t: TicketView) => void; lang: Lang; timeZone?: string }) {
  const { t } = useTranslation('queue');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="parked-title">
      <Title order={2} size="h4" id="parked-title" mb="sm">
        {t('console.parkedTitle')}
      </Title>
      {parked.length === 0 ? (
        <Text c="dimmed">{t('common.none')}</Text>
      ) : (
        <Stack gap="xs">
          {parked.map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap">
              <div>
                <Text fw={700} ff="monospace">
                  {p.number}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.service.name} · {p.parkedAt ? formatClock(p.parkedAt, lang, timeZone) : ''}
                </Text>
              </div>
              <Group gap={4} wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => onResume(p)} disabled={busy}>
                  {t('console.resume')}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onNoShow(p)} disabled={busy}>
                  {t('console.noShow')}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function TodayFigures({ stats, pending }: { stats: CounterStats | undefined; pending: boolean }) {
  const { t } = useTranslation('queue');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="stats-title">
      <Title order={2} size="h4" id="stats-title" mb="sm">
        {t('console.today')}
      </Title>
      {pending ? <Loader size="sm" /> : stats ? <StatsTable mine={stats.mine} all={stats.counter} /> : <Text c="dimmed">{t('common.none')}</Text>}
    </Card>
  );
}

const KEYS = [
  ['N', 'console.callNext'],
  ['R', 'console.recall'],
  ['S', 'console.start'],
  ['F', 'console.finish'],
  ['X', 'console.noShow'],
  ['P', 'console.park'],
  ['T', 'console.transfer'],
  ['B', 'console.pause'],
] as const;

export function ShortcutsCard() {
  const { t } = useTranslation('queue');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="keys-title">
      <Title order={2} size="h5" id="keys-title" mb="xs">
        {t('console.shortcuts')}
      </Title>
      <SimpleGrid cols={2} spacing={4}>
        {KEYS.map(([k, label]) => (
          <Text key={k} size="sm">
            <Kbd>{k}</Kbd> {t(label)}
          </Text>
        ))}
      </SimpleGrid>
    </Card>
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
