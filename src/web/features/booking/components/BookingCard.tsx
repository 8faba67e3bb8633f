import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowForwardUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import classes from '../booking.module.css';
import { formatSlot } from '../../../lib/format';
import { NS } from '../i18n';
import type { id as texts } from '../i18n/id';
import type { Booking } from '../types';
import { QrImage } from './QrImage';

export const STATUS_COLOR: Record<string, string> = { booked: 'indigo', checked_in: 'green', cancelled: 'gray', no_show: 'red' };

/** The status; a cancelled booking that was rescheduled reads "Dipindahkan", not "Dibatalkan". */
export function StatusBadge({ status, moved = false }: { status: string; moved?: boolean }) {
  const { t } = useTranslation(NS);
  const shown = moved && status === 'cancelled' ? 'moved' : status;
  // A status a newer server sends reads as its code.
  const label = t(`status.${shown as Exclude<keyof typeof texts.status, 'unknown'>}`, { defaultValue: status });
  return (
    <Badge color={shown === 'moved' ? 'blue' : (STATUS_COLOR[status] ?? 'gray')} variant="light" data-testid="booking-status" data-status={shown}>
      {label}
    </Badge>
  );
}

/**
 * The booking as a ticket: code (large), QR, appointment in the site's zone, service, place and the
 * holder (name and masked NIK). Shared by the confirmation and the manage page; printable.
 */
export function BookingCard({ booking, children, showStatus }: { booking: Booking; children?: ReactNode; showStatus?: boolean }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const rows: Array<[string, ReactNode, string?]> = [
    [t('done.when'), <Text fw={600} span data-testid="booking-when">{formatSlot(booking.start, booking.end, lang, booking.site.timeZone)}</Text>],
    [t('done.service'), booking.service.name],
    [t('done.agency'), booking.service.agency.name],
    [t('done.place'), booking.site.name],
  ];
  if (booking.name) rows.push([t('done.name'), booking.name]);
  if (booking.nikMasked) rows.push([t('done.nik'), <Text span ff="monospace">{booking.nikMasked}</Text>]);
  if (showStatus) rows.push([t('done.status'), <StatusBadge status={booking.status} moved={!!booking.movedTo} />]);
  const cancelled = booking.status === 'cancelled';

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} className={classes.printCard} data-testid="booking-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed" fw={500} id="booking-code-label">
              {t('done.codeLabel')}
            </Text>
            <Text className={classes.code} aria-labelledby="booking-code-label" data-testid="booking-code" td={cancelled ? 'line-through' : undefined}>
              {booking.code}
            </Text>
          </Stack>
          {!cancelled && <QrImage svg={booking.qrSvg} alt={t('done.qrAlt', { code: booking.code })} size={168} />}
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder={false} verticalSpacing={6}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={{ base: 104, sm: 140 }} fw={500} c="dimmed" style={{ verticalAlign: 'top', background: 'transparent' }}>
                  {label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {booking.movedTo && (
          <Alert color="blue" icon={<IconArrowForwardUp aria-hidden="true" />} title={t('moved.title')} data-testid="booking-moved-to">
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('moved.to', { code: booking.movedTo.code, when: formatSlot(booking.movedTo.start, booking.movedTo.end, lang, booking.site.timeZone) })}
              </Text>
              <Text size="sm">{t('moved.note')}</Text>
              {/* A fresh page with the new code filled in (the NIK is asked again). */}
              <Anchor href={`/booking/manage?code=${encodeURIComponent(booking.movedTo.code)}`} size="sm" data-testid="booking-moved-open">
                {t('moved.open', { code: booking.movedTo.code })}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
