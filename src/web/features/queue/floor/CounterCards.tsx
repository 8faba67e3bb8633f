import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktopOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { formatClock } from '../../../lib/format';
import { useServerNow } from '../clock';
import type { FloorCounter } from '../types';
import { STATE_COLOR } from './states';
import { minutesWaited } from '../../../../domain/floor';


/** Every counter in scope: state, officer, the ticket at it and since when. */
export function CounterCards({ counters, timeZone }: { counters: FloorCounter[]; timeZone: string }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const now = useServerNow(15_000);
  return (
    <Stack gap="xs" component="section" aria-labelledby="floor-counters">
      <Title order={3} size="h4" id="floor-counters">
        {t('floor.counters')}
      </Title>
      {counters.length === 0 ? (
        <Empty icon={<IconDeviceDesktopOff size={28} />} title={t('floor.noCounters')} description={t('floor.noCountersHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }}>
          {counters.map((c) => (
            <Card key={c.id} withBorder padding="sm" data-testid={`floor-counter-${c.number}`} data-state={c.state}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div>
                  <Text fw={700}>{c.name}</Text>
                  <Text size="xs" c="dimmed">
                    {c.agency.shortName ?? c.agency.name}
                    {c.zone ? ` · ${c.zone}` : ''}
                  </Text>
                </div>
                <Badge color={STATE_COLOR[c.state]} variant={c.state === 'closed' ? 'outline' : 'filled'}>
                  {t(`floor.state.${c.state}`)}
                </Badge>
              </Group>
              <Text size="sm" mt="xs">
                <Text span c="dimmed" size="sm">
                  {t('floor.officer')}:{' '}
                </Text>
                {c.officer?.displayName || t('floor.noOfficer')}
              </Text>
              {c.current && (
                <Text size="sm" fw={600} data-testid="floor-counter-current">
                  {t('floor.currentSince', { number: c.current.number, status: t(`status.${c.current.status}`), time: formatClock(c.current.since, lang, timeZone), minutes: minutesWaited(Date.parse(c.current.since), now) })}
                </Text>
              )}
              {c.state === 'on_break' && c.pausedAt && (
                <Text size="sm" c="yellow.9">
                  {t('floor.breakSince', { time: formatClock(c.pausedAt, lang, timeZone) })}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {t('floor.servedToday', { count: c.servedToday })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
