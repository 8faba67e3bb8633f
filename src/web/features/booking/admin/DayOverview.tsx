import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { useDayOverview } from '../api';
import { NS } from '../i18n';

/**
 * The booking desk's morning view: one day across every bookable service it manages, the quota,
 * seats left and bookings by status per service, busiest first; a card opens that service's list.
 */
export function DayOverview({ siteId, date, onDate, onOpen }: { siteId: string; date: string; onDate: (d: string) => void; onOpen: (serviceId: string) => void }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const q = useDayOverview(siteId, date);
  const rows = [...(q.data?.services ?? [])].sort((a, b) => b.booked + b.checkedIn - (a.booked + a.checkedIn) || a.service.name.localeCompare(b.service.name, 'id'));
  const sum = (k: 'booked' | 'checkedIn' | 'noShow' | 'capacity') => rows.reduce((n, r) => n + r[k], 0);
  const n = (v: number) => formatNumber(v, lang);

  return (
    <Stack gap="md" data-testid="admin-booking-overview">
      <Group align="flex-end" gap="md" wrap="wrap">
        <DateField label={t('admin.overview.date')} value={date} onChange={(d) => d && onDate(d)} required w={260} data-testid="admin-overview-date" />
      </Group>
      <Title order={2} size="h4">
        {t('admin.overview.title', { date: formatDate(date, lang) })}
      </Title>
      {q.isPending ? (
        <Skeleton h={200} />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('admin.overview.empty')}</Text>
      ) : (
        <>
          <Text size="sm" data-testid="admin-overview-total">
            {t('admin.overview.total', { booked: n(sum('booked') + sum('checkedIn') + sum('noShow')), capacity: n(sum('capacity')), checkedIn: n(sum('checkedIn')), noShow: n(sum('noShow')) })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {rows.map((r) => (
              <Card component="li" key={r.service.id} withBorder padding="sm" data-testid="admin-overview-service">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <Text size="xs" c="dimmed">
                        {r.agency.shortName || r.agency.name}
                      </Text>
                      <Text fw={600} size="sm">
                        {r.service.name}
                      </Text>
                    </div>
                    {r.closed && (
                      <Badge color="gray" variant="light">
                        {t('admin.overview.closed')}
                      </Badge>
                    )}
                  </Group>
                  <SimpleGrid cols={3} spacing={4} verticalSpacing={4} component="dl" m={0}>
                    {(
                      [
                        ['quota', r.capacity],
                        ['booked', r.booked + r.checkedIn + r.noShow],
                        ['left', r.available],
                        ['checkedIn', r.checkedIn],
                        ['noShow', r.noShow],
                        ['cancelled', r.cancelled],
                      ] as const
                    ).map(([k, v]) => (
                      <div key={k}>
                        <Text component="dt" size="xs" c="dimmed">
                          {t(`admin.overview.${k}`)}
                        </Text>
                        <Text component="dd" m={0} fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`overview-${k}`}>
                          {n(v)}
                        </Text>
                      </div>
                    ))}
                  </SimpleGrid>
                  <Button variant="light" size="compact-sm" onClick={() => onOpen(r.service.id)} w="fit-content" aria-label={`${t('admin.overview.open')}: ${r.service.name}`}>
                    {t('admin.overview.open')}
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
