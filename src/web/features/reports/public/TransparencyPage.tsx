import { Anchor, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { dateInZone, formatMonth } from '../../../lib/format';
import { useSiteDetail } from '../../catalog/api';
import { useTransparency } from '../api';
import { fmtCount, fmtIkm, fmtMinutes } from '../figures';
import '../i18n';
import { previousMonth, recentMonths } from '../period';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={32} fw={800} lh={1.2} data-testid={`${testId}-value`}>{value}</Text>
      {hint && <Text size="sm" c="dimmed">{hint}</Text>}
    </Card>
  );
}

/**
 * `/mpp/:slug/transparansi`: the published results of one MPP (no login) for last month, or an
 * earlier one: visitors, the average wait per agency, the IKM, complaints received and followed up.
 */
export default function TransparencyPage() {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const { slug = '' } = useParams();
  const site = useSiteDetail(slug);
  usePageTitle(site.data ? `${t('transparency.pageTitle')} · ${site.data.name}` : t('transparency.pageTitle'));
  const today = site.data ? (site.data.today?.date ?? dateInZone(new Date(), site.data.timeZone)) : null;
  const months = today ? recentMonths(previousMonth(today), 12) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? months[0] ?? '';
  const figures = useTransparency(site.data?.id, month);
  const d = figures.data;
  return (
    <PublicShell>
      <Stack gap="md" py="md">
        {site.error ? <QueryError error={site.error} /> : null}
        <Anchor component={Link} to={`/mpp/${slug}`}>{t('transparency.back')}</Anchor>
        <Title order={1}>{t('transparency.pageTitle')}</Title>
        {site.data && month && <Text>{t('transparency.intro', { site: site.data.name, month: formatMonth(month, lang) })}</Text>}
        {months.length > 0 && (
          <Select label={t('transparency.month')} data={months.map((m) => ({ value: m, label: formatMonth(m, lang) }))} value={month} onChange={(v) => v && setChosen(v)} allowDeselect={false} w={240} data-testid="transparency-month" />
        )}
        {figures.error ? <QueryError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
        {!d ? (
          figures.error || site.error ? null : <Skeleton height={240} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Figure testId="transparency-visitors" label={t('transparency.visitors')} value={fmtCount(d.visitors, lang)} />
              <Figure testId="transparency-ikm" label={t('transparency.ikm')} value={d.ikm === null ? t('none') : `${fmtIkm(d.ikm, lang)}${d.ikmGrade ? ` (${d.ikmGrade})` : ''}`} hint={d.ikm === null ? t('transparency.ikmNone') : undefined} />
              <Figure
                testId="transparency-complaints"
                label={t('transparency.complaints')}
                value={fmtCount(d.complaints.received, lang)}
                hint={`${t('transparency.followedUp')}: ${fmtCount(d.complaints.followedUp, lang)}`}
              />
            </SimpleGrid>
            {d.agencies.length === 0 ? (
              <Text c="dimmed">{t('transparency.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="transparency-agencies">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('transparency.agency')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('transparency.visitors')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('transparency.waitMean')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.agencies.map((a) => (
                      <Table.Tr key={a.agencyId} data-testid={`transparency-agency-${a.agencyId}`}>
                        <Table.Th scope="row" fw={600}>{a.name}</Table.Th>
                        <Table.Td ta="right">{fmtCount(a.visitors, lang)}</Table.Td>
                        <Table.Td ta="right">{a.waitMinutesMean === null ? t('none') : t('fmt.minutes', { n: fmtMinutes(a.waitMinutesMean, lang) })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group>
              <Text size="sm" c="dimmed">{t('transparency.note')}</Text>
            </Group>
          </>
        )}
      </Stack>
    </PublicShell>
  );
}
