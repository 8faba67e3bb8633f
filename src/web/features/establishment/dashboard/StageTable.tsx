import { Anchor, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { NS } from '../i18n';
import { StageBadge } from '../StageBadge';
import { STAGE_DAY } from '../stages';
import type { RegionMpp } from '../types';

/** Every kabupaten/kota: its stage, since when, and the next planned step (late ones marked). */
export function StageTable({ rows }: { rows: RegionMpp[] }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="province-table-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="province-table-title">
          {t('dashboard.table')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="province-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.col.region')}</Table.Th>
                <Table.Th>{t('dashboard.col.stage')}</Table.Th>
                <Table.Th>{t('dashboard.col.since')}</Table.Th>
                <Table.Th>{t('dashboard.col.days')}</Table.Th>
                <Table.Th>{t('dashboard.col.next')}</Table.Th>
                <Table.Th>{t('dashboard.col.site')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.regencyCode} data-testid={`province-row-${r.regencyCode}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.regencyName}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.regencyCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={r.stage} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.stageSince ? formatDate(r.stageSince, lang, STAGE_DAY) : '–'}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.daysInStage === null ? '–' : t('dashboard.daysValue', { count: r.daysInStage })}</Table.Td>
                  <Table.Td>
                    {r.next ? (
                      <Stack gap={2}>
                        <Text size="sm">
                          {r.next.plannedDate
                            ? t('dashboard.nextPlanned', { stage: t(`stage.${r.next.stage}`), date: formatDate(r.next.plannedDate, lang, STAGE_DAY) })
                            : t('dashboard.nextUnplanned', { stage: t(`stage.${r.next.stage}`) })}
                        </Text>
                        {r.next.late && (
                          <Badge color="red" variant="light" w="fit-content">
                            {t('dashboard.late', { count: r.next.daysLate })}
                          </Badge>
                        )}
                      </Stack>
                    ) : (
                      t('dashboard.done')
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.site ? (
                      <Anchor component={Link} to={`/mpp/${r.site.slug}`} size="sm">
                        {r.site.name}
                      </Anchor>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button component={Link} to={`/province/${r.regencyCode}`} size="xs" variant="light" aria-label={t('dashboard.openAria', { name: r.regencyName })}>
                      {t('dashboard.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
