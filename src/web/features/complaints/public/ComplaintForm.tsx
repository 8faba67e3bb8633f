import { Alert, Button, FileInput, Radio, Select, Stack, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconPaperclip } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { useFormErrors } from '../../../lib/useFormErrors';
import { usePublicAgencies, usePublicServices } from '../../catalog/api';
import { fileComplaint, useCitizenSelf } from '../api';
import '../i18n';
import { BODY_MAX, COMPLAINT_CLASSIFICATIONS, TITLE_MAX, type Classification, type FileBody, type Filed } from '../types';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_FILES, ATTACHMENT_MAX_MB, checkAttachments } from './attachments';
import { ReporterFields, type Privacy, type Reporter } from './ReporterFields';

const FIELDS = new Set(['classification', 'title', 'body', 'agencyId', 'serviceId', 'trackingCode', 'serviceDate', 'reporter.name', 'reporter.phone', 'reporter.email', 'attachments']);
const PHONE = /^\+?[0-9 ()-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Prefill {
  trackingCode?: string;
  serviceId?: string;
}

/**
 * The complaint form (DESIGN §7 fields), for the public page and for an officer at the front desk
 * (the staff session makes the server record it as a walk-in). Attachments go up after filing,
 * with the tracking code: `onFiled` gets them to upload.
 */
export function ComplaintForm({ siteId, prefill, source, walkIn, onFiled }: { siteId: string; prefill: Prefill; source: FileBody['source']; walkIn?: boolean; onFiled: (filed: Filed, files: File[], anonymous: boolean) => void }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const [classification, setClassification] = useState<Classification>('pengaduan');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [serviceId, setServiceId] = useState(prefill.serviceId ?? '');
  const [trackingCode, setTrackingCode] = useState(prefill.trackingCode ?? '');
  const [serviceDate, setServiceDate] = useState('');
  const [privacy, setPrivacy] = useState<Privacy>('open');
  const [reporter, setReporter] = useState<Reporter>({ name: '', phone: '', email: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [homepage, setHomepage] = useState('');
  const file = useMutation({ mutationFn: (b: FileBody) => fileComplaint(siteId, b), meta: { inlineErrors: true } });
  const form = useFormErrors(file.error, (f) => FIELDS.has(f));
  const agencies = usePublicAgencies(siteId);
  const services = usePublicServices(siteId, '', agencyId || undefined);
  // A signed-in citizen need not type who they are (an officer's walk-in is somebody else).
  const self = useCitizenSelf(!walkIn);
  useEffect(() => {
    const me = self.data;
    if (!me) return;
    setReporter((r) => (r.name || r.phone || r.email ? r : { name: me.name ?? '', phone: me.contactKind === 'phone' ? me.contact : '', email: me.contactKind === 'email' ? me.contact : '' }));
  }, [self.data]);

  const agencyOptions = useMemo(() => [{ value: '', label: t('form.dontKnow') }, ...(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))], [agencies.data, t]);
  const serviceOptions = useMemo(() => [{ value: '', label: t('form.dontKnow') }, ...(services.data ?? []).map((s) => ({ value: s.id, label: agencyId ? s.name : `${s.name} · ${s.agency.shortName || s.agency.name}` }))], [services.data, agencyId, t]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('form.required');
    else if (title.trim().length > TITLE_MAX) found.title = t('form.tooLong', { max: TITLE_MAX });
    if (!body.trim()) found.body = t('form.required');
    else if (body.trim().length > BODY_MAX) found.body = t('form.tooLong', { max: formatNumber(BODY_MAX, lang) });
    if (privacy !== 'anonymous') {
      if (reporter.name.trim().length < 2) found['reporter.name'] = t('form.required');
      if (reporter.phone.trim() && !PHONE.test(reporter.phone.trim())) found['reporter.phone'] = t('form.invalidPhone');
      if (reporter.email.trim() && !EMAIL.test(reporter.email.trim())) found['reporter.email'] = t('form.invalidEmail');
    }
    const problem = checkAttachments(files);
    if (problem) found.attachments = problem.key === 'tooMany' ? t('form.tooMany', { max: ATTACHMENT_MAX_FILES }) : t(`form.${problem.key}`, { name: problem.name, size: ATTACHMENT_MAX_MB });
    if (!form.check(found)) return;
    const anonymous = privacy === 'anonymous';
    const b: FileBody = {
      classification,
      title: title.trim(),
      body: body.trim(),
      agencyId: agencyId || null,
      serviceId: serviceId || null,
      trackingCode: trackingCode.trim() || null,
      serviceDate: serviceDate || null,
      anonymous,
      confidential: privacy === 'confidential',
      reporter: anonymous ? null : { name: reporter.name.trim(), phone: reporter.phone.trim() || null, email: reporter.email.trim() || null },
      source,
      homepage,
    };
    file.mutate(b, { onSuccess: (filed) => onFiled(filed, files, anonymous), onError: () => form.focusError() });
  };

  const err = form.errors;
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-describedby={form.server.summary ? 'complaint-form-error' : undefined} data-testid="complaint-form">
      <Stack gap="md">
        <div aria-live="assertive" aria-atomic="true">
          {form.server.summary && (
            <Alert id="complaint-form-error" color="red" icon={<IconAlertCircle aria-hidden="true" />} title={t('form.hasErrors')} data-testid="complaint-form-error">
              {form.server.summary}
            </Alert>
          )}
        </div>
        <Radio.Group label={t('form.kind')} value={classification} onChange={(v) => setClassification(v as Classification)} withAsterisk>
          <Stack gap="xs" mt={4}>
            {COMPLAINT_CLASSIFICATIONS.map((c) => (
              <Radio key={c} value={c} label={t(`classification.${c}`)} description={t(`classificationHint.${c}`)} data-testid={`complaint-kind-${c}`} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput label={t('form.subject')} placeholder={t('form.subjectPlaceholder')} value={title} onChange={(e) => { setTitle(e.currentTarget.value); form.clear('title'); }} error={err.title} maxLength={TITLE_MAX} withAsterisk data-testid="complaint-title" />
        <Textarea
          label={t('form.body')}
          description={t('form.bodyHint')}
          value={body}
          onChange={(e) => { setBody(e.currentTarget.value); form.clear('body'); }}
          error={err.body}
          autosize
          minRows={5}
          maxRows={14}
          maxLength={BODY_MAX}
          withAsterisk
          data-testid="complaint-body"
        />
        <Text size="xs" c="dimmed" mt={-12} aria-live="polite">
          {t('form.chars', { count: body.length, max: formatNumber(BODY_MAX, lang) })}
        </Text>
        <Select label={t('form.agency')} data={agencyOptions} value={agencyId} onChange={(v) => { setAgencyId(v ?? ''); setServiceId(''); form.clear('agencyId'); }} error={err.agencyId} searchable allowDeselect={false} data-testid="complaint-agency" />
        <Select label={t('form.service')} data={serviceOptions} value={serviceId} onChange={(v) => { setServiceId(v ?? ''); form.clear('serviceId'); }} error={err.serviceId} searchable allowDeselect={false} data-testid="complaint-service" />
        <TextInput label={t('form.ticketCode')} description={t('form.ticketCodeHint')} value={trackingCode} onChange={(e) => { setTrackingCode(e.currentTarget.value); form.clear('trackingCode'); }} error={err.trackingCode} autoCapitalize="characters" autoComplete="off" data-testid="complaint-ticket" />
        {!trackingCode.trim() && (
          <TextInput type="date" label={t('form.serviceDate')} description={t('form.serviceDateHint')} value={serviceDate} onChange={(e) => { setServiceDate(e.currentTarget.value); form.clear('serviceDate'); }} error={err.serviceDate} w={{ base: '100%', sm: 240 }} data-testid="complaint-date" />
        )}
        <ReporterFields privacy={privacy} onPrivacy={setPrivacy} reporter={reporter} onReporter={(r, field) => { setReporter(r); form.clear(`reporter.${field}`); }} errors={err} />
        <FileInput
          label={t('form.attachments')}
          description={t('form.attachmentsHint', { size: ATTACHMENT_MAX_MB, max: ATTACHMENT_MAX_FILES })}
          placeholder={t('form.attachmentsPlaceholder')}
          multiple
          clearable
          clearButtonProps={{ 'aria-label': t('form.attachmentsClear') }}
          accept={ATTACHMENT_ACCEPT}
          value={files}
          onChange={(v) => { setFiles(v); form.clear('attachments'); }}
          error={err.attachments}
          leftSection={<IconPaperclip size={16} aria-hidden="true" />}
          data-testid="complaint-files"
        />
        {/* A field people never see; form-filling bots do (the server refuses a filled one). */}
        <VisuallyHidden aria-hidden="true">
          <label>
            {t('form.honeypot')}
            <input type="text" name="homepage" tabIndex={-1} autoComplete="off" value={homepage} onChange={(e) => setHomepage(e.currentTarget.value)} />
          </label>
        </VisuallyHidden>
        <div>
          <Button type="submit" size="md" loading={file.isPending} data-testid="complaint-submit">
            {walkIn ? t('form.submitWalkIn') : t('form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
