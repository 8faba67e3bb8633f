import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesWaited } from '../../../../domain/floor';
import { Empty } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { useServerNow } from '../clock';
import type { FloorService } from '../types';

/**
 * Waiting per service, the longest waits first; a service with tickets past the target is
 * marked red with their numbers. Minutes move on with the server clock between snapshots.
 */
export function WaitingTable({ services, target }: { services: FloorService[]; target: number }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const now = useServerNow(15_000);
  // An MPP has dozens of services: those with nobody waiting are one click away.
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? services : services.filter((s) => s.waiting > 0);
  const idle = services.length - services.filter((s) => s.waiting > 0).length;
  return (
    <Card withBorder component="section" aria-labelledby="floor-waiting">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={3} size="h4" id="floor-waiting">
          {t('floor.waitingTitle')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="floor-target-note">
          {t('floor.targetNote', { minutes: target })}
        </Text>
      </Group>
      {visible.length === 0 ? (
        <Empty icon={<IconMoodSmile size={28} />} title={services.length === 0 ? t('floor.noServices') : t('floor.nobodyWaitingAnywhere')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="floor-services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('floor.service')}</Table.Th>
                <Table.Th ta="right">{t('floor.waiting')}</Table.Th>
                <Table.Th ta="right">{t('floor.longest')}</Table.Th>
                <Table.Th>{t('floor.overTarget')}</Table.Th>
                <Table.Th ta="right">{t('floor.openCounters')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((s) => {
                const longest = s.oldestSince ? minutesWaited(Date.parse(s.oldestSince), now) : null;
                const over = s.overTargetTickets.length > 0 || (longest !== null && longest > target);
                return (
                  <Table.Tr key={s.serviceId} data-testid={`floor-service-${s.code}`} data-over={over ? 'true' : 'false'} bg={over ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.agency.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" data-testid="floor-service-waiting">
                      {formatNumber(s.waiting, lang)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {longest === null ? (
                        <Text size="sm" c="dimmed">
                          {t('floor.nobodyWaiting')}
                        </Text>
                      ) : (
                        <Text size="sm" fw={over ? 700 : 400} c={over ? 'red.9' : undefined}>
                          {t('floor.minutesShort', { minutes: longest })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {s.overTargetTickets.map((w) => (
                          <Badge key={w.ticketId} color="red" variant="filled" size="sm">
                            {w.number} · {t('floor.minutesShort', { minutes: minutesWaited(Date.parse(w.since), now) })}
                          </Badge>
                        ))}
                        {s.overTarget > s.overTargetTickets.length && (
                          <Badge color="red" variant="outline" size="sm">
                            +{s.overTarget - s.overTargetTickets.length}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(s.openCounters, lang)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {idle > 0 && (
        <Group justify="center" mt="xs">
          <Button variant="subtle" size="xs" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll} data-testid="floor-services-toggle">
            {showAll ? t('floor.showWaitingOnly') : t('floor.showAll', { count: idle })}
          </Button>
        </Group>
      )}
    </Card>
  );
}
