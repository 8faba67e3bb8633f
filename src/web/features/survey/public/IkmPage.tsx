import { Anchor, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { dateInZone, formatDate, formatNumber } from '../../../lib/format';
import { PERIOD_KINDS, periodOf, type PeriodKind } from '../../../../domain/survey';
import { useSiteDetail } from '../../catalog/api';
import { useAgencyIkm } from '../api';
import '../i18n';
import type { IkmFigures } from '../types';
import { GradeBadge } from '../components/GradeBadge';

/**
 * `/mpp/:slug/ikm`: the published index per agency of one MPP (the regulation requires the
 * results to be public), for this year, semester, quarter or month. Groups below the minimum
 * group size show their respondent count only.
 */
export default function IkmPage() {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const { slug = '' } = useParams();
  const site = useSiteDetail(slug);
  usePageTitle(site.data ? `${t('ikm.pageTitle')} · ${site.data.name}` : t('ikm.pageTitle'));
  const [kind, setKind] = useState<PeriodKind>('year');
  const narrow = useMediaQuery('(max-width: 40em)') ?? false;
  const today = site.data ? dateInZone(new Date(), site.data.timeZone) : null;
  const period = today ? periodOf(kind, site.data?.today?.date ?? today).key : '';
  const ikm = useAgencyIkm(site.data?.id, period);
  const min = ikm.data?.minGroupSize ?? 5;

  const value = (f: IkmFigures) =>
    f.ikmUnit !== null ? (
      <Text fw={800} size="lg">{formatNumber(f.ikmUnit, lang)}</Text>
    ) : (
      <Text c="dimmed" size="sm">{f.suppressed ? t('ikm.withheld', { min }) : t('ikm.none')}</Text>
    );

  return (
    <PublicShell>
      <Stack gap="md" py="md">
        {site.error ? <QueryError error={site.error} /> : null}
        <Anchor component={Link} to={`/mpp/${slug}`}>{t('ikm.back')}</Anchor>
        <Title order={1}>{t('ikm.pageTitle')}</Title>
        {site.data && ikm.data && (
          <Text>{t('ikm.intro', { site: site.data.name, from: formatDate(ikm.data.from, lang), to: formatDate(ikm.data.to, lang) })}</Text>
        )}
        <SegmentedControl
          aria-label={t('ikm.period')}
          fullWidth
          orientation={narrow ? 'vertical' : 'horizontal'}
          value={kind}
          onChange={(v) => setKind(v as PeriodKind)}
          data={[...PERIOD_KINDS].reverse().map((k) => ({ value: k, label: t(`ikm.periods.${k}`) }))}
        />
        {ikm.error ? <QueryError error={ikm.error} /> : null}
        {!ikm.data ? (
          <Skeleton height={200} />
        ) : (
          <>
            <Card withBorder padding="lg" data-testid="ikm-site">
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Text fw={700}>{t('ikm.site')}</Text>
                  <Text size="sm" c="dimmed" data-testid="ikm-site-respondents">
                    {t('ikm.respondents')}: {t('ikm.ofTarget', { n: formatNumber(ikm.data.site.respondents, lang), target: formatNumber(ikm.data.site.sampleTarget, lang) })}
                  </Text>
                </div>
                <Group>
                  {value(ikm.data.site)}
                  <GradeBadge f={ikm.data.site} />
                </Group>
              </Group>
            </Card>
            {ikm.data.agencies.length === 0 ? (
              <Text c="dimmed">{t('ikm.empty')}</Text>
            ) : (
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="ikm-agencies">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ikm.agency')}</Table.Th>
                    <Table.Th>{t('ikm.value')} · {t('ikm.grade')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ikm.data.agencies.map((a) => (
                    <Table.Tr key={a.agency.id} data-testid={`ikm-agency-${a.agency.id}`}>
                      <Table.Td>
                        <Text fw={600}>{a.agency.name}</Text>
                        <Text size="sm" c="dimmed" data-testid="ikm-agency-respondents">
                          {t('ikm.respondents')}: {t('ikm.ofTarget', { n: formatNumber(a.respondents, lang), target: formatNumber(a.sampleTarget, lang) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="wrap">
                          {value(a)}
                          <GradeBadge f={a} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed">{t('ikm.note', { min })}</Text>
          </>
        )}
      </Stack>
    </PublicShell>
  );
}
