import { Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, type ApplicationStatus } from '../../../../domain/applications';
import { DialogFormActions, FormAlert, useAdminSubmit, useFormValues } from '../../../app/admin';
import { useTransition } from '../api';
import '../i18n';
import type { ApplicationDetail } from '../types';

const FIELDS = new Set(['note', 'missing', 'collector', 'collector.name', 'collector.powerOfAttorney', 'to', 'version']);
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** The label of the move to `to` from where `a` stands (leaving `incomplete` is accepting the file). */
export const moveKey = (a: ApplicationDetail, to: ApplicationStatus) => (to === 'in_process' && a.status === 'incomplete' ? 'resume' : to);

/**
 * One move of an application, with what it needs: what is missing (incomplete), the reason
 * (rejected), who collected (collected), an optional note for the rest. Rejecting and recording
 * a withdrawal end the application: the dialog says so and its button is red.
 */
export function TransitionDialog({ a, to, onClose }: { a: ApplicationDetail; to: ApplicationStatus | null; onClose: () => void }) {
  const { t } = useTranslation('applications');
  return (
    <Modal opened={to !== null} onClose={onClose} size="md" closeButtonProps={{ 'aria-label': t('close') }} title={to ? <Title a={a} to={to} /> : null} data-testid="transition-dialog">
      {to && <TransitionForm key={to} a={a} to={to} onClose={onClose} />}
    </Modal>
  );
}

function Title({ a, to }: { a: ApplicationDetail; to: ApplicationStatus }) {
  const { t } = useTranslation('applications');
  const number = a.registrationNumber;
  if (to === 'rejected') return <>{t('dialog.rejectTitle', { number })}</>;
  if (to === 'withdrawn') return <>{t('dialog.withdrawTitle', { number })}</>;
  if (to === 'collected') return <>{t('dialog.collectTitle', { number })}</>;
  if (to === 'incomplete') return <>{t('dialog.incompleteTitle', { number })}</>;
  return <>{t('dialog.plainTitle', { action: t(`move.${moveKey(a, to)}`), number })}</>;
}

function TransitionForm({ a, to, onClose }: { a: ApplicationDetail; to: ApplicationStatus; onClose: () => void }) {
  const { t } = useTranslation('applications');
  const move = useTransition(a.id);
  const form = useAdminSubmit(move, (f) => FIELDS.has(f) || f.startsWith('missing.'));
  const [v, set] = useFormValues(() => ({ note: '', missing: a.missing.join('\n'), kind: 'applicant' as 'applicant' | 'proxy', name: '', poa: '' }), form.clear);
  const err = form.errors;
  const danger = to === 'rejected' || to === 'withdrawn';
  const message = { rejected: 'dialog.rejectMessage', withdrawn: 'dialog.withdrawMessage', collected: 'dialog.collectMessage', incomplete: 'dialog.incompleteMessage' } as const;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (to === 'incomplete' && !lines(v.missing).length) found.missing = t('dialog.needMissing');
    if (to === 'rejected' && !v.note.trim()) found.note = t('dialog.needReason');
    form.submit(
      found,
      {
        to,
        version: a.version,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...(to === 'incomplete' ? { missing: lines(v.missing) } : {}),
        ...(to === 'collected' ? { collector: v.kind === 'proxy' ? { kind: 'proxy' as const, name: v.name.trim() || undefined, powerOfAttorney: v.poa.trim() || undefined } : { kind: 'applicant' as const } } : {}),
      },
      { success: (saved) => t('detail.moved', { number: saved.registrationNumber, status: t(`status.${saved.status}`) }), onSaved: onClose },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.server.summary} />
        {to in message && <Text size="sm">{t(message[to as keyof typeof message])}</Text>}
        {to === 'incomplete' && (
          <Textarea label={t('dialog.missing')} required autosize minRows={3} maxRows={8} value={v.missing} onChange={(e) => set('missing', e.currentTarget.value)} error={err.missing} data-autofocus data-testid="transition-missing" />
        )}
        {to === 'collected' && (
          <Radio.Group label={t('dialog.collector')} value={v.kind} onChange={(k) => set('kind', k as 'applicant' | 'proxy')} error={err.collector}>
            <Stack gap={6} mt="xs">
              <Radio value="applicant" label={t('dialog.collectorApplicant')} data-testid="collector-applicant" />
              <Radio value="proxy" label={t('dialog.collectorProxy')} data-testid="collector-proxy" />
            </Stack>
          </Radio.Group>
        )}
        {to === 'collected' && v.kind === 'proxy' && (
          <>
            <TextInput label={t('dialog.proxyName')} required maxLength={120} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={err['collector.name']} />
            <TextInput label={t('dialog.powerOfAttorney')} required maxLength={200} value={v.poa} onChange={(e) => set('poa', e.currentTarget.value)} error={err['collector.powerOfAttorney']} />
          </>
        )}
        <Textarea
          label={to === 'rejected' ? t('dialog.reason') : t('dialog.note')}
          required={to === 'rejected'}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={NOTE_MAX}
          value={v.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={err.note}
          data-autofocus={to !== 'incomplete' ? true : undefined}
          data-testid="transition-note"
        />
        <DialogFormActions onCancel={onClose} submitLabel={danger ? t(`move.${to}`) : t('dialog.confirm')} loading={form.pending} testId="transition-submit" />
      </Stack>
    </form>
  );
}
