import { Alert, Checkbox, Loader, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX } from '../../../../domain/applications';
import { nikMessages, normalizeNik, validateNik } from '../../../../domain/nik';
import { DialogFormActions, FormAlert, useAdminSubmit, useFormValues } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { usePublicService } from '../../catalog/api';
import { useRegisterApplication } from '../api';
import '../i18n';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import type { ApplicationDetail } from '../types';

export interface ServedTicket {
  id: string;
  number: string;
  serviceId: string;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const FIELDS = new Set(['applicant', 'applicant.nik', 'applicant.name', 'applicant.phone', 'applicant.email', 'received', 'missing', 'note', 'serviceId', 'ticketId', 'shareCode']);

/**
 * "Daftarkan permohonan" from the ticket being served: the applicant, the checklist of the service
 * standard's requirements (ticked as handed in), anything else missing, then the receipt to print.
 */
export default function RegisterDialog({ siteId, ticket, opened, onClose }: { siteId: string; ticket: ServedTicket | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('applications');
  const [done, setDone] = useState<ApplicationDetail | null>(null);
  const close = () => {
    setDone(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} size="lg" closeButtonProps={{ 'aria-label': t('close') }} title={done ? t('receipt.title') : t('register.title', { number: ticket?.number ?? '' })} data-testid="register-dialog">
      {done ? <ReceiptPanel a={done} onClose={close} /> : ticket && <RegisterForm siteId={siteId} ticket={ticket} onCancel={close} onDone={setDone} />}
    </Modal>
  );
}

function RegisterForm({ siteId, ticket, onCancel, onDone }: { siteId: string; ticket: ServedTicket; onCancel: () => void; onDone: (a: ApplicationDetail) => void }) {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const service = usePublicService(ticket.serviceId);
  const register = useRegisterApplication(siteId);
  const form = useAdminSubmit(register, (f) => FIELDS.has(f) || f.startsWith('received.') || f.startsWith('missing.'));
  const [v, set] = useFormValues(() => ({ nik: '', name: '', phone: '', email: '', shareCode: '', extra: '', note: '' }), form.clear);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const requirements = service.data?.standard.requirements ?? [];
  const missingCount = requirements.filter((r) => unticked.has(r.documentType.key)).length + lines(v.extra).length;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const nik = validateNik(v.nik, new Date());
    if (!v.nik.trim()) found['applicant.nik'] = t('register.needNik');
    else if (!nik.ok) found['applicant.nik'] = nikMessages[nik.reason][lang];
    if (v.name.trim().length < 2) found['applicant.name'] = t('register.needName');
    form.submit(
      found,
      {
        serviceId: ticket.serviceId,
        ticketId: ticket.id,
        applicant: { nik: normalizeNik(v.nik), name: v.name.trim(), phone: v.phone.trim() || null, email: v.email.trim() || null },
        received: requirements.map((r) => r.documentType.key).filter((k) => !unticked.has(k)),
        ...(lines(v.extra).length ? { missing: lines(v.extra) } : {}),
        ...(v.shareCode.trim() ? { shareCode: v.shareCode.trim().toUpperCase() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      },
      { success: (a) => t('register.done', { number: a.registrationNumber }), onSaved: onDone },
    );
  };

  if (service.isPending) return <Loader aria-label={t('loading')} />;
  if (service.isError) return <QueryError error={service.error} onRetry={() => void service.refetch()} />;
  const err = form.errors;
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={form.server.summary} />
        <Text size="sm">
          {t('register.service')}: <b>{service.data.name}</b> · {service.data.agency.name}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('register.nik')} description={t('register.nikHint')} required inputMode="numeric" autoComplete="off" maxLength={24} value={v.nik} onChange={(e) => set('nik', e.currentTarget.value)} error={err['applicant.nik'] || err.applicant} data-autofocus data-testid="register-nik" />
          <TextInput label={t('register.name')} required autoComplete="off" maxLength={120} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={err['applicant.name']} data-testid="register-name" />
          <TextInput label={t('register.phone')} type="tel" inputMode="tel" autoComplete="off" maxLength={20} value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={err['applicant.phone']} data-testid="register-phone" />
          <TextInput label={t('register.email')} type="email" autoComplete="off" maxLength={200} value={v.email} onChange={(e) => set('email', e.currentTarget.value)} error={err['applicant.email']} />
        </SimpleGrid>
        <TextInput label={t('register.shareCode')} description={t('register.shareCodeHint')} autoComplete="off" spellCheck={false} maxLength={20} value={v.shareCode} onChange={(e) => set('shareCode', e.currentTarget.value)} error={err.shareCode} data-testid="register-share-code" />
        <Checkbox.Group label={t('register.checklist')} description={t('register.checklistHint')} error={err.received} value={requirements.map((r) => r.documentType.key).filter((k) => !unticked.has(k))} onChange={(keys) => setUnticked(new Set(requirements.map((r) => r.documentType.key).filter((k) => !keys.includes(k))))}>
          <Stack gap={6} mt="xs" data-testid="register-checklist">
            {requirements.length === 0 && <Text size="sm" c="dimmed">{t('register.noRequirements')}</Text>}
            {requirements.map((r) => (
              <Checkbox key={r.documentType.key} value={r.documentType.key} label={r.documentType.name} description={r.note ?? undefined} data-testid="register-requirement" data-key={r.documentType.key} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label={t('register.extraMissing')} autosize minRows={2} maxRows={5} value={v.extra} onChange={(e) => set('extra', e.currentTarget.value)} error={err.missing} data-testid="register-missing" />
        <Textarea label={t('register.note')} autosize minRows={2} maxRows={5} maxLength={NOTE_MAX} value={v.note} onChange={(e) => set('note', e.currentTarget.value)} error={err.note} />
        {missingCount > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />} data-testid="register-incomplete">
            {t('register.incompleteWarning', { count: missingCount })}
          </Alert>
        )}
        <DialogFormActions onCancel={onCancel} submitLabel={t('register.submit')} loading={form.pending} testId="register-submit" />
      </Stack>
    </form>
  );
}
