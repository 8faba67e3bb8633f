import { Card, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import type { Lang } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import { NS } from '../i18n';
import type { Figure, RegionMpp } from '../types';

type Show = (f: Figure, lang: Lang) => string;
const plain: Show = (f, lang) => formatNumber(f.value!, lang);
const share: Show = (f, lang) => `${formatNumber(Math.round(f.value! * 1000) / 10, lang)} %`;

/** The operating MPPs side by side: each figure with its source (tooltip) and as-of date. */
export function OperatingTable({ rows }: { rows: RegionMpp[] }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const operating = rows.filter((r) => r.figures);
  const asOf = operating[0]?.figures?.agencies.asOf;

  const cell = (f: Figure, show: Show, testId: string) => {
    const text = !f.available ? t('dashboard.fig.notAvailable') : f.value === null ? t('dashboard.fig.none') : show(f, lang);
    return (
      <Tooltip label={t('dashboard.fig.source', { source: f.source })} multiline w={260} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Text size="sm" tabIndex={0} c={f.available ? undefined : 'dimmed'} fs={f.available ? undefined : 'italic'} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {text}
        </Text>
      </Tooltip>
    );
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="province-operating-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="province-operating-title">
          {t('dashboard.operating')}
        </Title>
        {operating.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.operatingEmpty')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table striped verticalSpacing={6} fz="sm" data-testid="province-operating">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.col.site')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.agencies')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.services')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.visitors')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.wait')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.ikm')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.complaints')}</Table.Th>
                    <Table.Th>{t('dashboard.fig.applications')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {operating.map((r) => {
                    const f = r.figures!;
                    const id = r.regencyCode;
                    return (
                      <Table.Tr key={id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {r.site?.name ?? r.regencyName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {r.regencyName}
                          </Text>
                        </Table.Td>
                        <Table.Td>{cell(f.agencies, plain, `fig-agencies-${id}`)}</Table.Td>
                        <Table.Td>{cell(f.services, plain, `fig-services-${id}`)}</Table.Td>
                        <Table.Td>{cell(f.visitorsLast30Days, plain, `fig-visitors-${id}`)}</Table.Td>
                        <Table.Td>{cell(f.waitMinutesMean, (x) => t('dashboard.fig.minutes', { value: formatNumber(x.value!, lang) }), `fig-wait-${id}`)}</Table.Td>
                        <Table.Td>{cell(f.ikm, (x) => `${formatNumber(x.value!, lang)}${f.ikm.grade ? ` (${f.ikm.grade})` : ''}`, `fig-ikm-${id}`)}</Table.Td>
                        <Table.Td>{cell(f.complaintsOnTime, share, `fig-complaints-${id}`)}</Table.Td>
                        <Table.Td>{cell(f.applicationsOnTime, share, `fig-applications-${id}`)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {asOf && (
              <Text size="xs" c="dimmed">
                {t('dashboard.fig.asOf', { date: formatDate(asOf, lang) })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
