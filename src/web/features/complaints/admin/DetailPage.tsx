import { Alert, Anchor, Badge, Card, Grid, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatDateTimeShort } from '../../../lib/format';
import { useSites } from '../../catalog/api';
import { useComplaint } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { PageHeader } from '../components/PageHeader';
import '../i18n';
import { COMPLAINT_EVENTS, type ComplaintDetail } from '../types';
import { ActionsPanel } from './ActionsPanel';
import { FilesCard } from './FilesCard';
import { MessagesCard } from './MessagesCard';
import { useComplaintsScope } from './scope';
import { Summary } from './Summary';

const EVENTS: ReadonlySet<string> = new Set(COMPLAINT_EVENTS);
type KnownEvent = (typeof COMPLAINT_EVENTS)[number];

/** `/admin/complaints/:id`: one complaint as the caller may see it, with what they may do next. */
export default function DetailPage() {
  const { t } = useTranslation('complaints');
  const { id } = useParams();
  const q = useComplaint(id);
  const back = (
    <Anchor component={Link} to=".." relative="path" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('detail.back')}
      </Group>
    </Anchor>
  );
  if (q.isPending) return <Stack>{back}<Skeleton h={480} /></Stack>;
  if (q.isError) {
    const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <Stack>
        {back}
        {missing ? <Alert color="red">{t('detail.notFound')}</Alert> : <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      </Stack>
    );
  }
  return <Detail c={q.data} back={back} />;
}

function Detail({ c, back }: { c: ComplaintDetail; back: React.ReactNode }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const scope = useComplaintsScope();
  const zone = useSites().data?.find((s) => s.id === scope.siteId)?.timeZone;
  return (
    <Stack gap="md" data-testid="complaint-detail">
      {back}
      <PageHeader
        title={`${c.reference} · ${c.title}`}
        actions={<StatusBadge status={c.status} testId="complaint-status" />}
      />
      {c.overdue && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} data-testid="complaint-overdue">
          {t(`admin.overdue.${c.overdue}`)}
          {c.escalated ? ` · ${t('admin.escalated')}` : ''}
        </Alert>
      )}
      {c.lateFiling && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('detail.lateFiling')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder padding="lg" component="section" aria-labelledby="complaint-body">
              <Stack gap="xs">
                <Title order={2} size="h4" id="complaint-body">
                  {t('detail.body')}
                </Title>
                <Text style={{ whiteSpace: 'pre-line' }} data-testid="complaint-body-text">
                  {c.body}
                </Text>
              </Stack>
            </Card>
            <ActionsPanel c={c} />
            <MessagesCard c={c} zone={zone} />
            <FilesCard c={c} zone={zone} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Summary c={c} zone={zone} desk={scope.desk} />
            <Card withBorder padding="lg" component="section" aria-labelledby="complaint-history">
              <Stack gap="xs">
                <Title order={2} size="h4" id="complaint-history">
                  {t('detail.history')}
                </Title>
                <List spacing={6} size="sm" listStyleType="none" p={0}>
                  {c.history.map((h, i) => (
                    <List.Item key={i}>
                      <Text size="sm">
                        {EVENTS.has(h.type) ? t(`detail.event.${h.type as KnownEvent}`) : t('detail.event.other')}
                        {h.status && h.type !== 'complaint.message_added' ? (
                          <Badge size="xs" variant="outline" ml={6}>
                            {t(`status.${h.status}`)}
                          </Badge>
                        ) : null}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTimeShort(h.at, lang, zone)}
                        {h.by ? ` · ${t('detail.historyBy', { by: h.by === 'reporter' ? t('from.reporter') : h.by })}` : ''}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
