import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminSubmit } from '../../../app/admin';
import { usePublicAgencies } from '../../catalog/api';
import { useStaffActions } from '../api';
import '../i18n';
import { MESSAGE_MAX, type ComplaintDetail, type Target, type TransitionBody } from '../types';
import { useComplaintsScope } from './scope';

type Step = Target | 'assign';
const FIELDS = new Set(['agencyId', 'text', 'forwardedTo', 'category']);
const COLOR: Record<Step, string | undefined> = { verified: undefined, assign: 'gray', responded: 'teal', not_authority: 'orange', closed: 'red' };

/**
 * The next steps the server offers this caller (`actions`), plus reassigning for the desk. Each
 * opens its dialog; the ones that end the complaint (bukan wewenang, tutup) say so and ask first.
 */
export function ActionsPanel({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation('complaints');
  const scope = useComplaintsScope();
  const [open, setOpen] = useState<Step | null>(null);
  const steps: Step[] = [...c.actions];
  if (scope.desk && c.status === 'verified') steps.splice(1, 0, 'assign');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="complaint-actions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="complaint-actions">
          {t('detail.actions')}
        </Title>
        {steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.noActions')}
          </Text>
        ) : (
          <Group gap="xs">
            {steps.map((s, i) => (
              <Button key={s} variant={i === 0 ? 'filled' : 'light'} color={COLOR[s]} onClick={() => setOpen(s)} data-testid={`complaint-action-${s}`}>
                {t(`action.${s}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {open && <StepDialog key={open} c={c} step={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

const TITLES = { verified: 'action.verifyTitle', assign: 'action.assignTitle', not_authority: 'action.forwardTitle', responded: 'action.respondTitle', closed: 'action.closeTitle' } as const;
const INTROS = { verified: 'action.verifyIntro', assign: 'action.assignIntro', not_authority: 'action.forwardIntro', responded: 'action.respondIntro', closed: 'action.closeMessage' } as const;

function StepDialog({ c, step, onClose }: { c: ComplaintDetail; step: Step; onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const { transition, assign } = useStaffActions(c.id);
  const scope = useComplaintsScope();
  const agencyList = usePublicAgencies(scope.siteId ?? undefined);
  const [agencyId, setAgencyId] = useState(step === 'verified' ? (c.requestedAgency?.id ?? '') : '');
  const [category, setCategory] = useState(c.category ?? '');
  const [forwardedTo, setForwardedTo] = useState('');
  const [text, setText] = useState('');
  const moving = useAdminSubmit(transition, (f) => FIELDS.has(f));
  const reassigning = useAdminSubmit(assign, (f) => FIELDS.has(f));
  const form = step === 'assign' ? reassigning : moving;
  const nameOf = (id: string) => agencyList.data?.find((a) => a.id === id)?.name ?? '';
  const options = (agencyList.data ?? []).filter((a) => step !== 'assign' || a.id !== c.agency?.id).map((a) => ({ value: a.id, label: a.name }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if ((step === 'verified' || step === 'assign') && !agencyId) found.agencyId = t('form.required');
    if (step === 'responded' && !text.trim()) found.text = t('form.required');
    if (step === 'not_authority' && forwardedTo.trim().length < 2) found.forwardedTo = t('form.required');
    if (step === 'assign') {
      return reassigning.submit(found, agencyId, { success: () => t('action.assigned', { agency: nameOf(agencyId) }), onSaved: onClose });
    }
    const body: TransitionBody = { to: step, text: text.trim() || null };
    if (step === 'verified') Object.assign(body, { agencyId, category: category.trim() || null });
    if (step === 'not_authority') body.forwardedTo = forwardedTo.trim();
    const done = { verified: t('action.verifiedDone', { agency: nameOf(agencyId) }), not_authority: t('action.forwarded'), responded: t('action.respondedDone'), closed: t('action.closedDone') }[step];
    moving.submit(found, body, { success: () => done, onSaved: onClose });
  };

  const danger = step === 'closed' || step === 'not_authority';
  return (
    <Modal opened onClose={onClose} title={t(TITLES[step])} centered size="lg">
      <form ref={form.formRef} onSubmit={submit} noValidate data-testid={`complaint-dialog-${step}`}>
        <Stack gap="sm">
          <Text size="sm" c={danger ? 'red.8' : 'dimmed'}>
            {step === 'closed' ? t('action.closeMessage', { title: c.title }) : t(INTROS[step])}
          </Text>
          {form.server.summary && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} role="alert" data-testid="complaint-dialog-error">
              {form.server.summary}
            </Alert>
          )}
          {(step === 'verified' || step === 'assign') && (
            <Select label={t('action.agency')} data={options} value={agencyId || null} onChange={(v) => { setAgencyId(v ?? ''); form.clear('agencyId'); }} error={form.errors.agencyId} searchable withAsterisk data-testid="complaint-dialog-agency" />
          )}
          {step === 'verified' && <TextInput label={t('action.category')} value={category} onChange={(e) => setCategory(e.currentTarget.value)} maxLength={100} error={form.errors.category} />}
          {step === 'not_authority' && (
            <TextInput label={t('action.forwardedTo')} placeholder={t('action.forwardedToPlaceholder')} value={forwardedTo} onChange={(e) => { setForwardedTo(e.currentTarget.value); form.clear('forwardedTo'); }} error={form.errors.forwardedTo} maxLength={200} withAsterisk data-testid="complaint-dialog-forwarded" />
          )}
          {step !== 'assign' && (
            <Textarea
              label={step === 'responded' ? t('action.response') : step === 'closed' ? t('action.closeReply') : t('action.forwardReply')}
              value={text}
              onChange={(e) => { setText(e.currentTarget.value); form.clear('text'); }}
              error={form.errors.text}
              autosize
              minRows={step === 'responded' ? 5 : 2}
              maxLength={MESSAGE_MAX}
              withAsterisk={step === 'responded'}
              data-testid="complaint-dialog-text"
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} data-autofocus={danger || undefined}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : COLOR[step]} loading={form.pending} data-testid="complaint-dialog-submit">
              {danger ? t('action.confirm') : t(`action.${step}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
