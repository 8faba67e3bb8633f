import { Alert, Anchor, Badge, Button, Card, Grid, Group, Skeleton, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconArrowRight, IconChevronLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../app/policy';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { useCurrentUser } from '../../access/api';
import { useMppRecord } from '../api';
import { NS } from '../i18n';
import { StageBadge } from '../StageBadge';
import { STAGE_DAY } from '../stages';
import { MPP_STAGES, nextStage, previousStage, stageIndex, type MppRecord, type MppStage } from '../types';
import { ChecklistCard } from './ChecklistCard';
import { DocumentsCard } from './DocumentsCard';
import { PlanCard } from './PlanCard';
import { SiteCard } from './SiteCard';
import { StageDialog } from './StageDialog';

/** `/province/<regencyCode>`: one kabupaten/kota's MPP, its stages, checklist, plan, evidence, site and history. */
export default function RecordPage() {
  const { t } = useTranslation(NS);
  const { regencyCode = '' } = useParams();
  const record = useMppRecord(regencyCode);
  usePageTitle(record.data?.regencyName ?? t('dashboard.title'));
  const back = (
    <Anchor component={Link} to={record.data ? `/province?province=${record.data.provinceCode}` : '/province'} size="sm">
      <Group gap={4} component="span">
        <IconChevronLeft size={16} aria-hidden="true" />
        {t('record.back')}
      </Group>
    </Anchor>
  );
  if (record.isPending) return <Skeleton h={480} radius="md" />;
  if (record.isError)
    return (
      <Stack>
        {back}
        <QueryError error={record.error} onRetry={() => void record.refetch()} />
      </Stack>
    );
  return (
    <Stack gap="lg">
      {back}
      <Record record={record.data} />
    </Stack>
  );
}

function Record({ record }: { record: MppRecord }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const user = useCurrentUser();
  const editable = can(user, 'platform.manage');
  const [dialog, setDialog] = useState<{ to: MppStage; direction: 'advance' | 'back' } | null>(null);
  // Six steps side by side need a wide screen; a phone lists them top to bottom.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const next = nextStage(record.stage);
  const prev = previousStage(record.stage);
  const reachedOn = new Map(record.history.filter((h) => h.direction === 'advance').map((h) => [h.to, h.date] as const).reverse());

  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="record-title">
            {record.regencyName}
          </Title>
          <Group gap="xs">
            <StageBadge stage={record.stage} />
            <Text size="sm" c="dimmed" data-testid="record-stage" data-stage={record.stage}>
              {record.stageSince ? t('record.since', { date: formatDate(record.stageSince, lang), days: record.daysInStage }) : record.provinceName}
            </Text>
            {record.next?.late && (
              <Badge color="red" variant="light">
                {t('dashboard.late', { count: record.next.daysLate })}
              </Badge>
            )}
          </Group>
          {record.note && (
            <Text size="sm" maw={720}>
              {record.note}
            </Text>
          )}
        </Stack>
        {editable && (
          <Group gap="xs">
            {prev && (
              <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden="true" />} onClick={() => setDialog({ to: prev, direction: 'back' })} data-testid="stage-back">
                {t('record.stepBack', { stage: t(`stage.${prev}`) })}
              </Button>
            )}
            {next && (
              <Button rightSection={<IconArrowRight size={16} aria-hidden="true" />} onClick={() => setDialog({ to: next, direction: 'advance' })} data-testid="stage-advance">
                {t('record.advance', { stage: t(`stage.${next}`) })}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {!editable && <Alert color="gray">{t('record.readOnly')}</Alert>}

      <Card withBorder padding="md" component="section" aria-label={t('record.stepper')}>
        <Stepper active={stageIndex(record.stage)} size="sm" allowNextStepsSelect={false} wrap orientation={narrow ? 'vertical' : 'horizontal'}>
          {MPP_STAGES.slice(1).map((s) => (
            <Stepper.Step key={s} label={t(`stage.${s}`)} description={reachedOn.get(s) && stageIndex(s) <= stageIndex(record.stage) ? t('record.reachedOn', { date: formatDate(reachedOn.get(s)!, lang, STAGE_DAY) }) : undefined} />
          ))}
        </Stepper>
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <ChecklistCard record={record} editable={editable} />
            <PlanCard key={JSON.stringify(record.plan) + record.planNote + record.note} record={record} editable={editable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <DocumentsCard record={record} editable={editable} />
            <SiteCard record={record} editable={editable} />
            <History record={record} />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog && <StageDialog record={record} to={dialog.to} direction={dialog.direction} onClose={() => setDialog(null)} />}
    </>
  );
}

function History({ record }: { record: MppRecord }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="history-title">
          {t('record.history')}
        </Title>
        {record.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('record.historyEmpty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" style={{ paddingLeft: 18, margin: 0 }} data-testid="history-list">
            {record.history.map((h) => (
              <li key={h.id}>
                <Text size="sm">
                  {t(h.direction === 'advance' ? 'record.historyAdvance' : 'record.historyBack', { from: t(`stage.${h.from}`), to: t(`stage.${h.to}`), date: formatDate(h.date, lang, STAGE_DAY), by: h.by })}
                </Text>
                {h.reason && (
                  <Text size="xs" c="orange.9">
                    {t('record.reason', { reason: h.reason })}
                  </Text>
                )}
                {h.note && (
                  <Text size="xs" c="dimmed">
                    {h.note}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
