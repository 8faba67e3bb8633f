import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatClock, formatDateTimeShort, formatSlot } from '../../../lib/format';
import { StatusBadge } from '../components/BookingCard';
import { NS } from '../i18n';
import type { DayBooking } from '../types';

/**
 * The citizens booked on a day, one card each: time, code and status on top, then name, NIK and
 * phone, and where a rescheduled booking went (or came from). Cards, not a table: the panel beside
 * the calendar is narrow at 1366 px and a phone has no room for six columns, and every field must
 * stay readable without scrolling sideways.
 */
export function DayBookingList({ bookings, timeZone }: { bookings: DayBooking[]; timeZone: string }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const field = (label: string, value: string | null, mono = false) => (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value ?? '—'}
      </Text>
    </div>
  );
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="admin-booking-list" aria-label={t('admin.list.title')}>
      {bookings.map((b) => (
        <Paper component="li" key={b.code} withBorder radius="sm" p="sm" data-testid="admin-booking-row">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="sm" wrap="nowrap">
              <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatClock(b.start, lang, timeZone)}
              </Text>
              <Text ff="monospace" fw={600}>
                {b.code}
              </Text>
            </Group>
            <Group gap={6} wrap="nowrap">
              <StatusBadge status={b.status} moved={!!b.movedTo} />
              {b.checkedInAt && (
                <Text size="xs" c="dimmed">
                  {t('admin.list.checkedIn')} {formatClock(b.checkedInAt, lang, timeZone)}
                </Text>
              )}
            </Group>
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="xs" verticalSpacing={4} mt={6} mb={0}>
            {field(t('admin.list.name'), b.name)}
            {field(t('admin.list.nik'), b.nikMasked, true)}
            {field(t('admin.list.phone'), b.phoneMasked, true)}
          </SimpleGrid>
          {b.movedTo && (
            <Text size="sm" c="blue.8" fw={600} mt={6} data-testid="admin-booking-moved-to">
              {t('moved.to', { code: b.movedTo.code, when: formatSlot(b.movedTo.start, b.movedTo.end, lang, timeZone) })}
            </Text>
          )}
          {b.movedFrom && (
            <Text size="sm" c="dimmed" mt={6} data-testid="admin-booking-moved-from">
              {t('moved.from', { code: b.movedFrom.code, when: formatDateTimeShort(b.movedFrom.start, lang, timeZone) })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
