import { Badge, Button, Card, Group, Kbd, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconBellRinging, IconCheck, IconChevronDown, IconFilePlus, IconPlayerPause, IconPlayerPlay, IconPlayerTrackNext, IconUserOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/api';
import { formatClock } from '../../../lib/format';
import type { TicketView, VisitStep } from '../types';
import type { Shortcut } from './shortcuts';

/** The citizen at the counter now, and every action with its key. */
export function CurrentTicket(props: {
  current: TicketView | null;
  serviceName: (id: string) => string | undefined;
  visit: VisitStep[] | undefined;
  can: Record<Shortcut, boolean>;
  perform: (what: Shortcut) => void;
  onFollowUp: () => void;
  /** "Daftarkan permohonan" for the citizen at the counter; absent without the right. */
  onRegister?: () => void;
  callingNext: boolean;
  lang: Lang;
  timeZone?: string;
}) {
  const { t } = useTranslation('queue');
  const { current, can, perform, lang, timeZone } = props;
  const time = (iso: string | null) => (iso ? formatClock(iso, lang, timeZone) : '');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="current-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="current-title">
            {t('console.current')}
          </Title>
          {current && (
            <Badge size="lg" color={current.status === 'serving' ? 'green' : 'yellow'} data-testid="console-current-status">
              {t(`status.${current.status}`)}
            </Badge>
          )}
        </Group>
        {current ? (
          <Group align="flex-end" gap="xl" wrap="wrap">
            <Text fz={72} fw={900} lh={1} ff="monospace" data-testid="console-current-number">
              {current.number}
            </Text>
            <Stack gap={4}>
              <Text fw={700} size="lg">
                {current.service.name || props.serviceName(current.serviceId)}
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

        <ActionButton k="N" color="indigo" variant="filled" size="lg" icon={<IconPlayerTrackNext size={24} />} onClick={() => perform('call-next')} disabled={!can['call-next']} loading={props.callingNext} testId="console-call-next">
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
                <Menu.Item onClick={props.onFollowUp} data-testid="console-finish-followup">
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
        {current && props.onRegister && (
          <Button variant="outline" color="indigo" leftSection={<IconFilePlus size={20} aria-hidden="true" />} onClick={props.onRegister} data-testid="console-register-application">
            {t('console.registerApplication')}
          </Button>
        )}

        {current && props.visit && <VisitHistory steps={props.visit} currentId={current.id} />}
      </Stack>
    </Card>
  );
}

export function ActionButton(props: {
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

/** Where a ticket came from, when that is not the kiosk: a booking, a transfer, the next step of a visit. */
export function SourceBadge({ ticket, lang, timeZone }: { ticket: TicketView; lang: Lang; timeZone?: string }) {
  const { t } = useTranslation('queue');
  if (ticket.source === 'booking') return <Badge color="blue">{t('console.booking', { time: ticket.bookingStart ? formatClock(ticket.bookingStart, lang, timeZone) : '' })}</Badge>;
  if (ticket.source === 'transfer') return <Badge color="violet">{t('console.fromTransfer')}</Badge>;
  if (ticket.source === 'step') return <Badge color="violet">{t('console.nextStep')}</Badge>;
  return null;
}

/** "Sudah dari: Disdukcapil (A-001, selesai) → BPJS (sekarang) → Samsat (berikutnya)". */
function VisitHistory({ steps, currentId }: { steps: VisitStep[]; currentId: string }) {
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
