import { Anchor, Badge, Button, Card, Grid, Group, List, Modal, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconExternalLink, IconPrinter, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApplicationStatus } from '../../../../domain/applications';
import { PageLoader } from '../../../app/PageLoader';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { formatDate, formatDateTimeShort } from '../../../lib/format';
import { useApplication } from '../api';
import '../i18n';
import { Deadline, INK, StatusBadge } from '../parts';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import type { ApplicationDetail } from '../types';
import { useApplicationsScope } from './scope';
import { moveKey, TransitionDialog } from './TransitionDialog';

const DANGER: ReadonlySet<ApplicationStatus> = new Set(['rejected', 'withdrawn']);
const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/** One application: where it stands, the applicant (masked), the checklist, its history and the moves it allows. */
export default function DetailView() {
  const { t } = useTranslation('applications');
  const { id = '' } = useParams();
  const q = useApplication(id);
  usePageTitle(q.data ? t('detail.title', { number: q.data.registrationNumber }) : t('board.title'));
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return <Detail a={q.data} />;
}

function Detail({ a }: { a: ApplicationDetail }) {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const scope = useApplicationsScope();
  const [to, setTo] = useState<ApplicationStatus | null>(null);
  const [receipt, setReceipt] = useState(false);
  const manages = scope.manages(a.agency.id);
  const tz = a.site.timeZone;
  return (
    <Stack gap="md" data-testid="application-detail">
      <Anchor component={Link} to="/applications" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('detail.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} ff="monospace" data-testid="detail-number">
            {a.registrationNumber}
          </Title>
          <Group gap="xs">
            <StatusBadge status={a.status} size="lg" />
            <Badge variant="outline" color="gray">
              {t(`detail.channel.${a.channel}`)}
            </Badge>
            {a.ticket && <Badge variant="outline" color="gray">{t('detail.ticket', { number: a.ticket.number })}</Badge>}
            {a.onTime !== null && <Badge color={a.onTime ? 'green' : 'red'} variant="light" styles={{ label: { color: a.onTime ? INK.green : INK.red } }}>{a.onTime ? t('deadline.onTime') : t('deadline.late')}</Badge>}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden="true" />} onClick={() => setReceipt(true)} data-testid="detail-receipt">
            {t('detail.receipt')}
          </Button>
          <Button component="a" href={a.trackingPath} target="_blank" rel="noopener" variant="subtle" rightSection={<IconExternalLink size={16} aria-hidden="true" />}>
            {t('detail.publicPage')}
          </Button>
        </Group>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder>
              <Stack gap="xs">
                <Row label={t('detail.service')} value={`${a.service.name} · ${a.agency.name}`} />
                <Row label={t('detail.standard')} value={a.service.durationText} />
                <Row label={t('detail.code')} value={a.trackingCode} mono testId="detail-code" />
                {a.receivedOn && <Row label={t('detail.received')} value={formatDate(a.receivedOn, lang, DAY)} />}
                {a.closedOn && <Row label={t('detail.closed')} value={formatDate(a.closedOn, lang, DAY)} />}
                <Group gap="md" align="flex-start">
                  <Text size="sm" c="dimmed" w={160}>
                    {t('deadline.due')}
                  </Text>
                  <Deadline d={a} lang={lang} />
                </Group>
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('detail.applicant')}
              </Title>
              <Stack gap={4}>
                <Text fw={600}>{a.applicant.name}</Text>
                {a.applicant.nik && <Row label={t('detail.nik')} value={a.applicant.nik} mono />}
                {a.applicant.phone && <Row label={t('detail.phone')} value={a.applicant.phone} mono />}
                {a.applicant.email && <Row label={t('detail.email')} value={a.applicant.email} />}
                {a.collectedBy && <Text size="sm">{t(`detail.collectedBy.${a.collectedBy}`)}</Text>}
              </Stack>
            </Card>
            {a.checklist.length > 0 && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  {t('detail.checklist')}
                </Title>
                <List spacing={4} size="sm" listStyleType="none">
                  {a.checklist.map((c) => (
                    <List.Item key={c.documentTypeKey} icon={c.received ? <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden="true" /> : <IconX size={16} color="var(--mantine-color-red-7)" aria-hidden="true" />}>
                      {c.name} <Text span size="xs" c="dimmed">({c.received ? t('detail.receivedItem') : t('detail.missingItem')})</Text>
                    </List.Item>
                  ))}
                </List>
              </Card>
            )}
            {a.missing.length > 0 && (
              <Card withBorder bg="orange.0" data-testid="detail-missing">
                <Title order={3} size="h5" mb="xs">
                  {t('detail.missing')}
                </Title>
                <List size="sm">
                  {a.missing.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {manages && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  {t('detail.actions')}
                </Title>
                {a.next.length === 0 ? (
                  <Text size="sm" c="dimmed">{t('detail.noActions')}</Text>
                ) : (
                  <Stack gap="xs">
                    {a.next.map((s) => (
                      <Button key={s} fullWidth variant={DANGER.has(s) ? 'light' : 'filled'} color={DANGER.has(s) ? 'red' : s === 'incomplete' ? 'orange' : undefined} onClick={() => setTo(s)} data-testid={`move-${s}`}>
                        {t(`move.${moveKey(a, s)}`)}
                      </Button>
                    ))}
                  </Stack>
                )}
              </Card>
            )}
            <Card withBorder>
              <Title order={3} size="h5" mb="sm">
                {t('detail.history')}
              </Title>
              <Timeline active={a.history.length - 1} bulletSize={14} lineWidth={2} data-testid="detail-history">
                {a.history.map((h, i) => (
                  <Timeline.Item key={`${h.at}-${i}`} title={t(`status.${h.status}`)}>
                    <Text size="xs" c="dimmed">
                      {formatDateTimeShort(h.at, lang, tz)} · {t('detail.by', { by: h.by })}
                    </Text>
                    {h.note && <Text size="sm">{h.note}</Text>}
                    {h.missing && <Text size="sm">{h.missing.join(', ')}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <TransitionDialog a={a} to={to} onClose={() => setTo(null)} />
      <Modal opened={receipt} onClose={() => setReceipt(false)} size="lg" closeButtonProps={{ 'aria-label': t('close') }} title={t('receipt.title')}>
        {receipt && <ReceiptPanel a={a} onClose={() => setReceipt(false)} />}
      </Modal>
    </Stack>
  );
}

function Row({ label, value, mono, testId }: { label: string; value: string; mono?: boolean; testId?: string }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={160} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" fw={500} ff={mono ? 'monospace' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
