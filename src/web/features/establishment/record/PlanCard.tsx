import { Alert, Button, Card, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DateField } from '../../../app/admin';
import { useTranslation } from 'react-i18next';
import { useAdminSubmit } from '../../../app/admin';
import { useUpdatePlan } from '../api';
import { NS } from '../i18n';
import { REACHABLE_STAGES, type MppRecord } from '../types';

/** The planned date of each stage, the plan note (national batch) and the note on the MPP. */
export function PlanCard({ record, editable }: { record: MppRecord; editable: boolean }) {
  const { t } = useTranslation(NS);
  const save = useUpdatePlan(record.regencyCode);
  const form = useAdminSubmit(save, (f) => f.startsWith('plan') || f === 'note');
  const [plan, setPlan] = useState<Record<string, string>>(record.plan);
  const [planNote, setPlanNote] = useState(record.planNote);
  const [note, setNote] = useState(record.note);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(REACHABLE_STAGES.map((s) => [s, plan[s] || null]));
    form.submit({}, { plan: body, planNote, note }, { success: () => t('record.planSaved') });
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="plan-title">
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="plan-title">
            {t('record.plan')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('record.planHint')}
          </Text>
          {form.server.summary && <Alert color="red">{form.server.summary}</Alert>}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            {REACHABLE_STAGES.map((s) => (
              <DateField
                key={s}
                label={t(`stage.${s}`)}
                value={plan[s] ?? ''}
                onChange={(v) => setPlan((p) => ({ ...p, [s]: v }))}
                error={form.errors[`plan.${s}`]}
                disabled={!editable}
                data-testid={`plan-${s}`}
              />
            ))}
          </SimpleGrid>
          <TextInput label={t('record.planNote')} value={planNote} onChange={(e) => setPlanNote(e.currentTarget.value)} maxLength={500} disabled={!editable} />
          <Textarea label={t('record.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} disabled={!editable} error={form.errors.note} />
          {editable && (
            <Button type="submit" variant="light" loading={form.pending} w="fit-content">
              {t('record.savePlan')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}
