import { Badge, Button, Card, Fieldset, FileInput, Group, Image, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDownload, IconFileText, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { DateField } from '../../../app/admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import type { Lang } from '../../../lib/api';
import { fieldErrors, notifySuccess, problemMessage } from '../../../lib/errors';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { AGENCY_KINDS, type AgencyAdmin, type AgencyInput, type AgencyKind, type WeeklyHours } from '../types';
import { AdminHeader, FormAlert, FormBreadcrumbs, nullIfEmpty, PageFormActions, TableSkeleton, useAdminSubmit, useConfirm, useFormValues, useToggleActive, type ActivationTexts } from '../../../app/admin';
import { AGENCY_FILES, P, useAgency, useRemoveAgencyFile, useSaveAgency, useSetAgencyActive, useUploadAgencyFile, type AgencyFileSlot } from './api';
import { cleanHours, HoursEditor, hoursErrors } from './HoursEditor';
import { useLang } from '../../../i18n';
import { useCatalogScope } from './scope';
import type { Translate } from '../../../i18n/texts';

interface Form {
  kind: AgencyKind | '';
  name: string;
  shortName: string;
  description: string;
  phone: string;
  email: string;
  website: string;
  agreementNumber: string;
  agreementSignedOn: string;
  agreementValidUntil: string;
  hours: WeeklyHours;
}

const DEFAULT_HOURS: WeeklyHours = {
  '1': [{ start: '08:00', end: '16:00' }],
  '2': [{ start: '08:00', end: '16:00' }],
  '3': [{ start: '08:00', end: '16:00' }],
  '4': [{ start: '08:00', end: '16:00' }],
  '5': [{ start: '08:00', end: '11:30' }, { start: '13:30', end: '16:00' }],
};

const fromAgency = (a?: AgencyAdmin): Form => ({
  // The server lists any stored kind; the form offers the known ones.
  kind: (a?.kind as AgencyKind | undefined) ?? '',
  name: a?.name ?? '',
  shortName: a?.shortName ?? '',
  description: a?.description ?? '',
  phone: a?.phone ?? '',
  email: a?.email ?? '',
  website: a?.website ?? '',
  agreementNumber: a?.agreement?.number ?? '',
  agreementSignedOn: a?.agreement?.signedOn ?? '',
  agreementValidUntil: a?.agreement?.validUntil ?? '',
  hours: a ? { ...a.hours } : DEFAULT_HOURS,
});

/** Server field paths → form fields. */
const FIELD_OF: Record<string, string> = {
  'agreement.number': 'agreementNumber',
  'agreement.signedOn': 'agreementSignedOn',
  'agreement.validUntil': 'agreementValidUntil',
  agreement: 'agreementNumber',
};
const FORM_FIELDS = new Set(['kind', 'name', 'shortName', 'description', 'phone', 'email', 'website', 'agreementNumber', 'agreementSignedOn', 'agreementValidUntil']);
const known = (f: string) => FORM_FIELDS.has(FIELD_OF[f] ?? f) || f === 'hours' || f.startsWith('hours.');

/** "2,4 MB", "180 KB", "512 B" in the UI language. */
function formatSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), lang)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, lang)} MB`;
}

const TYPE_LABELS: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** The texts that differ between an agency's files. */
const FILE_TEXTS = {
  agreement: { tooLarge: 'agency.documentTooLarge', wrongType: 'agency.documentWrongType', pick: 'agency.documentPick', replacePick: 'agency.documentReplacePick', limits: 'agency.documentLimits', placeholder: 'agency.documentPlaceholder' },
  logo: { tooLarge: 'agency.logoTooLarge', wrongType: 'agency.logoWrongType', pick: 'agency.logoPick', replacePick: 'agency.logoReplacePick', limits: 'agency.logoLimits', placeholder: 'agency.logoPlaceholder' },
} as const;

/** What the browser can tell before sending (the server checks the content again). */
function localFileError(slot: AgencyFileSlot, file: File, t: Translate<(typeof FILE_TEXTS)[AgencyFileSlot]['tooLarge' | 'wrongType']>, lang: Lang): string | null {
  if (file.size > AGENCY_FILES[slot].maxBytes) return t(FILE_TEXTS[slot].tooLarge, { size: formatSize(file.size, lang) });
  if (!AGENCY_FILES[slot].pattern.test(file.name)) return t(FILE_TEXTS[slot].wrongType);
  return null;
}

/**
 * Choosing, sending and removing one of an agency's files. Works on its own requests (not the
 * form's save), so it needs an agency that exists.
 */
function useAgencyFile(siteId: string, agencyId: string, slot: AgencyFileSlot) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const upload = useUploadAgencyFile(siteId, agencyId, slot);
  const remove = useRemoveAgencyFile(siteId, agencyId, slot);
  const [confirmNode, confirm] = useConfirm();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const serverError = upload.error ? (fieldErrors(upload.error, lang).file ?? problemMessage(upload.error, lang)) : null;

  const choose = (f: File | null) => {
    upload.reset();
    setFile(f);
    setLocalError(f ? localFileError(slot, f, t, lang) : null);
  };

  /** Sends the chosen file; `uploaded` words the success notice. */
  const send = (uploaded: (saved: AgencyAdmin, file: File) => string) => {
    if (!file || localError) return;
    upload.mutate(file, {
      onSuccess: (saved) => {
        notifySuccess(uploaded(saved, file));
        setFile(null);
      },
    });
  };

  /** Unlinks the file after the user confirms. */
  const removeConfirmed = async (texts: { title: string; message: string; confirmLabel: string; done: string }) => {
    const ok = await confirm({ title: texts.title, message: texts.message, confirmLabel: texts.confirmLabel, danger: true });
    if (ok) remove.mutate(undefined, { onSuccess: () => notifySuccess(texts.done) });
  };

  return { slot, upload, remove, confirmNode, file, choose, send, removeConfirmed, error: localError ?? serverError, ready: !!file && !localError };
}

/** The file input and the upload button of one of an agency's files. */
function AgencyFilePicker({ control, present, onSend, testId }: { control: ReturnType<typeof useAgencyFile>; present: boolean; onSend: () => void; testId: string }) {
  const { t } = useTranslation('catalog');
  const texts = FILE_TEXTS[control.slot];
  return (
    <>
      <FileInput
        label={t(present ? texts.replacePick : texts.pick)}
        description={t(texts.limits)}
        placeholder={t(texts.placeholder)}
        accept={AGENCY_FILES[control.slot].accept}
        value={control.file}
        onChange={control.choose}
        error={control.error}
        clearable
        w={{ base: '100%', sm: 420 }}
        leftSection={<IconUpload size={16} aria-hidden="true" />}
        disabled={control.upload.isPending}
        data-testid={`${testId}-file`}
      />
      <Group>
        <Button type="button" variant="light" onClick={onSend} disabled={!control.ready} loading={control.upload.isPending} data-testid={`${testId}-upload`}>
          {t('agency.documentUpload')}
        </Button>
      </Group>
    </>
  );
}

/** In place of a file's controls on a new agency: files need an agency that exists. */
function SaveFirst({ text, testId }: { text: string; testId: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {text}
    </Text>
  );
}

/** A small button that removes a file behind a confirmation. */
function RemoveFileButton({ label, onClick, loading, testId }: { label: string; onClick: () => void; loading: boolean; testId: string }) {
  return (
    <Button type="button" variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden="true" />} onClick={onClick} loading={loading} data-testid={testId}>
      {label}
    </Button>
  );
}

/**
 * The scanned, signed agreement: the current document with a download link, a control to upload
 * or replace it, and removal behind a confirmation.
 */
function AgreementDocument({ siteId, agency }: { siteId: string; agency: AgencyAdmin }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const control = useAgencyFile(siteId, agency.id, 'agreement');
  const doc = agency.agreement?.document ?? null;

  const removeDocument = () => {
    if (doc) void control.removeConfirmed({ title: t('agency.documentRemoveTitle'), message: t('agency.documentRemoveMessage', { name: doc.filename }), confirmLabel: t('agency.documentRemove'), done: t('agency.documentRemoved') });
  };

  return (
    <Stack gap="xs" data-testid="agreement-document">
      {control.confirmNode}
      <Text size="sm" fw={500}>
        {t('agency.document')}
      </Text>
      {doc ? (
        <Paper withBorder p="xs" radius="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: 1 }}>
              <IconFileText size={28} stroke={1.5} aria-hidden="true" />
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={500} truncate="end" title={doc.filename} data-testid="agreement-document-name">
                  {doc.filename}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('agency.documentMeta', { type: TYPE_LABELS[doc.mediaType] ?? doc.mediaType, size: formatSize(doc.sizeBytes, lang), date: formatDateTime(doc.uploadedAt, lang) })}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs">
              <Button
                component="a"
                href={P.agreementDocument(siteId, agency.id)}
                download={doc.filename}
                variant="light"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden="true" />}
                aria-label={t('agency.documentDownloadNamed', { name: doc.filename })}
                data-testid="agreement-document-download"
              >
                {t('agency.documentDownload')}
              </Button>
              <RemoveFileButton label={t('agency.documentRemove')} onClick={removeDocument} loading={control.remove.isPending} testId="agreement-document-remove" />
            </Group>
          </Group>
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          {t('agency.documentNone')}
        </Text>
      )}
      <AgencyFilePicker control={control} present={!!doc} onSend={() => control.send((saved, file) => t('agency.documentUploaded', { name: saved.agreement?.document?.filename ?? file.name }))} testId="agreement" />
    </Stack>
  );
}

const LOGO_PREVIEW = 72;

/** The agency's public logo: a preview, a control to upload or replace it, removal behind a confirmation. */
function AgencyLogo({ siteId, agency }: { siteId: string; agency: AgencyAdmin }) {
  const { t } = useTranslation('catalog');
  const control = useAgencyFile(siteId, agency.id, 'logo');
  const removeLogo = () =>
    void control.removeConfirmed({ title: t('agency.logoRemoveTitle'), message: t('agency.logoRemoveMessage', { name: agency.shortName }), confirmLabel: t('agency.logoRemove'), done: t('agency.logoRemoved') });

  return (
    <Stack gap="xs" data-testid="agency-logo">
      {control.confirmNode}
      <Group gap="md" align="center">
        {agency.logoUrl ? (
          <Image src={agency.logoUrl} alt={t('agency.logoAlt', { name: agency.shortName })} w={LOGO_PREVIEW} h={LOGO_PREVIEW} fit="contain" radius="sm" bd="1px solid var(--mantine-color-gray-3)" data-testid="agency-logo-preview" />
        ) : (
          <Paper withBorder radius="sm" w={LOGO_PREVIEW} h={LOGO_PREVIEW} style={{ display: 'grid', placeItems: 'center' }} aria-hidden="true">
            <IconPhoto size={28} stroke={1.5} color="var(--mantine-color-gray-5)" />
          </Paper>
        )}
        {agency.logoUrl ? (
          <RemoveFileButton label={t('agency.logoRemove')} onClick={removeLogo} loading={control.remove.isPending} testId="agency-logo-remove" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('agency.logoNone')}
          </Text>
        )}
      </Group>
      <AgencyFilePicker control={control} present={!!agency.logoUrl} onSend={() => control.send(() => t('agency.logoUploaded'))} testId="agency-logo" />
    </Stack>
  );
}

function AgencyForm({ agency }: { agency?: AgencyAdmin }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const navigate = useNavigate();
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const save = useSaveAgency(siteId, agency?.id);
  const setActive = useSetAgencyActive(siteId);
  const [confirmNode, confirm] = useConfirm();
  const { formRef, local, server, clear, submit: send } = useAdminSubmit(save, known);
  const [f, set] = useFormValues<Form>(() => fromAgency(agency), clear);
  const limited = !scope.siteWide;

  // Server paths mapped onto the form, merged with what the browser found.
  const errors: Record<string, string> = { ...local };
  for (const [k, v] of Object.entries(server.fields)) errors[FIELD_OF[k] ?? k] ??= v;

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!f.kind) e.kind = ta('form.required');
    if (f.name.trim().length < 2) e.name = ta('form.minChars', { count: 2 });
    if (f.shortName.trim().length < 2) e.shortName = ta('form.minChars', { count: 2 });
    if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e.email = ta('form.invalidEmail');
    if (f.website.trim() && !/^https?:\/\/\S+\.\S+/.test(f.website.trim())) e.website = ta('form.invalidUrl');
    if (!f.agreementNumber.trim() && (f.agreementSignedOn || f.agreementValidUntil)) e.agreementNumber = t('agency.agreementNumberNeeded');
    if (f.agreementSignedOn && f.agreementValidUntil && f.agreementValidUntil < f.agreementSignedOn) e.agreementValidUntil = t('agency.validBeforeSigned');
    Object.assign(e, hoursErrors(f.hours, 'hours'));
    return Object.fromEntries(Object.entries(e).filter(([, v]) => v));
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate();
    const full: AgencyInput = {
      kind: f.kind as AgencyKind,
      name: f.name.trim(),
      shortName: f.shortName.trim(),
      description: f.description.trim(),
      phone: nullIfEmpty(f.phone),
      email: nullIfEmpty(f.email),
      website: nullIfEmpty(f.website),
      agreement: f.agreementNumber.trim() ? { number: f.agreementNumber.trim(), signedOn: f.agreementSignedOn || null, validUntil: f.agreementValidUntil || null } : null,
      hours: cleanHours(f.hours),
    };
    // An agency_admin keeps their agency's description, contacts and hours up to date; the rest is the site admin's.
    const body: Partial<AgencyInput> = limited ? { description: full.description, phone: full.phone, email: full.email, website: full.website, hours: full.hours } : full;
    send(found, body, {
      success: (saved) => (agency ? t('agency.saved', { name: saved.name }) : t('agency.created', { name: saved.name })),
      onSaved: () => navigate('/admin/catalog/agencies'),
    });
  };

  const activation: ActivationTexts = (k, v) => t(`agency.${k}`, v);

  const toggle = useToggleActive(activation, setActive, confirm);
  const toggleActive = async () => {
    if (agency) await toggle(agency, agency.name, { services: agency.serviceCount, counters: agency.counterCount });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={agency ? t('agency.editTitle') : t('agency.newTitle')}>
      {confirmNode}
      <Stack gap="md" maw={900}>
        <FormAlert message={server.summary} />
        <Card withBorder padding="lg">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('agency.kind')}
                required
                value={f.kind}
                onChange={(e) => set('kind', e.currentTarget.value as AgencyKind)}
                data={[{ value: '', label: ta('form.choose') }, ...AGENCY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
                error={errors.kind}
                name="kind"
                disabled={limited}
                data-testid="agency-kind"
              />
              <div />
              <TextInput label={t('agency.name')} description={t('agency.nameHint')} required value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} name="name" maxLength={200} disabled={limited} data-testid="agency-name" />
              <TextInput label={t('agency.shortName')} description={t('agency.shortNameHint')} required value={f.shortName} onChange={(e) => set('shortName', e.currentTarget.value)} error={errors.shortName} name="shortName" maxLength={40} disabled={limited} data-testid="agency-short-name" />
            </SimpleGrid>
            <Textarea label={t('agency.description')} autosize minRows={2} maxRows={6} value={f.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} name="description" maxLength={2000} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('site.phone')} type="tel" value={f.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} name="phone" autoComplete="off" />
              <TextInput label={t('site.email')} type="email" value={f.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} name="email" autoComplete="off" />
              <TextInput label={t('site.website')} type="url" placeholder="https://" value={f.website} onChange={(e) => set('website', e.currentTarget.value)} error={errors.website} name="website" />
            </SimpleGrid>
          </Stack>
        </Card>

        <Fieldset legend={t('agency.logo')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('agency.logoHint')}
            </Text>
            {agency ? <AgencyLogo siteId={siteId} agency={agency} /> : <SaveFirst text={t('agency.logoSaveFirst')} testId="agency-logo-save-first" />}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('agency.agreement')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('agency.agreementHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('agency.agreementNumber')} value={f.agreementNumber} onChange={(e) => set('agreementNumber', e.currentTarget.value)} error={errors.agreementNumber} name="agreementNumber" maxLength={120} disabled={limited} data-testid="agency-agreement-number" />
              <DateField label={t('agency.signedOn')} value={f.agreementSignedOn} onChange={(v) => set('agreementSignedOn', v)} error={errors.agreementSignedOn} name="agreementSignedOn" disabled={limited} />
              <DateField label={t('agency.validUntilLabel')} value={f.agreementValidUntil} onChange={(v) => set('agreementValidUntil', v)} error={errors.agreementValidUntil} name="agreementValidUntil" disabled={limited} />
            </SimpleGrid>
            {agency ? <AgreementDocument siteId={siteId} agency={agency} /> : <SaveFirst text={t('agency.documentSaveFirst')} testId="agreement-document-save-first" />}
          </Stack>
        </Fieldset>

        <HoursEditor legend={t('agency.hours')} description={t('agency.hoursHint')} value={f.hours} onChange={(h) => set('hours', h)} errors={errors} />

        <Group justify="space-between">
          <PageFormActions cancelTo="/admin/catalog/agencies" submitLabel={agency ? ta('common.save') : t('agency.create')} loading={save.isPending} testId="agency-save" />
          {agency && scope.siteWide && (
            <Button variant="light" color={agency.active ? 'red' : 'green'} onClick={() => void toggleActive()} loading={setActive.isPending}>
              {agency.active ? t('agency.deactivate') : t('agency.activate')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** `/admin/catalog/agencies/new` and `/admin/catalog/agencies/:id`. */
export default function AgencyFormPage() {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const { id } = useParams();
  const scope = useCatalogScope();
  const agency = useAgency(scope.siteId as string, id);
  const title = id ? (agency.data ? agency.data.name : t('agency.editTitle')) : t('agency.newTitle');

  return (
    <Stack gap="md">
      <FormBreadcrumbs listTo="/admin/catalog/agencies" listLabel={t('tabs.agencies')} title={title} />
      <AdminHeader
        title={title}
        actions={
          agency.data &&
          !agency.data.active && (
            <Badge color="gray" variant="light">
              {ta('common.inactive')}
            </Badge>
          )
        }
      />
      {id && agency.isPending ? (
        <TableSkeleton rows={8} />
      ) : id && agency.isError ? (
        <QueryError error={agency.error} onRetry={() => void agency.refetch()} />
      ) : (
        <AgencyForm key={agency.data?.id ?? 'new'} agency={agency.data} />
      )}
    </Stack>
  );
}
